// The items of one page, in the order users mean them, and a page cut down to a range of those items.
// Items are the primary result's elements, or (with `itemKey`) the entries of each element's nested
// list: DescribeInstances pages hold Reservations, and its items are the Instances inside them.

import type { AnyPaginatorSpec } from './spec.js';

type Page = Readonly<Record<string, unknown>>;

function primary(page: Page, spec: AnyPaginatorSpec): readonly unknown[] {
  const value = page[spec.resultKeys[0]!];
  return Array.isArray(value) ? value : [];
}

function nested(element: unknown, itemKey: string): readonly unknown[] {
  if (element === null || typeof element !== 'object') return [];
  const value = (element as Record<string, unknown>)[itemKey];
  return Array.isArray(value) ? value : [];
}

/** The page's items in order. */
export function pageItems(page: Page, spec: AnyPaginatorSpec): unknown[] {
  const elements = primary(page, spec);
  const { itemKey } = spec;
  if (itemKey === undefined) return [...elements];
  return elements.flatMap((element) => nested(element, itemKey));
}

export function countItems(page: Page, spec: AnyPaginatorSpec): number {
  const elements = primary(page, spec);
  const { itemKey } = spec;
  if (itemKey === undefined) return elements.length;
  let count = 0;
  for (const element of elements) count += nested(element, itemKey).length;
  return count;
}

/**
 * The page holding only items [from, to) of `total`. With `itemKey`, an element is kept when it holds at
 * least one of those items, with its nested list cut to them; an element with no items belongs to the
 * range its position falls in (so each appears once across a page that was split and resumed).
 * Secondary result keys travel with the part of the page that starts at item 0 (as boto3 does), so a
 * resumed page does not repeat them. Everything else (non-aggregate members, `$metadata`) is kept.
 */
export function slicePage<P extends object>(
  page: P,
  spec: AnyPaginatorSpec,
  from: number,
  to: number,
  total: number,
): P {
  if (from === 0 && to === total) return page;
  const source = page as unknown as Page;
  const copy: Record<string, unknown> = { ...source };
  if ('$metadata' in source) copy.$metadata = source.$metadata;
  const [primaryKey, ...secondaryKeys] = spec.resultKeys;
  const elements = primary(source, spec);
  const { itemKey } = spec;
  if (itemKey === undefined) {
    copy[primaryKey!] = elements.slice(from, to);
  } else {
    const kept: unknown[] = [];
    let position = 0;
    for (const element of elements) {
      const items = nested(element, itemKey);
      const start = position;
      const end = position + items.length;
      position = end;
      if (items.length === 0) {
        if ((from <= start && start < to) || (start === to && to === total)) kept.push(element);
        continue;
      }
      const keepFrom = Math.max(start, from);
      const keepTo = Math.min(end, to);
      if (keepFrom >= keepTo) continue;
      if (keepFrom === start && keepTo === end) kept.push(element);
      else kept.push({ ...(element as object), [itemKey]: items.slice(keepFrom - start, keepTo - start) });
    }
    copy[primaryKey!] = kept;
  }
  if (from > 0) {
    for (const key of secondaryKeys) if (Array.isArray(source[key])) copy[key] = [];
  }
  return copy as P;
}
