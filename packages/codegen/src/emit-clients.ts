// The services this repository generates clients for, and their emitters (registered in main.ts):
// EC2 into @boto-ts/client-ec2 (all 800 operations; schemas as lazily decoded text plus a
// tree-shakeable per-operation path), STS into core with only the operations the credential chain
// calls (every app that bundles the chain carries this client), and a DescribeRegions-only EC2 client
// into core for `session.enabledRegions()` (loaded only when that is called).

import type { CodegenContext } from './context.js';
import { emitService } from './emit-service.js';
import { ec2ReferenceUrl, stsReferenceUrl } from './names.js';
import type { ServiceTarget } from './service-target.js';

export const ec2Target: ServiceTarget = {
  modelDir: 'ec2/2016-11-15',
  outDir: 'packages/client-ec2/src/generated',
  configKey: 'ec2',
  prefix: 'EC2',
  constPrefix: 'ec2',
  title: 'Amazon Elastic Compute Cloud (EC2)',
  referenceUrl: ec2ReferenceUrl,
  lazySchemas: true,
  // The narrow subpath: importing the client loads ServiceClient and the schema format, not all of core.
  coreModules: () => '@boto-ts/core/client',
  protocolModule: (file) => `@boto-ts/core/protocols/${file}`,
  customizations: {
    // UserData is plain text (boto3); `userDataEncoding: 'base64'` sends an encoded value as given.
    RunInstances: {
      module: 'packages/client-ec2/src/customizations/user-data.js',
      customize: 'runInstancesUserData',
      optionsType: 'RunInstancesCallOptions',
    },
  },
};

/** Core's own modules, seen from packages/core/src/generated/sts. */
const coreModulesFromSts: Readonly<Record<string, string>> = {
  ServiceClient: '../../client/service-client.js',
  CallOptions: '../../client/types.js',
  ClientConfig: '../../client/types.js',
  WithMetadata: '../../client/metadata.js',
};

export const stsTarget: ServiceTarget = {
  modelDir: 'sts/2011-06-15',
  outDir: 'packages/core/src/generated/sts',
  configKey: 'sts',
  prefix: 'STS',
  constPrefix: 'sts',
  title: 'AWS Security Token Service (STS)',
  referenceUrl: stsReferenceUrl,
  lazySchemas: false,
  coreModules: (symbol) => coreModulesFromSts[symbol] ?? '../../protocol/schema.js',
  protocolModule: (file) => `../../protocols/${file}.js`,
  customizations: {},
  // What credentials/sts-client-calls.ts calls; the other nine would add 9 kB to every bundled app.
  operations: ['AssumeRole', 'AssumeRoleWithWebIdentity'],
};

/** Core's own modules, seen from packages/core/src/generated/ec2-regions (EC2 methods take DryRun). */
const coreModulesFromEc2Regions: Readonly<Record<string, string>> = {
  ...coreModulesFromSts,
  DryRunOutcome: '../../client/dry-run.js',
  DryRunFlag: '../../client/method-types.js',
  Outcome: '../../client/method-types.js',
  WithDryRun: '../../client/method-types.js',
};

/** EC2 with only DescribeRegions, into core (reaching core through its own modules, as STS does). */
export const ec2RegionsTarget: ServiceTarget = {
  ...ec2Target,
  outDir: 'packages/core/src/generated/ec2-regions',
  lazySchemas: false,
  coreModules: (symbol) => coreModulesFromEc2Regions[symbol] ?? '../../protocol/schema.js',
  customizations: {},
  // What session/enabled-regions.ts calls, with only the shapes it reaches (the full model is 800 operations).
  operations: ['DescribeRegions'],
  reachableShapesOnly: true,
};

export function emitEc2Client(context: CodegenContext): void {
  emitService(context, ec2Target);
}

export function emitStsClient(context: CodegenContext): void {
  emitService(context, stsTarget);
}

export function emitEc2RegionsClient(context: CodegenContext): void {
  emitService(context, ec2RegionsTarget);
}
