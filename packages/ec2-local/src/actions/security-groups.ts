// Security groups: create, delete (not the default one, not while used), describe with filters and
// paging, and authorize/revoke ingress and egress rules.

import { Ec2Error, invalidParameterValue, missingParameter, notFound } from '../protocol/errors.js';
import type { XmlObject } from '../protocol/xml.js';
import { applyFilters, type FilterTable, parseFilters } from '../query/filters.js';
import { paginate, readPaging } from '../query/paging.js';
import type { RuleRecord, SecurityGroupRecord } from '../state/records.js';
import type { Ec2State } from '../state/store.js';
import { type ActionContext, defineAction, ID_PATTERNS, readTagSpecifications, unique } from './context.js';
import {
  describeRule,
  ipPermissionsXml,
  type RuleSpec,
  readRuleSpecs,
  ruleXml,
  sameRule,
} from './security-group-rules.js';

function arn(state: Ec2State, group: SecurityGroupRecord): string {
  return `arn:aws:ec2:${state.region}:${group.ownerId}:security-group/${group.id}`;
}

/** GroupId, else GroupName in the default VPC. */
function findGroup(context: ActionContext, required: 'id' | 'id-or-name'): SecurityGroupRecord {
  const { params, state } = context;
  const id = params.string('GroupId');
  if (id !== undefined) {
    if (!ID_PATTERNS.securityGroup.test(id))
      throw new Ec2Error('InvalidGroupId.Malformed', `Invalid id: "${id}"`);
    const group = state.securityGroups.get(id);
    if (!group) throw new Ec2Error('InvalidGroup.NotFound', `The security group '${id}' does not exist`);
    return group;
  }
  const name = params.string('GroupName');
  if (required === 'id' || name === undefined)
    throw missingParameter(required === 'id' ? 'GroupId' : 'GroupId or GroupName');
  const group = state.securityGroupByName(state.defaultVpcId, name);
  if (!group) {
    throw new Ec2Error(
      'InvalidGroup.NotFound',
      `The security group '${name}' does not exist in default VPC '${state.defaultVpcId}'`,
    );
  }
  return group;
}

export const createSecurityGroup = defineAction({
  prepare(context) {
    const { params, state } = context;
    const name = params.requiredString('GroupName');
    const description = params.requiredString('GroupDescription');
    if (name.length > 255) throw invalidParameterValue('Group names may be at most 255 characters.');
    if (name.startsWith('sg-')) throw invalidParameterValue('Group names may not be in the format sg-*.');
    const vpcId = params.string('VpcId') ?? state.defaultVpcId;
    if (!state.vpcs.has(vpcId))
      throw new Ec2Error('InvalidVpcID.NotFound', `The vpc ID '${vpcId}' does not exist`);
    if (state.securityGroupByName(vpcId, name)) {
      throw new Ec2Error(
        'InvalidGroup.Duplicate',
        `The security group '${name}' already exists for VPC '${vpcId}'`,
      );
    }
    const tags = readTagSpecifications(params, ['security-group']).get('security-group') ?? [];
    return { name, description, vpcId, tags };
  },
  run(context, { name, description, vpcId, tags }) {
    const { state } = context;
    const group: SecurityGroupRecord = {
      id: state.newId('sg'),
      seq: state.nextSeq(),
      name,
      description,
      vpcId,
      ownerId: state.accountId,
      rules: [],
    };
    group.rules.push({
      id: state.newId('sgr'),
      isEgress: true,
      protocol: '-1',
      fromPort: undefined,
      toPort: undefined,
      cidrIpv4: '0.0.0.0/0',
      description: undefined,
    });
    state.securityGroups.set(group.id, group);
    state.tags.set(group.id, tags);
    return { groupId: group.id, tagSet: state.tags.list(group.id), securityGroupArn: arn(state, group) };
  },
});

