// What a test leaves open. Two views:
// - `process.getActiveResourcesInfo()` counted by kind (what keeps the process alive): a baseline
//   before the test's servers and client, compared after they are closed. Counts can hide a leak
//   when something of the test runner's closes meanwhile, so there is also
// - `trackResources()`: sockets and timers by identity (async_hooks), those created from this
//   repository's code (client, transport, proxy, ec2-local), still alive until destroyed, unref'd
//   ones included.

import { createHook } from 'node:async_hooks';

export type ResourceCounts = Readonly<Record<string, number>>;

export function activeResources(): ResourceCounts {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** Resources held now beyond `baseline`, by kind (empty when nothing is left over). */
export function leftOver(baseline: ResourceCounts): ResourceCounts {
  const extra: Record<string, number> = {};
  for (const [kind, count] of Object.entries(activeResources())) {
    const more = count - (baseline[kind] ?? 0);
    if (more > 0) extra[kind] = more;
  }
  return extra;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits (polling, at most `timeoutMs`) until nothing beyond `baseline` is held; returns what is left. */
export async function settleTo(baseline: ResourceCounts, timeoutMs = 2_000): Promise<ResourceCounts> {
  const deadline = Date.now() + timeoutMs;
  let extra = leftOver(baseline);
  while (Object.keys(extra).length > 0 && Date.now() < deadline) {
    await pause(5);
    extra = leftOver(baseline);
  }
  return extra;
}

const TRACKED_KINDS = new Set(['TCPWRAP', 'TCPCONNECTWRAP', 'TCPSERVERWRAP', 'Timeout', 'Immediate']);
/** Code of this repository (not the test runner's), as it appears in a creation stack. */
const OUR_CODE = /\/packages\/[a-z0-9-]+\/src\//;
const SELF = '/test-support/active-resources.';

export interface TrackedResource {
  readonly kind: string;
  /** The first stack frame in this repository's code when it was created. */
  readonly createdAt: string;
}

export interface ResourceTracker {
  /** Tracked resources not yet destroyed (those created in files matching `createdIn`, if given). */
  live(createdIn?: RegExp): TrackedResource[];
  /** Polls (at most `timeoutMs`) until none is live; returns what is left. */
  settle(options?: { timeoutMs?: number; createdIn?: RegExp }): Promise<TrackedResource[]>;
  stop(): void;
}

export function trackResources(): ResourceTracker {
  const live = new Map<number, TrackedResource>();
  const hook = createHook({
    init(asyncId, kind) {
      if (!TRACKED_KINDS.has(kind)) return;
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 50;
      const stack = new Error().stack ?? '';
      Error.stackTraceLimit = limit;
      // The tracker's own polling timers are not the test's.
      if (stack.includes(SELF)) return;
      const ours = stack.split('\n').find((line) => OUR_CODE.test(line));
      if (ours !== undefined) live.set(asyncId, { kind, createdAt: ours.trim() });
    },
    destroy(asyncId) {
      live.delete(asyncId);
    },
  });
  hook.enable();
  const list = (createdIn?: RegExp) =>
    [...live.values()].filter((resource) => createdIn === undefined || createdIn.test(resource.createdAt));
  return {
    live: list,
    async settle({ timeoutMs = 2_000, createdIn }: { timeoutMs?: number; createdIn?: RegExp } = {}) {
      const deadline = Date.now() + timeoutMs;
      while (list(createdIn).length > 0 && Date.now() < deadline) await pause(5);
      return list(createdIn);
    },
    stop: () => hook.disable(),
  };
}
