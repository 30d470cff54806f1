// How a trace event reads on stderr: a title line (operation, attempt, step), then its fields,
// multi-line text indented, headers one per line. Pure: the event is already redacted.

import type { TraceEvent } from '../client/types.js';

const TITLES: Readonly<Record<string, string>> = {
  endpoint: 'endpoint',
  canonicalRequest: 'canonical request',
  stringToSign: 'string to sign',
  request: 'request',
  response: 'response',
  retry: 'retry decision',
  clockSkew: 'clock skew corrected',
  error: 'attempt failed',
};

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return value.includes('\n') ? `\n${indent(value)}` : ` ${value}`;
  if (value !== null && typeof value === 'object') {
    const lines = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${String(v)}`);
    return lines.length === 0 ? ' (none)' : `\n${indent(lines.join('\n'))}`;
  }
  return ` ${String(value)}`;
}

export function formatTraceEvent(event: TraceEvent): string {
  const { type, operation, attempt, ...fields } = event;
  const lines = [`[boto-ts] ${operation} attempt ${attempt}: ${TITLES[type] ?? type}`];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    lines.push(`  ${name}:${formatValue(value)}`);
  }
  return `${lines.join('\n')}\n`;
}
