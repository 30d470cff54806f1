// Test support: a loopback STS endpoint speaking the query protocol (form body in, XML out) for
// AssumeRole and AssumeRoleWithWebIdentity, recording the parsed parameters and auth headers.

import { type LoopbackServer, SECRET, startLoopback } from './loopback.js';

export interface StsRequest {
  readonly params: Record<string, string>;
  readonly authorization: string | undefined;
  readonly securityToken: string | undefined;
}

export interface FakeSts extends LoopbackServer {
  readonly calls: StsRequest[];
}

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

export async function startFakeSts(options: { deny?: boolean } = {}): Promise<FakeSts> {
  const calls: StsRequest[] = [];
  const server = await startLoopback((request) => {
    const params = Object.fromEntries(new URLSearchParams(request.body));
    const authorization = request.headers.authorization;
    calls.push({
      params,
      authorization,
      securityToken: request.headers['x-amz-security-token'] as string | undefined,
    });
    const action = params.Action ?? '';
    if (options.deny) {
      return {
        status: 403,
        headers: { 'content-type': 'text/xml' },
        body: `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform sts:${action}</Message></Error><RequestId>req-denied</RequestId></ErrorResponse>`,
      };
    }
    const role = (params.RoleArn ?? '').split('/').pop() ?? 'role';
    const result = `<Credentials><AccessKeyId>ASIA${role.toUpperCase().replace(/[^A-Z0-9]/g, '')}</AccessKeyId><SecretAccessKey>${SECRET.other}</SecretAccessKey><SessionToken>${SECRET.token}</SessionToken><Expiration>2031-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAFAKE:${params.RoleSessionName}</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/${role}/${params.RoleSessionName}</Arn></AssumedRoleUser>`;
    return {
      headers: { 'content-type': 'text/xml' },
      body: `<${action}Response xmlns="${NS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></${action}Response>`,
    };
  });
  return Object.assign(server, { calls });
}