export const deleteSecurityGroup = defineAction({
  prepare(context) {
    const { state } = context;
    const group = findGroup(context, 'id-or-name');
    if (group.name === 'default') {
      throw new Ec2Error(
        'CannotDelete',
        `the specified group: "${group.id}" name: "default" cannot be deleted by a user`,
      );
    }
    const usedByInstance = [...state.instances.values()].some(
      (i) => i.state !== 'terminated' && i.securityGroupIds.includes(group.id),
    );
    const referenced = [...state.securityGroups.values()].some(
      (other) => other.id !== group.id && other.rules.some((r) => r.referencedGroupId === group.id),
    );
    if (usedByInstance || referenced) {
      throw new Ec2Error('DependencyViolation', `resource ${group.id} has a dependent object`);
    }
    return group;
  },
  run(context, group) {
    context.state.securityGroups.delete(group.id);
    context.state.tags.drop(group.id);
    return { return: true, groupId: group.id };
  },
});

function groupXml(state: Ec2State, group: SecurityGroupRecord): XmlObject {
  return {
    ownerId: group.ownerId,
    groupId: group.id,
    groupName: group.name,
    groupDescription: group.description,
    ipPermissions: ipPermissionsXml(
      group.rules.filter((r) => !r.isEgress),
      group.ownerId,
    ),
    ipPermissionsEgress: ipPermissionsXml(
      group.rules.filter((r) => r.isEgress),
      group.ownerId,
    ),
    vpcId: group.vpcId,
    securityGroupArn: arn(state, group),
    tagSet: state.tags.list(group.id),
  };
}

function ruleFilters(egress: boolean): FilterTable<SecurityGroupRecord> {
  const rules = (g: SecurityGroupRecord) => g.rules.filter((r) => r.isEgress === egress);
  const prefix = egress ? 'egress.ip-permission' : 'ip-permission';
  return {
    [`${prefix}.protocol`]: (g) => rules(g).map((r) => r.protocol),
    [`${prefix}.from-port`]: (g) => rules(g).map((r) => r.fromPort),
    [`${prefix}.to-port`]: (g) => rules(g).map((r) => r.toPort),
    [`${prefix}.cidr`]: (g) => rules(g).map((r) => r.cidrIpv4),
    [`${prefix}.ipv6-cidr`]: (g) => rules(g).map((r) => r.cidrIpv6),
    [`${prefix}.group-id`]: (g) => rules(g).map((r) => r.referencedGroupId),
    [`${prefix}.prefix-list-id`]: (g) => rules(g).map((r) => r.prefixListId),
  };
}

const GROUP_FILTERS: FilterTable<SecurityGroupRecord> = {
  'group-id': (g) => g.id,
  'group-name': (g) => g.name,
  description: (g) => g.description,
  'vpc-id': (g) => g.vpcId,
  'owner-id': (g) => g.ownerId,
  ...ruleFilters(false),
  ...ruleFilters(true),
};

export const describeSecurityGroups = defineAction({
  prepare(context) {
    const { params, state } = context;
    const ids = unique(params.list('GroupId'));
    const names = unique(params.list('GroupName'));
    for (const id of ids)
      if (!ID_PATTERNS.securityGroup.test(id))
        throw new Ec2Error('InvalidGroupId.Malformed', `Invalid id: "${id}"`);
    const missingIds = ids.filter((id) => !state.securityGroups.has(id));
    if (missingIds.length > 0) throw notFound('InvalidGroup.NotFound', 'security group', missingIds);
    for (const name of names) {
      if (!state.securityGroupByName(state.defaultVpcId, name)) {
        throw new Ec2Error(
          'InvalidGroup.NotFound',
          `The security group '${name}' does not exist in default VPC '${state.defaultVpcId}'`,
        );
      }
    }
    const paging = readPaging(context.action, params);
    let groups = [...state.securityGroups.values()];
    if (ids.length > 0 || names.length > 0) {
      groups = groups.filter(
        (g) => ids.includes(g.id) || (g.vpcId === state.defaultVpcId && names.includes(g.name)),
      );
    }
    const matched = applyFilters(groups, parseFilters(params), GROUP_FILTERS, (g) => state.tags.list(g.id));
    return { matched: matched.sort((a, b) => a.seq - b.seq), paging };
  },
  run(context, { matched, paging }) {
    const page = paginate(matched, paging);
    return {
      securityGroupInfo: page.items.map((g) => groupXml(context.state, g)),
      nextToken: page.nextToken,
    };
  },
});

