// Puts two decoded outputs in one comparable form: Dates as ISO strings, blobs as base64, and
// members whose value is undefined dropped (an absent and an undefined member mean the same).

export function normalizeOutput(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof Uint8Array) return `base64:${Buffer.from(value).toString('base64')}`;
  if (Array.isArray(value)) return value.map(normalizeOutput);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = normalizeOutput(item);
    }
    return out;
  }
  return value;
}
