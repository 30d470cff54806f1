// Test support: small hand-written schemas (an EC2-like service with DescribeRegions and RunInstances,
// an STS-like query service with AssumeRole), the XML an EC2 or STS endpoint sends back, and a SigV4
// check of received requests with @smithy/signature-v4 (an implementation independent of ours).

import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { ReceivedRequest } from '../../http/test-support/loopback-server.js';
import {
  booleanSchema,
  integerSchema,
  MEMBER_IDEMPOTENCY_TOKEN,
  MEMBER_REQUIRED,
  MEMBER_SENSITIVE,
  MEMBER_XML_LCFIRST,
  type OperationSchema,
  type ServiceSchema,
  type StructureSchema,
  stringSchema,
  timestampSchema,
} from '../../protocol/schema.js';

/** A two-rule endpoint rule set: the custom endpoint if set, else `https://<svc>.<region>.amazonaws.com`. */
function tinyRuleSet(prefix: string) {
  return {
    version: '1.0',
    parameters: {
      Region: { builtIn: 'AWS::Region', required: false, type: 'string' },
      Endpoint: { builtIn: 'SDK::Endpoint', required: false, type: 'string' },
    },
    rules: [
      {
        conditions: [{ fn: 'isSet', argv: [{ ref: 'Endpoint' }] }],
        endpoint: { url: { ref: 'Endpoint' } },
        type: 'endpoint',
      },
      {
        conditions: [{ fn: 'isSet', argv: [{ ref: 'Region' }] }],
        endpoint: { url: `https://${prefix}.{Region}.amazonaws.com` },
        type: 'endpoint',
      },
      { conditions: [], error: 'Invalid Configuration: Missing Region', type: 'error' },
    ],
  };
}

export const testEc2Service: ServiceSchema = {
  serviceId: 'EC2',
  configKey: 'ec2',
  signingName: 'ec2',
  endpointPrefix: 'ec2',
  apiVersion: '2016-11-15',
  protocol: 'ec2',
  loadProtocol: () => import('../../protocols/query.js').then((module) => module.ec2Protocol),
  xmlNamespace: 'http://ec2.amazonaws.com/doc/2016-11-15',
  endpointRuleSet: tinyRuleSet('ec2'),
};

const region: StructureSchema = {
  kind: 'structure',
  name: 'Region',
  members: [
    ['RegionName', stringSchema, MEMBER_XML_LCFIRST],
    ['Endpoint', stringSchema, 0, 0, 'regionEndpoint'],
  ],
};

export const DescribeRegions: OperationSchema = {
  name: 'DescribeRegions',
  input: {
    kind: 'structure',
    name: 'DescribeRegionsRequest',
    members: [
      ['DryRun', booleanSchema, 0, 'DryRun', 'dryRun'],
      ['RegionNames', { kind: 'list', member: stringSchema, memberName: 'RegionName' }, 0, 'RegionName'],
    ],
  },
  output: {
    kind: 'structure',
    name: 'DescribeRegionsResult',
    members: [['Regions', { kind: 'list', member: region, memberName: 'item' }, 0, 0, 'regionInfo']],
  },
};

export const RunInstances: OperationSchema = {
  name: 'RunInstances',
  input: {
    kind: 'structure',
    name: 'RunInstancesRequest',
    members: [
      ['ImageId', stringSchema, MEMBER_REQUIRED],
      ['MinCount', integerSchema, MEMBER_REQUIRED],
      ['MaxCount', integerSchema, MEMBER_REQUIRED],
      ['UserData', { kind: 'string', sensitive: true }, MEMBER_SENSITIVE],
      ['ClientToken', stringSchema, MEMBER_IDEMPOTENCY_TOKEN],
      ['DryRun', booleanSchema],
    ],
  },
  output: {
    kind: 'structure',
    name: 'Reservation',
    members: [
      ['ReservationId', stringSchema, MEMBER_XML_LCFIRST],
      [
        'Instances',
        {
          kind: 'list',
          memberName: 'item',
          member: {
            kind: 'structure',
            name: 'Instance',
            members: [['InstanceId', stringSchema, MEMBER_XML_LCFIRST]],
          },
        },
        0,
        0,
        'instancesSet',
      ],
    ],
  },
};

