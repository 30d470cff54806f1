// @boto-ts/client-ec2/operations: one function per operation (`describeInstances(client, input)`),
// each operation's schema (`DescribeInstancesOperation`) and `createEC2BareClient`, as plain consts
// a bundler drops when unused. Types come from the main entry (`import type ... from '@boto-ts/client-ec2'`).
export * from './generated/operations/index.js';
