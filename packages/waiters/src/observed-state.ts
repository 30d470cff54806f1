// Says, in words, what one response showed: "instance i-0abc is terminated, instance i-0def is running",
// or the error code, or the value of the first acceptor path. Used in onAttempt reports and WaiterError.

import { evaluatePath, type Outcome } from './acceptors.js';
import type { AnyWaiterSpec, PathAcceptor } from './spec.js';

const SHOWN = 5;

function text(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'nothing');
}

export function describeOutcome(spec: AnyWaiterSpec, outcome: Outcome): string {
  if (outcome.error)
    return `error ${outcome.error.code}${outcome.error.message ? `: ${outcome.error.message}` : ''}`;
  const { subject } = spec;
  if (subject) {
    const elements = evaluatePath(subject.elements, outcome.output);
    if (elements.ok && Array.isArray(elements.value)) {
      if (elements.value.length === 0) return `no ${subject.noun} in the response`;
      const parts = elements.value.map((element) => {
        const id = (element as Record<string, unknown> | null)?.[subject.id];
        const state = evaluatePath(subject.state, element);
        const label = subject.label ? ` ${subject.label}` : '';
        return `${subject.noun} ${id === undefined ? '(no id)' : text(id)}${label} is ${state.ok ? text(state.value) : 'unknown'}`;
      });
      const more = parts.length > SHOWN ? `, and ${parts.length - SHOWN} more` : '';
      return parts.slice(0, SHOWN).join(', ') + more;
    }
  }
  const first = spec.acceptors.find((acceptor): acceptor is PathAcceptor => 'path' in acceptor);
  if (first) {
    const value = evaluatePath(first.path, outcome.output);
    return `${first.argument} is ${value.ok ? text(value.value) : 'not computable on this response'}`;
  }
  return 'a successful response';
}
