// Works out which resources a response (or a parent's data) describes: their identifiers and, when
// the definition has a data path, the data each one comes loaded with. Pure: plain values in, plain
// values out; the caller turns each result into an object of the right class.

import type { IdentifierSource, ResultDefinition } from './definitions.js';

/** One resource to create: its identifiers, and its data when the response carried it. */
export interface BuiltResource {
  readonly identifiers: Readonly<Record<string, string>>;
  readonly data: object | undefined;
}

export interface BuildSources {
  /** The response of an action or collection page, or the parent's data for a reference. */
  readonly source: unknown;
  /** The request that was sent (for `requestParameter` identifiers). */
  readonly request?: Readonly<Record<string, unknown>> | undefined;
  /** The parent's identifiers (for `identifier` identifiers). */
  readonly parent?: Readonly<Record<string, string>> | undefined;
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An identifier value as a string, or undefined when it is missing or empty. */
function asIdentifier(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function withoutMetadata(value: unknown): object | undefined {
  if (!isObject(value)) return undefined;
  const { $metadata: _metadata, ...rest } = value as Record<string, unknown>;
  return rest;
}

function evaluate(source: IdentifierSource, sources: BuildSources): unknown {
  switch (source.from) {
    case 'response':
      return source.path(sources.source);
    case 'requestParameter':
      return source.path(sources.request ?? {});
    case 'identifier':
      return sources.parent?.[source.name];
    case 'element':
      throw new TypeError('element identifiers are read per element');
  }
}

/** Resources read per element of the data list: ids and data can never fall out of step. */
function buildPerElement(
  definition: ResultDefinition,
  elements: unknown,
  sources: BuildSources,
): BuiltResource[] {
  if (!Array.isArray(elements)) return [];
  const built: BuiltResource[] = [];
  for (const element of elements) {
    const identifiers: Record<string, string> = {};
    let complete = true;
    for (const { target, source } of definition.identifiers) {
      const value = asIdentifier(
        source.from === 'element' ? source.path(element) : evaluate(source, sources),
      );
      if (value === undefined) {
        complete = false;
        break;
      }
      identifiers[target] = value;
    }
    // An element without its identifier (a route with only an IPv6 destination) is no such resource.
    if (complete) built.push({ identifiers, data: isObject(element) ? element : undefined });
  }
  return built;
}

/**
 * The resources `definition` describes in `sources`. Singular: zero or one (zero when an identifier is
 * missing, e.g. an instance without a VpcId). Plural: one per list entry, scalar identifiers shared.
 */
export function buildResources(definition: ResultDefinition, sources: BuildSources): BuiltResource[] {
  const data =
    definition.data === undefined
      ? undefined
      : definition.data === 'whole'
        ? withoutMetadata(sources.source)
        : definition.data(sources.source);
  if (definition.identifiers.some(({ source }) => source.from === 'element')) {
    return buildPerElement(definition, data, sources);
  }
  const values = definition.identifiers.map(({ target, source }) => ({
    target,
    value: evaluate(source, sources),
  }));
  if (!definition.plural) {
    const identifiers: Record<string, string> = {};
    for (const { target, value } of values) {
      const id = asIdentifier(value);
      if (id === undefined) return [];
      identifiers[target] = id;
    }
    return [{ identifiers, data: isObject(data) ? data : undefined }];
  }
  const lists = values.filter(({ value }) => Array.isArray(value));
  const count = lists.length === 0 ? 1 : Math.min(...lists.map(({ value }) => (value as unknown[]).length));
  const dataList = Array.isArray(data) ? data : undefined;
  const built: BuiltResource[] = [];
  for (let i = 0; i < count; i++) {
    const identifiers: Record<string, string> = {};
    let complete = true;
    for (const { target, value } of values) {
      const id = asIdentifier(Array.isArray(value) ? value[i] : value);
      if (id === undefined) {
        complete = false;
        break;
      }
      identifiers[target] = id;
    }
    if (!complete) continue;
    const element = dataList?.[i];
    built.push({ identifiers, data: isObject(element) ? element : undefined });
  }
  return built;
}
