import { describe, expect, it } from 'vitest';
import { ec2Service, stsService, xmlFixture } from '../xml/test-support/schemas.js';
import type { OperationSchema, ServiceSchema, StructureSchema } from './schema.js';
import { stringSchema } from './schema.js';
import { parseServiceError } from './service-error.js';

const response = (statusCode: number, body: string, headers: Record<string, string> = {}) => ({
  statusCode,
  headers,
  body: new TextEncoder().encode(body),
});

const expiredToken: StructureSchema = {
  kind: 'structure',
  name: 'ExpiredTokenException',
  members: [['message', stringSchema]],
  error: { code: 'ExpiredTokenException', httpStatus: 400 },
};

const complexError: StructureSchema = {
  kind: 'structure',
  name: 'ComplexError',
  members: [
    ['TopLevel', stringSchema],
    ['Nested', { kind: 'structure', name: 'Nested', members: [['Foo', stringSchema]] }],
  ],
  error: { code: 'Complex' },
};

const op: OperationSchema = { name: 'GetThing', errors: [expiredToken] };

describe('parseServiceError', () => {
  it('reads an EC2 error: code, message and RequestID (capital ID)', () => {
    expect(parseServiceError(ec2Service, op, response(400, xmlFixture('ec2-error.xml')))).toEqual({
      code: 'InvalidInstanceID.NotFound',
      message: "The instance ID 'i-0000000000000000' does not exist",
      requestId: 'ea966190-f9aa-478e-9ede-example',
      details: {},
    });
  });

  it('reads a query error and the members of the modeled error shape', () => {
    const body = xmlFixture('sts-error.xml').replace('</Message>', '</Message><message>lower</message>');
    expect(parseServiceError(stsService, op, response(400, body))).toEqual({
      code: 'ExpiredTokenException',
      message: 'The security token included in the request is expired',
      requestId: '4e8a1b2c-example',
      details: { message: 'lower' },
    });
  });

  it('matches modeled errors by their wire code and looks service-wide when the operation does not list it', () => {
    const service: ServiceSchema = { ...stsService, errors: [complexError] };
    const body =
      '<ErrorResponse><Error><Type>Sender</Type><Code>Complex</Code><TopLevel>top</TopLevel><Nested><Foo>bar</Foo></Nested></Error></ErrorResponse>';
    expect(parseServiceError(service, op, response(400, body))).toMatchObject({
      code: 'Complex',
      message: '',
      details: { TopLevel: 'top', Nested: { Foo: 'bar' } },
    });
  });

  it('falls back to the request id header', () => {
    const body = '<Response><Errors><Error><Code>Boom</Code></Error></Errors></Response>';
    expect(
      parseServiceError(ec2Service, op, response(500, body, { 'x-amzn-requestid': 'hdr-1' })).requestId,
    ).toBe('hdr-1');
  });

  it('gives an HTML page from a proxy a code from the status and a message showing what came back', () => {
    const parsed = parseServiceError(
      ec2Service,
      op,
      response(502, xmlFixture('proxy-502.html'), { 'content-type': 'text/html' }),
    );
    expect(parsed.code).toBe('Http502');
    expect(parsed.message).toMatch(
      /^HTTP 502 Bad Gateway; the body is not an AWS error document \(text\/html, \d+ bytes\): <html> <head><title>502 Bad Gateway/,
    );
    expect(parsed.details).toEqual({});
  });

  it('gives an empty 500 the InternalError code and an empty 503 ServiceUnavailable', () => {
    expect(parseServiceError(ec2Service, op, response(500, ''))).toMatchObject({
      code: 'InternalError',
      message: 'HTTP 500 Internal Server Error with an empty body',
    });
    expect(parseServiceError(ec2Service, op, response(503, '')).code).toBe('ServiceUnavailable');
    expect(parseServiceError(ec2Service, op, response(403, '')).code).toBe('Http403');
  });

  it('never throws on a truncated error document, and keeps the code when it is visible', () => {
    const full = xmlFixture('ec2-error.xml');
    for (let cut = 0; cut < full.length; cut++) {
      const parsed = parseServiceError(ec2Service, op, response(503, full.slice(0, cut)));
      expect(typeof parsed.code).toBe('string');
      expect(parsed.code.length).toBeGreaterThan(0);
    }
    const throttled = '<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exc';
    expect(parseServiceError(ec2Service, op, response(503, throttled)).code).toBe('RequestLimitExceeded');
  });

  it('does not take a success-shaped or unrelated XML document for an error', () => {
    const parsed = parseServiceError(
      ec2Service,
      op,
      response(500, '<DescribeInstancesResponse><requestId>r</requestId></DescribeInstancesResponse>'),
    );
    expect(parsed.code).toBe('InternalError');
  });
});
