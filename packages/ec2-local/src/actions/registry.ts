// The table of supported actions and the one place that runs an action in EC2's order:
// permission -> ClientToken replay -> prepare (validation) -> DryRun -> run -> remember for replay.

import type { Account } from '../auth/accounts.js';
import { dryRunOperation, Ec2Error, unauthorizedOperation } from '../protocol/errors.js';
import type { Params } from '../protocol/params.js';
import type { XmlObject } from '../protocol/xml.js';
import type { Ec2State } from '../state/store.js';
import type { ActionContext, AnyAction } from './context.js';
import { describeImages } from './images.js';
import {
  describeInstanceStatus,
  describeInstances,
  rebootInstances,
  startInstances,
  stopInstances,
  terminateInstances,
} from './instances.js';
import { createKeyPair, deleteKeyPair, describeKeyPairs, importKeyPair } from './key-pairs.js';
import { describeAvailabilityZones, describeRegions } from './regions.js';
import { runInstances } from './run-instances.js';
import {
  authorizeSecurityGroupEgress,
  authorizeSecurityGroupIngress,
  createSecurityGroup,
  deleteSecurityGroup,
  describeSecurityGroups,
  revokeSecurityGroupEgress,
  revokeSecurityGroupIngress,
} from './security-groups.js';
import { createTags, deleteTags, describeTags } from './tags.js';
import { attachVolume, createVolume, deleteVolume, describeVolumes, detachVolume } from './volumes.js';
import { describeSubnets, describeVpcs } from './vpcs.js';

export const ACTIONS: ReadonlyMap<string, AnyAction> = new Map<string, AnyAction>([
  ['RunInstances', runInstances],
  ['DescribeInstances', describeInstances],
  ['DescribeInstanceStatus', describeInstanceStatus],
  ['StartInstances', startInstances],
  ['StopInstances', stopInstances],
  ['RebootInstances', rebootInstances],
  ['TerminateInstances', terminateInstances],
  ['DescribeImages', describeImages],
  ['CreateTags', createTags],
  ['DeleteTags', deleteTags],
  ['DescribeTags', describeTags],
  ['CreateKeyPair', createKeyPair],
  ['ImportKeyPair', importKeyPair],
  ['DeleteKeyPair', deleteKeyPair],
  ['DescribeKeyPairs', describeKeyPairs],
  ['CreateSecurityGroup', createSecurityGroup],
  ['DeleteSecurityGroup', deleteSecurityGroup],
  ['DescribeSecurityGroups', describeSecurityGroups],
  ['AuthorizeSecurityGroupIngress', authorizeSecurityGroupIngress],
  ['AuthorizeSecurityGroupEgress', authorizeSecurityGroupEgress],
  ['RevokeSecurityGroupIngress', revokeSecurityGroupIngress],
  ['RevokeSecurityGroupEgress', revokeSecurityGroupEgress],
  ['DescribeVpcs', describeVpcs],
  ['DescribeSubnets', describeSubnets],
  ['CreateVolume', createVolume],
  ['DeleteVolume', deleteVolume],
  ['DescribeVolumes', describeVolumes],
  ['AttachVolume', attachVolume],
  ['DetachVolume', detachVolume],
  ['DescribeRegions', describeRegions],
  ['DescribeAvailabilityZones', describeAvailabilityZones],
]);

/** The action names ec2-local answers, in the order of the table above. */
export const SUPPORTED_ACTIONS: readonly string[] = Object.freeze([...ACTIONS.keys()]);

export interface PerformInput {
  readonly action: string;
  readonly params: Params;
  readonly state: Ec2State;
  readonly account: Account;
  readonly now: number;
  readonly requestId: string;
}

/** Runs one action; resolves to the response members or rejects with an Ec2Error. */
export async function performAction(input: PerformInput): Promise<XmlObject> {
  const definition = ACTIONS.get(input.action);
  if (!definition) {
    throw new Ec2Error(
      'InvalidAction',
      `The action ${input.action} is not valid for this web service. (ec2-local supports: ${[...ACTIONS.keys()].join(', ')}.)`,
    );
  }
  if (input.account.deny.has(input.action)) throw unauthorizedOperation(input.action);
  const dryRun = input.params.boolean('DryRun') ?? false;
  const token = definition.idempotent ? input.params.string('ClientToken') : undefined;
  const tokenKey = token ? `${input.action}:${token}` : undefined;
  const fingerprint = token ? input.params.fingerprint(['ClientToken', 'DryRun']) : '';
  if (tokenKey) {
    const previous = input.state.idempotency.get(tokenKey);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        throw new Ec2Error(
          'IdempotentParameterMismatch',
          `The client token '${token}' was already used with different parameters. Use a new ClientToken for a different request.`,
        );
      }
      if (dryRun) throw dryRunOperation();
      return previous.replay();
    }
  }
  let replay: (() => XmlObject) | undefined;
  const context: ActionContext = {
    action: input.action,
    params: input.params,
    state: input.state,
    accountId: input.state.accountId,
    now: input.now,
    requestId: input.requestId,
    remember(fn) {
      replay = fn;
    },
  };
  const plan = definition.prepare(context);
  if (dryRun) throw dryRunOperation();
  const body = await definition.run(context, plan);
  if (tokenKey) input.state.idempotency.set(tokenKey, { fingerprint, replay: replay ?? (() => body) });
  return body;
}
