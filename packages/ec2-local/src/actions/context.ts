// What every action receives and how one is declared. An action has two halves so the order EC2 uses
// is structural: `prepare` validates and resolves without changing anything (its errors win over
// DryRun), then the registry answers DryRun, then `run` applies the change and returns the response.

import { Ec2Error, invalidParameterValue, malformedId, notFound } from '../protocol/errors.js';
import type { Params } from '../protocol/params.js';
import type { XmlObject } from '../protocol/xml.js';
import type { Ec2State } from '../state/store.js';
import { type Tag, validateTag } from '../state/tags.js';

export interface ActionContext {
  readonly action: string;
  readonly params: Params;
  readonly state: Ec2State;
  readonly accountId: string;
  /** The server clock for this request, ms since the epoch. */
  readonly now: number;
  readonly requestId: string;
  /** Records how to answer a repeat of this call with the same ClientToken (idempotent actions). */
  remember(replay: () => XmlObject): void;
}

export interface ActionDefinition<P> {
  /** Validates parameters and resolves references; must not change state. */
  prepare(context: ActionContext): P;
  /** Applies the change; returns the members of `<ActionResponse>` after `requestId`. */
  run(context: ActionContext, plan: P): XmlObject | Promise<XmlObject>;
  /** True when the action honours ClientToken (same token + same parameters = same result). */
  readonly idempotent?: boolean;
}

/** Erases the plan type so definitions can sit in one table. */
export type AnyAction = ActionDefinition<unknown>;

export function defineAction<P>(definition: ActionDefinition<P>): AnyAction {
  return definition as AnyAction;
}

/** `Tag.N.Key` / `Tag.N.Value` lists; a missing Value is the empty string. */
export function readTags(params: Params, name = 'Tag'): Tag[] {
  return params.structs(name).map((tag) => {
    const key = tag.string('Key');
    if (key === undefined)
      throw new Ec2Error('MissingParameter', `The request must contain the parameter ${tag.path('Key')}`);
    const parsed = { key, value: tag.string('Value') ?? '' };
    validateTag(parsed);
    return parsed;
  });
}

/**
 * `TagSpecification.N` entries grouped by resource type. Types outside `allowed` are rejected; types in
 * `ignored` are accepted and dropped (resources ec2-local does not model).
 */
export function readTagSpecifications(
  params: Params,
  allowed: readonly string[],
  ignored: readonly string[] = [],
): Map<string, Tag[]> {
  const byType = new Map<string, Tag[]>();
  for (const spec of params.structs('TagSpecification')) {
    const type = spec.string('ResourceType');
    if (type === undefined) {
      throw new Ec2Error(
        'MissingParameter',
        `The request must contain the parameter ${spec.path('ResourceType')}`,
      );
    }
    if (ignored.includes(type)) continue;
    if (!allowed.includes(type)) {
      throw invalidParameterValue(
        `'${type}' is not a valid taggable resource type for this operation. Use one of: ${allowed.join(', ')}.`,
      );
    }
    const tags = readTags(spec);
    byType.set(type, [...(byType.get(type) ?? []), ...tags]);
  }
  return byType;
}

/**
 * Checks a list of ids against a pattern and a lookup: malformed ids throw `<Kind>.Malformed` (or
 * `malformedCode`), unknown ones `<Kind>.NotFound` listing all of them. Returns the found records.
 */
export function lookupIds<T>(
  ids: readonly string[],
  options: {
    readonly pattern: RegExp;
    readonly malformedCode: string;
    readonly notFoundCode: string;
    readonly noun: string;
    readonly find: (id: string) => T | undefined;
  },
): T[] {
  for (const id of ids) if (!options.pattern.test(id)) throw malformedId(options.malformedCode, id);
  const found: T[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const record = options.find(id);
    if (record === undefined) missing.push(id);
    else found.push(record);
  }
  if (missing.length > 0) throw notFound(options.notFoundCode, options.noun, missing);
  return found;
}

/** Deduplicates while keeping the first occurrence's order. */
export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export const ID_PATTERNS = {
  instance: /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
  volume: /^vol-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
  securityGroup: /^sg-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
  vpc: /^vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
  subnet: /^subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
  keyPair: /^key-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
  rule: /^sgr-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
  reservation: /^r-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
} as const;
