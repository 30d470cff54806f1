// @boto-ts/waiters: the waiter engine, and typed waiters for every EC2 waiter.
export { acceptorMatches, describeAcceptor, firstMatch, type Outcome } from './acceptors.js';
export type { MethodClient, SchemaSource, SendClient, WaiterClient } from './client.js';
export { type BackoffSchedule, type FixedSchedule, nextDelay, type Schedule } from './delays.js';
export {
  type EC2WaitArgs,
  type EC2Waiter,
  type EC2WaiterResult,
  type EC2WaiterSpec,
  getWaiter,
  waitUntil,
} from './ec2.js';
export { WaiterError, type WaiterErrorCode } from './errors.js';
export * from './generated/ec2/index.js';
export { realSleep, type Sleep, type WaiterEffects } from './sleep.js';
export type {
  Acceptor,
  AcceptorState,
  AnyWaiterSpec,
  ErrorAcceptor,
  PathAcceptor,
  StatusAcceptor,
  WaiterSpec,
  WaiterSubject,
} from './spec.js';
export {
  type AttemptReport,
  type ClientFor,
  createWaiter,
  type WaitArgs,
  type Waiter,
  type WaiterOf,
  type WaiterResult,
  type WaitOptions,
} from './waiter.js';