function authorize(egress: boolean) {
  return defineAction({
    prepare(context) {
      const group = findGroup(context, egress ? 'id' : 'id-or-name');
      const specs = readRuleSpecs(context.state, group, context.params);
      if (specs.length === 0) throw missingParameter('IpPermissions');
      const existing = group.rules.filter((r) => r.isEgress === egress);
      specs.forEach((spec, i) => {
        if (
          existing.some((r) => sameRule(r, spec)) ||
          specs.slice(0, i).some((other) => sameRule(other, spec))
        ) {
          throw new Ec2Error(
            'InvalidPermission.Duplicate',
            `the specified rule "${describeRule(spec)}" already exists`,
          );
        }
      });
      const tags =
        readTagSpecifications(context.params, ['security-group-rule']).get('security-group-rule') ?? [];
      return { group, specs, tags };
    },
    run(context, { group, specs, tags }) {
      const { state } = context;
      const added: RuleRecord[] = specs.map((spec) => ({
        ...spec,
        id: state.newId('sgr'),
        isEgress: egress,
      }));
      group.rules.push(...added);
      for (const rule of added) state.tags.set(rule.id, tags);
      return { return: true, securityGroupRuleSet: added.map((rule) => ruleXml(state, group, rule)) };
    },
  });
}

function revoke(egress: boolean) {
  return defineAction({
    prepare(context) {
      const group = findGroup(context, egress ? 'id' : 'id-or-name');
      const ruleIds = context.params.list('SecurityGroupRuleId');
      const specs: RuleSpec[] = ruleIds.length > 0 ? [] : readRuleSpecs(context.state, group, context.params);
      const mine = group.rules.filter((r) => r.isEgress === egress);
      const matched = new Set<RuleRecord>();
      const unknown: RuleSpec[] = [];
      for (const id of ruleIds) {
        const rule = mine.find((r) => r.id === id);
        if (!rule)
          throw new Ec2Error(
            'InvalidSecurityGroupRuleId.NotFound',
            `The security group rule ID '${id}' does not exist`,
          );
        matched.add(rule);
      }
      for (const spec of specs) {
        const rule = mine.find((r) => sameRule(r, spec));
        if (rule) matched.add(rule);
        else unknown.push(spec);
      }
      if (matched.size === 0) {
        throw new Ec2Error(
          'InvalidPermission.NotFound',
          'The specified rule does not exist in this security group.',
        );
      }
      return { group, matched: [...matched], unknown };
    },
    run(context, { group, matched, unknown }) {
      const removed = new Set(matched);
      const keep = group.rules.filter((r) => !removed.has(r));
      group.rules.splice(0, group.rules.length, ...keep);
      for (const rule of matched) context.state.tags.drop(rule.id);
      const unknownRules = unknown.map((spec, i) => ({ ...spec, id: `unknown-${i}`, isEgress: egress }));
      return {
        return: true,
        unknownIpPermissionSet:
          unknownRules.length > 0 ? ipPermissionsXml(unknownRules, group.ownerId) : undefined,
        revokedSecurityGroupRuleSet: matched.map((rule) => ({
          securityGroupRuleId: rule.id,
          groupId: group.id,
          isEgress: rule.isEgress,
          ipProtocol: rule.protocol,
          fromPort: rule.fromPort ?? -1,
          toPort: rule.toPort ?? -1,
          cidrIpv4: rule.cidrIpv4,
          cidrIpv6: rule.cidrIpv6,
          prefixListId: rule.prefixListId,
          referencedGroupId: rule.referencedGroupId,
          description: rule.description,
        })),
      };
    },
  });
}

export const authorizeSecurityGroupIngress = authorize(false);
export const authorizeSecurityGroupEgress = authorize(true);
export const revokeSecurityGroupIngress = revoke(false);
export const revokeSecurityGroupEgress = revoke(true);