export const testStsService: ServiceSchema = {
  serviceId: 'STS',
  configKey: 'sts',
  signingName: 'sts',
  endpointPrefix: 'sts',
  apiVersion: '2011-06-15',
  protocol: 'query',
  loadProtocol: () => import('../../protocols/query.js').then((module) => module.queryProtocol),
  xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
  endpointRuleSet: tinyRuleSet('sts'),
};

export const ExpiredTokenException: StructureSchema = {
  kind: 'structure',
  name: 'ExpiredTokenException',
  members: [['message', stringSchema]],
  error: { code: 'ExpiredTokenException', httpStatus: 400 },
};

export const AssumeRole: OperationSchema = {
  name: 'AssumeRole',
  input: {
    kind: 'structure',
    name: 'AssumeRoleRequest',
    members: [
      ['RoleArn', stringSchema, MEMBER_REQUIRED],
      ['RoleSessionName', stringSchema, MEMBER_REQUIRED],
    ],
  },
  output: {
    kind: 'structure',
    name: 'AssumeRoleResponse',
    members: [
      [
        'Credentials',
        {
          kind: 'structure',
          name: 'Credentials',
          members: [
            ['AccessKeyId', stringSchema, MEMBER_REQUIRED],
            ['SecretAccessKey', { kind: 'string', sensitive: true }, MEMBER_REQUIRED | MEMBER_SENSITIVE],
            ['SessionToken', stringSchema, MEMBER_REQUIRED],
            ['Expiration', timestampSchema, MEMBER_REQUIRED],
          ],
        },
      ],
    ],
  },
  resultWrapper: 'AssumeRoleResult',
  errors: [ExpiredTokenException],
};

export function ec2Xml(action: string, requestId: string, inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">\n  <requestId>${requestId}</requestId>\n${inner}\n</${action}Response>`;
}

export function ec2ErrorXml(code: string, message: string, requestId: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`;
}

export function describeRegionsXml(requestId: string, regions: readonly string[]): string {
  const items = regions
    .map(
      (r) =>
        `    <item><regionName>${r}</regionName><regionEndpoint>ec2.${r}.amazonaws.com</regionEndpoint></item>`,
    )
    .join('\n');
  return ec2Xml('DescribeRegions', requestId, `  <regionInfo>\n${items}\n  </regionInfo>`);
}

export function assumeRoleXml(
  requestId: string,
  credentials: { id: string; secret: string; token: string },
): string {
  return `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>${credentials.id}</AccessKeyId><SecretAccessKey>${credentials.secret}</SecretAccessKey><SessionToken>${credentials.token}</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></AssumeRoleResponse>`;
}

/** The form parameters of a received request body. */
export function formParams(request: ReceivedRequest): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(request.body));
}

/**
 * Recomputes the request's Authorization header with @smithy/signature-v4 over exactly the headers it
 * says it signed, at the time in its x-amz-date; true when the two agree byte for byte.
 */
export async function signatureIsValid(
  request: ReceivedRequest,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  region: string,
  service: string,
): Promise<boolean> {
  const authorization = String(request.headers['authorization'] ?? '');
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) headers[name] = String(request.headers[name] ?? '');
  const amzDate = String(request.headers['x-amz-date'] ?? '');
  const date = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const [path, query] = request.url.split('?');
  const signer = new SignatureV4({
    credentials,
    region,
    service,
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum: false,
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: request.method,
      protocol: 'http:',
      hostname: headers['host']?.split(':')[0] ?? '127.0.0.1',
      path: path ?? '/',
      query: Object.fromEntries(new URLSearchParams(query ?? '')),
      headers,
      body: request.body,
    }),
    { signingDate: date },
  );
  return signed.headers['authorization'] === authorization;
}

/** Parses x-amz-date (`20260820T120000Z`) to epoch ms. */
export function amzDateMs(value: string | string[] | undefined): number {
  const v = String(value ?? '');
  return Date.parse(
    `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T${v.slice(9, 11)}:${v.slice(11, 13)}:${v.slice(13, 15)}Z`,
  );
}
