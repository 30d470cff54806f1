import { describe, expect, it } from 'vitest';
import { MEMBER_SENSITIVE, type StructureSchema, stringSchema } from '../protocol/schema.js';
import {
  REDACTED,
  redactCanonicalRequest,
  redactFormBody,
  redactHeaders,
  redactXmlBody,
  redactXmlFragment,
  scrubSecrets,
  signatureOf,
  truncate,
} from './redact.js';

const SIGNATURE = 'f0e4c2f76c58916ec258f246851bea091d14d4247a2fc3e18694461b1816e13b';
const TOKEN = 'FwoGZXIvYXdzEBYaDHqa0AP1/Example+Token==';

const launch: StructureSchema = {
  kind: 'structure',
  name: 'LaunchSpecification',
  members: [
    ['ImageId', stringSchema],
    ['UserData', { kind: 'string', sensitive: true }, MEMBER_SENSITIVE],
  ],
};
const input: StructureSchema = {
  kind: 'structure',
  name: 'RequestSpotInstancesRequest',
  members: [
    ['LaunchSpecification', launch],
    ['Secrets', { kind: 'list', member: launch, memberName: 'member' }, 0, 'Secret'],
    ['Config', { kind: 'structure', name: 'Opaque', sensitive: true, members: [['A', stringSchema]] }],
    ['Tags', { kind: 'map', key: stringSchema, value: { kind: 'string', sensitive: true } }],
  ],
};

describe('header redaction', () => {
  it('keeps the credential scope of Authorization but not its signature, and hides the token', () => {
    const headers = redactHeaders({
      authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIGNATURE}`,
      'x-amz-security-token': TOKEN,
      'content-type': 'text/xml',
    });
    expect(headers['authorization']).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=***',
    );
    expect(headers['x-amz-security-token']).toBe(REDACTED);
    expect(headers['content-type']).toBe('text/xml');
    expect(signatureOf(`... Signature=${SIGNATURE}`)).toBe(SIGNATURE);
  });
  it('blanks the token line of a canonical request', () => {
    const canonical = `POST\n/\n\nhost:ec2.amazonaws.com\nx-amz-date:20150830T123600Z\nx-amz-security-token:${TOKEN}\n\nhost;x-amz-date;x-amz-security-token\nabc`;
    const out = redactCanonicalRequest(canonical);
    expect(out).toContain('x-amz-security-token:***\n');
    expect(out).not.toContain(TOKEN);
    expect(out).toContain('host:ec2.amazonaws.com');
  });
});

describe('form body redaction', () => {
  it('hides members the schema marks sensitive, however deep, and secret names anywhere', () => {
    const body = [
      'Action=RequestSpotInstances',
      'Version=2016-11-15',
      'LaunchSpecification.ImageId=ami-1',
      'LaunchSpecification.UserData=c2VjcmV0',
      'Secret.member.1.UserData=b3RoZXI%3D',
      'Secret.member.1.ImageId=ami-2',
      'Config.A=opaque',
      'Tags.entry.1.key=k',
      'Tags.entry.1.value=hidden',
      'WebIdentityToken=eyJhbGciOi',
    ].join('&');
    expect(redactFormBody(body, input).split('&')).toEqual([
      'Action=RequestSpotInstances',
      'Version=2016-11-15',
      'LaunchSpecification.ImageId=ami-1',
      'LaunchSpecification.UserData=***',
      'Secret.member.1.UserData=***',
      'Secret.member.1.ImageId=ami-2',
      'Config.A=***',
      'Tags.entry.1.key=k',
      'Tags.entry.1.value=***',
      'WebIdentityToken=***',
    ]);
  });
});

describe('XML redaction', () => {
  const output: StructureSchema = {
    kind: 'structure',
    name: 'AssumeRoleResponse',
    members: [
      [
        'Credentials',
        {
          kind: 'structure',
          name: 'Credentials',
          members: [
            ['AccessKeyId', stringSchema],
            ['SecretAccessKey', { kind: 'string', sensitive: true }, MEMBER_SENSITIVE],
            ['SessionToken', stringSchema],
          ],
        },
      ],
      ['NextToken', stringSchema],
    ],
  };
  const body =
    '<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>s3cr3t-value-1</SecretAccessKey><SessionToken>tok-value-2</SessionToken></Credentials><NextToken>page-2</NextToken></AssumeRoleResult></AssumeRoleResponse>';

  it('hides sensitive elements (by schema) and secret-named ones (SessionToken), keeps the rest', () => {
    const out = redactXmlBody(body, output);
    expect(out).toContain('<AccessKeyId>ASIA1</AccessKeyId>');
    expect(out).toContain('<SecretAccessKey>***</SecretAccessKey>');
    expect(out).toContain('<SessionToken>***</SessionToken>');
    expect(out).toContain('<NextToken>page-2</NextToken>');
    expect(redactXmlBody('<a:SessionToken x="1">t0ken-value</a:SessionToken>', undefined)).toBe(
      '<a:SessionToken x="1">***</a:SessionToken>',
    );
  });
  it('hides a secret element cut off at the end of a fragment', () => {
    const cut = body.slice(0, body.indexOf('s3cr3t') + 4);
    expect(redactXmlFragment(cut, output)).toMatch(/<SecretAccessKey>\*\*\*$/);
    expect(redactXmlFragment('<Credentials><AccessKeyId>ASI', output)).toBe('<Credentials><AccessKeyId>ASI');
  });
});

describe('value scrubbing and truncation', () => {
  it('replaces each known secret, and leaves short values alone (they would match ordinary text)', () => {
    expect(scrubSecrets(`a ${TOKEN} b ${TOKEN}`, [TOKEN, undefined])).toBe('a *** b ***');
    expect(scrubSecrets('the word ab', ['ab'])).toBe('the word ab');
  });
  it('truncates long text and says how much was cut', () => {
    expect(truncate('x'.repeat(10), 4)).toBe('xxxx... (6 more characters)');
    expect(truncate('short', 10)).toBe('short');
  });
});
