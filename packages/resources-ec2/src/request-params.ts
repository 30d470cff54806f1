// Builds an operation's input from a resource: its identifiers, constants and data values placed at
// their targets (`InstanceIds[0]`, `Filters[0].Values[0]`), then the caller's input merged over them
// with lists appended, as boto3 does (so `vpc.instances.filter({ Filters })` keeps the vpc-id filter).
// Pure: every function returns new objects and never mutates its arguments.

import type { ParamDefinition, ParamTarget } from './definitions.js';

type Container = Record<string, unknown> | unknown[];

/** What a request parameter can read from its resource. */
export interface ParamOwner {
  readonly identifiers: Readonly<Record<string, string>>;
  /** The loaded data; throws ResourceNotLoadedError when there is none. */
  data(member: string): unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Sets `value` at `target` inside `root` (which is mutated: callers pass a fresh object), creating
 * objects and lists on the way. `'[]'` appends; `'[*]'` is `batchIndex`.
 */
function place(root: Record<string, unknown>, target: ParamTarget, value: unknown, batchIndex: number): void {
  let container: Container = root;
  for (let i = 0; i < target.length; i++) {
    const step = target[i]!;
    const last = i === target.length - 1;
    const next = target[i + 1];
    const key: string | number = step === '[*]' ? batchIndex : step;
    if (key === '[]') {
      if (!Array.isArray(container))
        throw new TypeError(`param target ${target.join('.')}: [] on a non-list`);
      if (last) {
        container.push(value);
        return;
      }
      const created: Container = typeof next === 'number' || next === '[]' || next === '[*]' ? [] : {};
      container.push(created);
      container = created;
      continue;
    }
    const slot = container as Record<string | number, unknown>;
    if (last) {
      slot[key] = value;
      return;
    }
    if (slot[key] === undefined) {
      slot[key] = typeof next === 'number' || next === '[]' || next === '[*]' ? [] : {};
    }
    container = slot[key] as Container;
  }
}

function paramValue(param: ParamDefinition, owner: ParamOwner): unknown {
  switch (param.from) {
    case 'identifier':
      return owner.identifiers[param.name];
    case 'value':
      return param.value;
    case 'data':
      return param.path(owner.data(param.expression));
  }
}

/** The parameters one resource fills in (an action, a load, a waiter, a collection's request). */
export function buildParams(params: readonly ParamDefinition[], owner: ParamOwner): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const param of params) place(input, param.target, paramValue(param, owner), 0);
  return input;
}

/**
 * The parameters of a batch action over `owners`: each resource's values appended (`InstanceIds[]`)
 * or placed at its own index (`Tags[*].Key`).
 */
export function buildBatchParams(
  params: readonly ParamDefinition[],
  owners: readonly ParamOwner[],
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  owners.forEach((owner, index) => {
    for (const param of params) place(input, param.target, paramValue(param, owner), index);
  });
  return input;
}

/**
 * Merges the caller's input over the built parameters: lists are concatenated (built first), objects
 * merged member by member, anything else taken from the caller. Neither argument is changed.
 */
export function mergeInput(
  built: Readonly<Record<string, unknown>>,
  given: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...built };
  if (given === undefined) return merged;
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const existing = merged[key];
    if (Array.isArray(existing) && Array.isArray(value)) merged[key] = [...existing, ...value];
    else if (isRecord(existing) && isRecord(value)) merged[key] = mergeInput(existing, value);
    else merged[key] = value;
  }
  return merged;
}
