// The instance and volume state machines. Transitions are scheduled as "becomes X at time T" and
// applied lazily: every request first settles what is due, so no timer runs between requests and a
// test clock (or `advance()`) fully controls what a client sees.
//
//   pending -> running -> stopping -> stopped -> pending ...
//   any live state -> shutting-down -> terminated -> (gone after the retention time)

import type { InstanceRecord, InstanceStateName, VolumeRecord } from './records.js';
import type { Ec2State } from './store.js';

export const STATE_CODES: Readonly<Record<InstanceStateName, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

function gmt(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} GMT`;
}

const USER_SHUTDOWN = {
  code: 'Client.UserInitiatedShutdown',
  message: 'Client.UserInitiatedShutdown: User initiated shutdown',
};

function schedule(instance: InstanceRecord, to: InstanceStateName | 'gone', at: number): void {
  instance.next = { to, at };
}

/** A new instance: pending, running after `delays.pending`. */
export function beginPending(state: Ec2State, instance: InstanceRecord, now: number): void {
  instance.state = 'pending';
  instance.stateTransitionReason = '';
  instance.stateReason = { code: 'pending', message: 'pending' };
  schedule(instance, 'running', now + state.delays.pending);
}

export function beginStopping(state: Ec2State, instance: InstanceRecord, now: number): void {
  instance.state = 'stopping';
  instance.stateTransitionReason = `User initiated (${gmt(now)})`;
  instance.stateReason = USER_SHUTDOWN;
  schedule(instance, 'stopped', now + state.delays.stopping);
}

export function beginShuttingDown(state: Ec2State, instance: InstanceRecord, now: number): void {
  instance.state = 'shutting-down';
  instance.stateTransitionReason = `User initiated (${gmt(now)})`;
  instance.stateReason = USER_SHUTDOWN;
  schedule(instance, 'terminated', now + state.delays.shuttingDown);
}

function releaseVolumes(state: Ec2State, instance: InstanceRecord): void {
  for (const volume of state.volumes.values()) {
    if (volume.attachment?.instanceId !== instance.id) continue;
    if (volume.attachment.deleteOnTermination) {
      state.volumes.delete(volume.id);
      state.tags.drop(volume.id);
    } else {
      volume.attachment = undefined;
      volume.state = 'available';
    }
  }
}

function removeInstance(state: Ec2State, instance: InstanceRecord): void {
  state.instances.delete(instance.id);
  state.tags.drop(instance.id);
  const reservation = state.reservations.get(instance.reservationId);
  if (reservation?.instanceIds.every((id) => !state.instances.has(id))) {
    state.reservations.delete(reservation.id);
  }
}

function applyInstanceChange(
  state: Ec2State,
  instance: InstanceRecord,
  to: InstanceStateName | 'gone',
  at: number,
): void {
  instance.next = undefined;
  switch (to) {
    case 'running':
      instance.state = 'running';
      instance.runningSince = at;
      instance.stateReason = undefined;
      instance.stateTransitionReason = '';
      if (instance.mapPublicIp && instance.publicIp === undefined)
        instance.publicIp = state.allocatePublicIp();
      return;
    case 'stopped':
      instance.state = 'stopped';
      instance.runningSince = undefined;
      instance.publicIp = undefined;
      return;
    case 'terminated':
      instance.state = 'terminated';
      instance.runningSince = undefined;
      instance.publicIp = undefined;
      releaseVolumes(state, instance);
      schedule(instance, 'gone', at + state.delays.terminatedRetention);
      return;
    case 'gone':
      removeInstance(state, instance);
      return;
    default:
      instance.state = to;
  }
}

function applyVolumeChanges(volume: VolumeRecord, now: number): void {
  if (volume.next && volume.next.at <= now) {
    volume.state = volume.next.to === 'gone' ? volume.state : volume.next.to;
    volume.next = undefined;
  }
  const attachment = volume.attachment;
  if (attachment?.next && attachment.next.at <= now) {
    const to = attachment.next.to;
    attachment.next = undefined;
    if (to === 'detached') {
      volume.attachment = undefined;
      volume.state = 'available';
    } else if (to !== 'gone') {
      attachment.state = to;
    }
  }
}

/** Applies every change due at `now` (in due order per resource). */
export function settle(state: Ec2State, now: number): void {
  for (const instance of [...state.instances.values()]) {
    while (instance.next && instance.next.at <= now) {
      const { to, at } = instance.next;
      applyInstanceChange(state, instance, to, Number.isFinite(at) ? at : now);
    }
  }
  for (const volume of state.volumes.values()) applyVolumeChanges(volume, now);
}

/**
 * Completes every in-flight transition by one step now (pending -> running, stopping -> stopped,
 * shutting-down -> terminated, volume steps); removal of terminated instances keeps its own time.
 * Returns how many resources moved.
 */
export function advance(state: Ec2State, now: number): number {
  let moved = 0;
  for (const instance of state.instances.values()) {
    if (instance.next && instance.next.to !== 'gone') {
      instance.next.at = now;
      moved++;
    }
  }
  for (const volume of state.volumes.values()) {
    if (volume.next) {
      volume.next.at = now;
      moved++;
    }
    if (volume.attachment?.next) {
      volume.attachment.next.at = now;
      moved++;
    }
  }
  settle(state, now);
  return moved;
}

/** DescribeInstanceStatus's view: `initializing` for a while after reaching running, then `ok`. */
export function statusCheck(
  state: Ec2State,
  instance: InstanceRecord,
  now: number,
): 'ok' | 'initializing' | 'not-applicable' {
  if (instance.state !== 'running' || instance.runningSince === undefined) return 'not-applicable';
  return now - instance.runningSince >= state.delays.statusChecks ? 'ok' : 'initializing';
}
