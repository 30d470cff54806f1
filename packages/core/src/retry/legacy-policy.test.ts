import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conformancePath } from '../../../../scripts/lib/repo-data.js';
import { NetworkError, TimeoutError } from '../errors/errors.js';
import {
  isRetryableLegacy,
  LEGACY_DEFAULT_RULES,
  LEGACY_MAX_ATTEMPTS,
  LEGACY_SERVICE_RULES,
} from './legacy-policy.js';

interface Policy {
  $ref?: string;
  applies_when?: {
    response?: { service_error_code?: string; http_status_code?: number };
    socket_errors?: string[];
  };
}
interface PolicySet {
  max_attempts?: number;
  delay?: { base: string; growth_factor: number };
  policies: Record<string, Policy>;
}
interface RetryFile {
  definitions: Record<string, Policy>;
  /** `__default__` holds a PolicySet directly; each service holds `{ __default__: PolicySet }`. */
  retry: Record<string, PolicySet | { __default__: PolicySet }>;
}

describe('legacy mode matches botocore _retry.json', () => {
  const file: RetryFile = JSON.parse(
    readFileSync(conformancePath('retries', 'botocore', '_retry.json'), 'utf8'),
  );
  const rulesOf = (policies: Record<string, Policy>) =>
    Object.values(policies)
      .map((p) => (p.$ref ? file.definitions[p.$ref]! : p).applies_when!)
      .filter((w) => w.response !== undefined)
      .map((w) => ({ code: w.response!.service_error_code, status: w.response!.http_status_code }))
      .map((r) =>
        JSON.stringify({ ...(r.code ? { code: r.code } : {}), ...(r.status ? { status: r.status } : {}) }),
      )
      .sort();

  it('has the default attempts, delay and response rules', () => {
    const d = file.retry['__default__'] as PolicySet;
    expect(LEGACY_MAX_ATTEMPTS).toBe(d.max_attempts);
    expect(d.delay).toMatchObject({ base: 'rand', growth_factor: 2 });
    expect(LEGACY_DEFAULT_RULES.map((r) => JSON.stringify(r)).sort()).toEqual(rulesOf(d.policies));
    expect(Object.values(d.policies).some((p) => p.$ref === 'general_socket_errors')).toBe(true);
  });

  it.each(['ec2', 'sts'])('has the %s service rules', (service) => {
    expect((LEGACY_SERVICE_RULES[service] ?? []).map((r) => JSON.stringify(r)).sort()).toEqual(
      rulesOf((file.retry[service] as { __default__: PolicySet }).__default__.policies),
    );
  });
});

describe('legacy retry decisions', () => {
  it('retries EC2 RequestLimitExceeded on 503 (and any 503), but not a throttling code EC2 sends with 400', () => {
    expect(isRetryableLegacy({ statusCode: 503, errorCode: 'RequestLimitExceeded' }, 'ec2')).toBe(true);
    expect(isRetryableLegacy({ statusCode: 400, errorCode: 'RequestLimitExceeded' }, 'ec2')).toBe(false);
    expect(isRetryableLegacy({ statusCode: 400, errorCode: 'Throttling' }, 'ec2')).toBe(true);
    expect(isRetryableLegacy({ statusCode: 509 }, 'ec2')).toBe(true);
  });
  it('retries connection errors and timeouts, but never an abort or a client error', () => {
    expect(isRetryableLegacy({ error: new NetworkError('reset', { code: 'ECONNRESET' }) }, 'ec2')).toBe(true);
    expect(isRetryableLegacy({ error: new TimeoutError('firstByte', 'slow') }, 'ec2')).toBe(true);
    expect(isRetryableLegacy({ error: new TimeoutError('aborted', 'stop') }, 'ec2')).toBe(false);
    expect(isRetryableLegacy({ statusCode: 400, errorCode: 'InvalidParameterValue' }, 'ec2')).toBe(false);
  });
  it('applies service rules only to their service', () => {
    expect(isRetryableLegacy({ statusCode: 400, errorCode: 'IDPCommunicationError' }, 'sts')).toBe(true);
    expect(isRetryableLegacy({ statusCode: 400, errorCode: 'IDPCommunicationError' }, 'ec2')).toBe(false);
  });
});
