// What a result definition should build, worked out independently of the engine: every path of the
// model is evaluated by a JMESPath library on the full response (no compiled functions), and the
// values are zipped the way boto3 does. Tests compare the engine's objects with this.

import { type JSONValue, search } from '@jmespath-community/jmespath';
import type { ResultDefinition } from '../definitions.js';

export interface ExpectedResource {
  readonly identifiers: Record<string, string>;
  readonly data: unknown;
}

const query = (value: unknown, expression: string): unknown => search(value as JSONValue, expression);

function withoutMetadata(value: unknown): unknown {
  const { $metadata: _metadata, ...rest } = value as Record<string, unknown>;
  return rest;
}

export function expectedResources(
  result: ResultDefinition,
  sources: { readonly source: unknown; readonly request?: unknown; readonly parent: Record<string, string> },
): ExpectedResource[] {
  const values = result.identifiers.map(({ target, source }) => {
    switch (source.from) {
      case 'identifier':
        return { target, value: sources.parent[source.name] as unknown };
      case 'requestParameter':
        return { target, value: query(sources.request ?? {}, source.expression) };
      default:
        return { target, value: query(sources.source, source.expression) };
    }
  });
  const data =
    result.dataExpression === undefined
      ? undefined
      : result.dataExpression === '@'
        ? withoutMetadata(sources.source)
        : query(sources.source, result.dataExpression);
  const lists = values.filter(({ value }) => Array.isArray(value)).map(({ value }) => value as unknown[]);
  const count = result.plural ? (lists[0]?.length ?? 1) : 1;
  const out: ExpectedResource[] = [];
  for (let i = 0; i < count; i++) {
    const identifiers: Record<string, string> = {};
    for (const { target, value } of values) {
      const id = Array.isArray(value) ? value[i] : value;
      if (typeof id !== 'string' || id === '') return result.plural ? out : [];
      identifiers[target] = id;
    }
    out.push({
      identifiers,
      data: result.plural ? (Array.isArray(data) ? data[i] : undefined) : (data ?? undefined),
    });
  }
  return out;
}

/** The value at a parameter target (`['Filters', 0, 'Values', 0]`) of a sent input. */
export function valueAt(input: unknown, target: readonly (string | number)[]): unknown {
  let at: unknown = input;
  for (const step of target) {
    if (step === '[]' || step === '[*]') return at; // the list: batch tests read it whole
    at = (at as Record<string | number, unknown> | undefined)?.[step];
  }
  return at;
}

export { query as jmespathSearch };
