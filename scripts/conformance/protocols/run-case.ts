// One botocore case through its protocol: a request case when it has params, else a response case.

import type { ProtocolAdapter } from './adapter.js';
import { buildCase, type Case, type Suite } from './cases.js';
import { checkRequest } from './check-request.js';
import { checkResponse } from './check-response.js';

export async function runCase(adapter: ProtocolAdapter, suite: Suite, c: Case): Promise<string | undefined> {
  const built = buildCase(suite, c.given);
  const protocol = await adapter.load();
  if (c.params !== undefined) return checkRequest(suite, c, built, protocol, adapter);
  if (c.response !== undefined) return checkResponse(c, built, protocol, adapter);
  return 'case has neither params nor response';
}
