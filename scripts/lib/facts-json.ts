// The facts-only JSON the repository keeps of upstream data (models, conformance vectors): prose
// removed, written compact and stable so a re-import of the same upstream gives the same bytes.
// It owns what counts as prose and how keys are ordered; the import scripts own which files go where.

/** Keys whose values are prose written for readers, never facts a program acts on. */
const PROSE_KEYS: ReadonlySet<string> = new Set(['documentation', 'documentationUrl', 'deprecatedMessage']);

export interface FactsOptions {
  /** Also drop these keys (waiters' `description`, Smithy tests' `documentation` is already covered). */
  readonly extraProseKeys?: readonly string[];
  /**
   * Sort object keys by code unit, except the children of `members` objects (a structure's member
   * order is its wire order). Off for files whose key order is itself data (protocol test `params`).
   */
  readonly sortKeys: boolean;
}

/** A copy of `value` without prose. Children of a `members` object are names, never dropped as prose. */
export function factsOnly(value: unknown, options: FactsOptions): unknown {
  const prose = new Set([...PROSE_KEYS, ...(options.extraProseKeys ?? [])]);
  const visit = (node: unknown, childrenAreNames: boolean): unknown => {
    if (Array.isArray(node)) return node.map((item) => visit(item, false));
    if (node === null || typeof node !== 'object') return node;
    const entries = Object.entries(node as Record<string, unknown>).filter(
      ([key]) => childrenAreNames || !prose.has(key),
    );
    if (options.sortKeys && !childrenAreNames) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const out: Record<string, unknown> = {};
    for (const [key, child] of entries) out[key] = visit(child, key === 'members' && !childrenAreNames);
    return out;
  };
  return visit(value, false);
}

/** Compact JSON with one trailing newline. */
export function factsText(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** True when `value` still holds a prose key anywhere outside a `members` object. */
export function findProse(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findProse(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (PROSE_KEYS.has(key)) return `${path}/${key}`;
    const children = key === 'members' && child !== null && typeof child === 'object' ? child : undefined;
    const found =
      children === undefined
        ? findProse(child, `${path}/${key}`)
        : Object.entries(children).reduce<string | undefined>(
            (hit, [name, member]) => hit ?? findProse(member, `${path}/${key}/${name}`),
            undefined,
          );
    if (found !== undefined) return found;
  }
  return undefined;
}
