// Describe* `Filters` as EC2 applies them: every filter must match (AND), any of a filter's values may
// match (OR), values may use `*` (any run) and `?` (one character) with `\` escaping them, `tag:<Key>`
// matches the value of one tag, `tag-key`/`tag-value` any tag. An unknown filter name is an error.

import { Ec2Error, invalidParameterValue } from '../protocol/errors.js';
import type { Params } from '../protocol/params.js';
import type { Tag } from '../state/tags.js';

export interface Filter {
  readonly name: string;
  readonly values: readonly string[];
}

type Scalar = string | number | boolean | undefined | null;
export type FilterValue = Scalar | readonly Scalar[];

/** Filter name -> what an item offers for it (a list matches when any element does). */
export type FilterTable<T> = Readonly<Record<string, (item: T) => FilterValue>>;

export function parseFilters(params: Params): Filter[] {
  return params.structs('Filter').map((filter) => {
    const name = filter.string('Name');
    if (name === undefined || name === '')
      throw new Ec2Error('MissingParameter', `The request must contain the parameter ${filter.path('Name')}`);
    return { name, values: filter.list('Value') };
  });
}

const cache = new Map<string, RegExp>();

/** Compiles an EC2 filter value (`*`, `?`, `\` escapes) to an anchored regular expression. */
export function wildcard(pattern: string): RegExp {
  let compiled = cache.get(pattern);
  if (compiled) return compiled;
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\' && i + 1 < pattern.length) {
      source += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (char === '*') {
      source += '[\\s\\S]*';
    } else if (char === '?') {
      source += '[\\s\\S]';
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  compiled = new RegExp(`^${source}$`, 'u');
  if (cache.size > 1000) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

function text(value: Scalar): string | undefined {
  if (value === undefined || value === null) return undefined;
  return String(value);
}

function anyMatches(offered: FilterValue, patterns: readonly RegExp[]): boolean {
  const list = (Array.isArray(offered) ? offered : [offered]) as readonly Scalar[];
  for (const value of list) {
    const t = text(value);
    if (t !== undefined && patterns.some((p) => p.test(t))) return true;
  }
  return false;
}

/**
 * Keeps the items that match every filter. `tagsOf` enables `tag:<Key>`, `tag-key` and `tag-value`.
 * Throws InvalidParameterValue for a filter name the resource does not support.
 */
export function applyFilters<T>(
  items: readonly T[],
  filters: readonly Filter[],
  table: FilterTable<T>,
  tagsOf?: (item: T) => readonly Tag[],
): T[] {
  if (filters.length === 0) return [...items];
  const tests = filters.map((filter): ((item: T) => boolean) => {
    const patterns = filter.values.map(wildcard);
    if (tagsOf && filter.name.startsWith('tag:')) {
      const key = filter.name.slice(4);
      return (item) =>
        anyMatches(
          tagsOf(item)
            .filter((t) => t.key === key)
            .map((t) => t.value),
          patterns,
        );
    }
    if (tagsOf && filter.name === 'tag-key')
      return (item) =>
        anyMatches(
          tagsOf(item).map((t) => t.key),
          patterns,
        );
    if (tagsOf && filter.name === 'tag-value')
      return (item) =>
        anyMatches(
          tagsOf(item).map((t) => t.value),
          patterns,
        );
    const offer = table[filter.name];
    if (!offer) {
      throw invalidParameterValue(
        `The filter '${filter.name}' is invalid. Supported here: ${[...Object.keys(table), ...(tagsOf ? ['tag:<key>', 'tag-key', 'tag-value'] : [])].join(', ')}.`,
      );
    }
    return (item) => anyMatches(offer(item), patterns);
  });
  return items.filter((item) => tests.every((test) => test(item)));
}
