// Security group rules in both of EC2's shapes: the request's IpPermissions (one protocol and port
// range with many peers) become one rule per peer, and rules are grouped back into IpPermissions
// for DescribeSecurityGroups. Also protocol names and port checks as EC2 applies them.

import { Ec2Error, invalidParameterValue } from '../protocol/errors.js';
import type { Params } from '../protocol/params.js';
import type { XmlObject } from '../protocol/xml.js';
import { isCidrV4, isCidrV6 } from '../state/addresses.js';
import type { RuleRecord, SecurityGroupRecord } from '../state/records.js';
import type { Ec2State } from '../state/store.js';

/** A rule before it has an id. */
export type RuleSpec = Omit<RuleRecord, 'id' | 'isEgress'>;

const PROTOCOL_NAMES: Readonly<Record<string, string>> = {
  '-1': '-1',
  all: '-1',
  tcp: 'tcp',
  '6': 'tcp',
  udp: 'udp',
  '17': 'udp',
  icmp: 'icmp',
  '1': 'icmp',
  icmpv6: 'icmpv6',
  '58': 'icmpv6',
};

export function normalizeProtocol(raw: string): string {
  const lower = raw.toLowerCase();
  const known = PROTOCOL_NAMES[lower];
  if (known) return known;
  if (/^\d+$/.test(lower) && Number(lower) <= 255) return String(Number(lower));
  throw invalidParameterValue(`Invalid value '${raw}' for IP protocol. Unknown protocol.`);
}

function ports(
  protocol: string,
  from: number | undefined,
  to: number | undefined,
): [number | undefined, number | undefined] {
  if (protocol === 'tcp' || protocol === 'udp') {
    if (from === undefined || to === undefined) {
      throw invalidParameterValue(
        "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.",
      );
    }
    if (from < 0 || to > 65535 || from > to) {
      throw invalidParameterValue(
        `Invalid value '${from}-${to}' for portRange: ports are 0-65535 and FromPort <= ToPort.`,
      );
    }
    return [from, to];
  }
  if (protocol === 'icmp' || protocol === 'icmpv6') {
    const type = from ?? -1;
    const code = to ?? -1;
    if (type < -1 || type > 255 || code < -1 || code > 255) {
      throw invalidParameterValue(`Invalid ICMP type/code ${type}/${code}: each is -1 (all) or 0-255.`);
    }
    return [type, code];
  }
  return [undefined, undefined];
}

function peerGroup(state: Ec2State, group: SecurityGroupRecord, pair: Params): string {
  const id = pair.string('GroupId');
  if (id !== undefined) {
    if (!state.securityGroups.has(id))
      throw new Ec2Error('InvalidGroup.NotFound', `The security group '${id}' does not exist`);
    return id;
  }
  const name = pair.string('GroupName');
  if (name === undefined) throw invalidParameterValue('A group pair needs GroupId or GroupName.');
  const found = state.securityGroupByName(group.vpcId, name);
  if (!found)
    throw new Ec2Error(
      'InvalidGroup.NotFound',
      `The security group '${name}' does not exist in VPC '${group.vpcId}'`,
    );
  return found.id;
}

/** The rules a request names, from IpPermissions.N or from the legacy flat parameters. */
export function readRuleSpecs(state: Ec2State, group: SecurityGroupRecord, params: Params): RuleSpec[] {
  const specs: RuleSpec[] = [];
  const permissions = params.structs('IpPermissions');
  for (const permission of permissions) {
    const protocol = normalizeProtocol(permission.requiredString('IpProtocol'));
    const [fromPort, toPort] = ports(protocol, permission.integer('FromPort'), permission.integer('ToPort'));
    const base = { protocol, fromPort, toPort };
    const before = specs.length;
    for (const range of permission.structs('IpRanges')) {
      const cidr = range.requiredString('CidrIp');
      if (!isCidrV4(cidr)) throw invalidParameterValue(`CIDR block ${cidr} is malformed`);
      specs.push({ ...base, cidrIpv4: cidr, description: range.string('Description') });
    }
    for (const range of permission.structs('Ipv6Ranges')) {
      const cidr = range.requiredString('CidrIpv6');
      if (!isCidrV6(cidr)) throw invalidParameterValue(`CIDR block ${cidr} is malformed`);
      specs.push({ ...base, cidrIpv6: cidr, description: range.string('Description') });
    }
    for (const pair of permission.structs('Groups')) {
      specs.push({
        ...base,
        referencedGroupId: peerGroup(state, group, pair),
        description: pair.string('Description'),
      });
    }
    for (const list of permission.structs('PrefixListIds')) {
      specs.push({
        ...base,
        prefixListId: list.requiredString('PrefixListId'),
        description: list.string('Description'),
      });
    }
    if (specs.length === before) {
      throw invalidParameterValue(
        'Each IpPermissions entry needs a peer: IpRanges, Ipv6Ranges, Groups or PrefixListIds.',
      );
    }
  }
  const flatProtocol = params.string('IpProtocol');
  const flatCidr = params.string('CidrIp');
  const flatGroup = params.string('SourceSecurityGroupName');
  if (flatProtocol !== undefined || flatCidr !== undefined || flatGroup !== undefined) {
    const protocol = normalizeProtocol(flatProtocol ?? '-1');
    const [fromPort, toPort] = ports(protocol, params.integer('FromPort'), params.integer('ToPort'));
    if (flatCidr !== undefined) {
      if (!isCidrV4(flatCidr)) throw invalidParameterValue(`CIDR block ${flatCidr} is malformed`);
      specs.push({ protocol, fromPort, toPort, cidrIpv4: flatCidr, description: undefined });
    }
    if (flatGroup !== undefined) {
      const found = state.securityGroupByName(group.vpcId, flatGroup);
      if (!found)
        throw new Ec2Error('InvalidGroup.NotFound', `The security group '${flatGroup}' does not exist`);
      specs.push({ protocol, fromPort, toPort, referencedGroupId: found.id, description: undefined });
    }
  }
  return specs;
}

