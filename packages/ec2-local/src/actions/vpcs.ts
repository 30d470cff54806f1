// DescribeVpcs and DescribeSubnets: the default VPC and its default subnet per availability zone.

import type { XmlObject } from '../protocol/xml.js';
import { applyFilters, type FilterTable, parseFilters } from '../query/filters.js';
import { paginate, readPaging } from '../query/paging.js';
import { usableAddresses } from '../state/addresses.js';
import type { SubnetRecord, VpcRecord } from '../state/records.js';
import type { Ec2State } from '../state/store.js';
import { defineAction, ID_PATTERNS, lookupIds, unique } from './context.js';

function vpcXml(state: Ec2State, vpc: VpcRecord): XmlObject {
  return {
    ownerId: state.accountId,
    instanceTenancy: 'default',
    cidrBlockAssociationSet: [
      {
        associationId: vpc.cidrAssociationId,
        cidrBlock: vpc.cidrBlock,
        cidrBlockState: { state: 'associated' },
      },
    ],
    isDefault: vpc.isDefault,
    tagSet: state.tags.list(vpc.id),
    vpcId: vpc.id,
    state: 'available',
    cidrBlock: vpc.cidrBlock,
    dhcpOptionsId: vpc.dhcpOptionsId,
  };
}

function vpcFilters(state: Ec2State): FilterTable<VpcRecord> {
  return {
    'vpc-id': (v) => v.id,
    cidr: (v) => v.cidrBlock,
    'cidr-block-association.cidr-block': (v) => v.cidrBlock,
    'cidr-block-association.association-id': (v) => v.cidrAssociationId,
    'cidr-block-association.state': () => 'associated',
    'dhcp-options-id': (v) => v.dhcpOptionsId,
    'is-default': (v) => v.isDefault,
    isDefault: (v) => v.isDefault,
    'owner-id': () => state.accountId,
    state: () => 'available',
  };
}

export const describeVpcs = defineAction({
  prepare(context) {
    const { params, state } = context;
    const ids = unique(params.list('VpcId'));
    const base = ids.length
      ? lookupIds(ids, {
          pattern: ID_PATTERNS.vpc,
          malformedCode: 'InvalidVpcID.Malformed',
          notFoundCode: 'InvalidVpcID.NotFound',
          noun: 'vpc ID',
          find: (id) => state.vpcs.get(id),
        })
      : [...state.vpcs.values()];
    const paging = readPaging(context.action, params);
    const matched = applyFilters(base, parseFilters(params), vpcFilters(state), (v) => state.tags.list(v.id));
    return { matched: matched.sort((a, b) => a.seq - b.seq), paging };
  },
  run(context, { matched, paging }) {
    const page = paginate(matched, paging);
    return { vpcSet: page.items.map((v) => vpcXml(context.state, v)), nextToken: page.nextToken };
  },
});

function freeAddresses(state: Ec2State, subnet: SubnetRecord): number {
  let used = 0;
  for (const instance of state.instances.values()) {
    if (instance.subnetId === subnet.id && instance.state !== 'terminated') used++;
  }
  return usableAddresses(subnet.cidrBlock) - used;
}

function subnetXml(state: Ec2State, subnet: SubnetRecord): XmlObject {
  return {
    availabilityZoneId: subnet.availabilityZoneId,
    ownerId: state.accountId,
    assignIpv6AddressOnCreation: false,
    ipv6CidrBlockAssociationSet: [],
    tagSet: state.tags.list(subnet.id),
    subnetArn: `arn:aws:ec2:${state.region}:${state.accountId}:subnet/${subnet.id}`,
    enableDns64: false,
    ipv6Native: false,
    privateDnsNameOptionsOnLaunch: {
      hostnameType: 'ip-name',
      enableResourceNameDnsARecord: false,
      enableResourceNameDnsAAAARecord: false,
    },
    subnetId: subnet.id,
    state: 'available',
    vpcId: subnet.vpcId,
    cidrBlock: subnet.cidrBlock,
    availableIpAddressCount: freeAddresses(state, subnet),
    availabilityZone: subnet.availabilityZone,
    defaultForAz: subnet.defaultForAz,
    mapPublicIpOnLaunch: subnet.mapPublicIpOnLaunch,
  };
}

function subnetFilters(state: Ec2State): FilterTable<SubnetRecord> {
  return {
    'subnet-id': (s) => s.id,
    'vpc-id': (s) => s.vpcId,
    vpcId: (s) => s.vpcId,
    'availability-zone': (s) => s.availabilityZone,
    availabilityZone: (s) => s.availabilityZone,
    'availability-zone-id': (s) => s.availabilityZoneId,
    'cidr-block': (s) => s.cidrBlock,
    cidr: (s) => s.cidrBlock,
    cidrBlock: (s) => s.cidrBlock,
    'default-for-az': (s) => s.defaultForAz,
    defaultForAz: (s) => s.defaultForAz,
    'map-public-ip-on-launch': (s) => s.mapPublicIpOnLaunch,
    'available-ip-address-count': (s) => freeAddresses(state, s),
    'owner-id': () => state.accountId,
    state: () => 'available',
    'subnet-arn': (s) => `arn:aws:ec2:${state.region}:${state.accountId}:subnet/${s.id}`,
  };
}

export const describeSubnets = defineAction({
  prepare(context) {
    const { params, state } = context;
    const ids = unique(params.list('SubnetId'));
    const base = ids.length
      ? lookupIds(ids, {
          pattern: ID_PATTERNS.subnet,
          malformedCode: 'InvalidSubnetID.Malformed',
          notFoundCode: 'InvalidSubnetID.NotFound',
          noun: 'subnet ID',
          find: (id) => state.subnets.get(id),
        })
      : [...state.subnets.values()];
    const paging = readPaging(context.action, params);
    const matched = applyFilters(base, parseFilters(params), subnetFilters(state), (s) =>
      state.tags.list(s.id),
    );
    return { matched: matched.sort((a, b) => a.seq - b.seq), paging };
  },
  run(context, { matched, paging }) {
    const page = paginate(matched, paging);
    return { subnetSet: page.items.map((s) => subnetXml(context.state, s)), nextToken: page.nextToken };
  },
});