/** Same protocol, ports and peer: what EC2 treats as the same rule (the description does not count). */
export function sameRule(a: RuleSpec, b: RuleSpec): boolean {
  return (
    a.protocol === b.protocol &&
    a.fromPort === b.fromPort &&
    a.toPort === b.toPort &&
    a.cidrIpv4 === b.cidrIpv4 &&
    a.cidrIpv6 === b.cidrIpv6 &&
    a.referencedGroupId === b.referencedGroupId &&
    a.prefixListId === b.prefixListId
  );
}

export function describeRule(rule: RuleSpec): string {
  const peer = rule.cidrIpv4 ?? rule.cidrIpv6 ?? rule.referencedGroupId ?? rule.prefixListId ?? '?';
  const protocol = rule.protocol === '-1' ? 'ALL' : rule.protocol.toUpperCase();
  return `peer: ${peer}, ${protocol}, from port: ${rule.fromPort ?? 'ALL'}, to port: ${rule.toPort ?? 'ALL'}, ALLOW`;
}

/** Rules of one direction grouped into IpPermission elements (one per protocol + port range). */
export function ipPermissionsXml(rules: readonly RuleRecord[], ownerId: string): XmlObject[] {
  const groups = new Map<string, RuleRecord[]>();
  for (const rule of rules) {
    const key = `${rule.protocol}|${rule.fromPort}|${rule.toPort}`;
    groups.set(key, [...(groups.get(key) ?? []), rule]);
  }
  return [...groups.values()].map((list) => {
    const first = list[0]!;
    return {
      ipProtocol: first.protocol,
      fromPort: first.fromPort,
      toPort: first.toPort,
      groups: list
        .filter((r) => r.referencedGroupId)
        .map((r) => ({ description: r.description, userId: ownerId, groupId: r.referencedGroupId })),
      ipRanges: list
        .filter((r) => r.cidrIpv4)
        .map((r) => ({ description: r.description, cidrIp: r.cidrIpv4 })),
      ipv6Ranges: list
        .filter((r) => r.cidrIpv6)
        .map((r) => ({ description: r.description, cidrIpv6: r.cidrIpv6 })),
      prefixListIds: list
        .filter((r) => r.prefixListId)
        .map((r) => ({ description: r.description, prefixListId: r.prefixListId })),
    };
  });
}

/** One rule as a SecurityGroupRule (AuthorizeSecurityGroup* results). */
export function ruleXml(state: Ec2State, group: SecurityGroupRecord, rule: RuleRecord): XmlObject {
  return {
    securityGroupRuleId: rule.id,
    groupId: group.id,
    groupOwnerId: group.ownerId,
    isEgress: rule.isEgress,
    ipProtocol: rule.protocol,
    fromPort: rule.fromPort ?? -1,
    toPort: rule.toPort ?? -1,
    cidrIpv4: rule.cidrIpv4,
    cidrIpv6: rule.cidrIpv6,
    prefixListId: rule.prefixListId,
    referencedGroupInfo: rule.referencedGroupId
      ? { groupId: rule.referencedGroupId, userId: group.ownerId }
      : undefined,
    description: rule.description,
    tagSet: state.tags.list(rule.id),
  };
}
