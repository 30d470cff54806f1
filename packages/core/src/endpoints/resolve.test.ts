import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelPath } from '../../../../scripts/lib/repo-data.js';
import { EndpointError } from '../errors/errors.js';
import { applyHostPrefix, type EndpointSettings, resolveEndpoint } from './resolve.js';

function service(id: string, signingName: string, path: string) {
  return {
    serviceId: id,
    signingName,
    endpointRuleSet: JSON.parse(readFileSync(modelPath(path), 'utf8')),
  };
}

const ec2 = service('EC2', 'ec2', 'ec2/2016-11-15/endpoint-rule-set-1.json');
const sts = service('STS', 'sts', 'sts/2011-06-15/endpoint-rule-set-1.json');

// Expectations read off the rule sets and partitions.json: FIPS `<svc>-fips.<region>.<dnsSuffix>`
// except GovCloud (plain host), dual-stack on `dualStackDnsSuffix`, custom endpoints verbatim.
const ec2Cases: [string, EndpointSettings, string][] = [
  ['us-east-1', { region: 'us-east-1' }, 'https://ec2.us-east-1.amazonaws.com'],
  ['eu-west-3', { region: 'eu-west-3' }, 'https://ec2.eu-west-3.amazonaws.com'],
  ['China', { region: 'cn-north-1' }, 'https://ec2.cn-north-1.amazonaws.com.cn'],
  [
    'China, dual-stack',
    { region: 'cn-northwest-1', useDualstackEndpoint: true },
    'https://ec2.cn-northwest-1.api.amazonwebservices.com.cn',
  ],
  ['GovCloud', { region: 'us-gov-west-1' }, 'https://ec2.us-gov-west-1.amazonaws.com'],
  [
    'GovCloud FIPS keeps the plain host',
    { region: 'us-gov-east-1', useFipsEndpoint: true },
    'https://ec2.us-gov-east-1.amazonaws.com',
  ],
  ['FIPS', { region: 'us-east-1', useFipsEndpoint: true }, 'https://ec2-fips.us-east-1.amazonaws.com'],
  ['FIPS pseudo-region fips-*', { region: 'fips-us-west-2' }, 'https://ec2-fips.us-west-2.amazonaws.com'],
  [
    'FIPS pseudo-region *-fips',
    { region: 'ca-central-1-fips' },
    'https://ec2-fips.ca-central-1.amazonaws.com',
  ],
  ['dual-stack', { region: 'us-east-1', useDualstackEndpoint: true }, 'https://ec2.us-east-1.api.aws'],
  [
    'FIPS and dual-stack',
    { region: 'us-east-2', useFipsEndpoint: true, useDualstackEndpoint: true },
    'https://ec2-fips.us-east-2.api.aws',
  ],
  [
    'a future region matching the aws pattern',
    { region: 'ap-southeast-9' },
    'https://ec2.ap-southeast-9.amazonaws.com',
  ],
  ['ISO partition', { region: 'us-iso-east-1' }, 'https://ec2.us-iso-east-1.c2s.ic.gov'],
  ['custom endpoint', { region: 'us-east-1', endpointUrl: 'http://127.0.0.1:4566' }, 'http://127.0.0.1:4566'],
  [
    'custom endpoint, trailing slash dropped',
    { region: 'us-east-1', endpointUrl: 'http://127.0.0.1:4566/' },
    'http://127.0.0.1:4566',
  ],
  [
    'custom endpoint with any region name',
    { region: 'local', endpointUrl: 'https://ec2.example.test/base' },
    'https://ec2.example.test/base',
  ],
];

describe('EC2 endpoints', () => {
  it.each(ec2Cases)('%s', (_name, settings, url) => {
    const endpoint = resolveEndpoint(ec2, settings);
    expect(endpoint.url).toBe(url);
    expect(endpoint.signingName).toBe('ec2');
    expect(endpoint.signingRegion).toBe(settings.region?.replace(/^fips-|-fips$/g, ''));
  });

  it('refuses FIPS or dual-stack with a custom endpoint, as the rules say', () => {
    expect(() =>
      resolveEndpoint(ec2, { region: 'us-east-1', useFipsEndpoint: true, endpointUrl: 'http://127.0.0.1:1' }),
    ).toThrow(/FIPS and custom endpoint are not supported/);
    expect(() =>
      resolveEndpoint(ec2, {
        region: 'us-east-1',
        useDualstackEndpoint: true,
        endpointUrl: 'http://127.0.0.1:1',
      }),
    ).toThrow(/Dualstack and custom endpoint are not supported/);
  });

  it.each([
    ['upper case', 'US-EAST-1'],
    ['spaces', 'us east 1'],
    ['an underscore', 'us_east_1'],
    ['a trailing hyphen', 'us-east-'],
    ['a dot', 'us-east-1.'],
  ])('rejects a region with %s before anything is sent, saying what a region looks like', (_what, region) => {
    const error = (() => {
      try {
        resolveEndpoint(ec2, { region });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(EndpointError);
    expect((error as Error).message).toContain(JSON.stringify(region));
    expect((error as Error).message).toMatch(/such as us-east-1/);
  });

  it.each(['us-east1', 'useast-1', 'europe-west-1'])(
    'rejects %s, which no partition claims, unless an endpointUrl is set',
    (region) => {
      expect(() => resolveEndpoint(ec2, { region })).toThrow(/not in any known AWS partition/);
      expect(resolveEndpoint(ec2, { region, endpointUrl: 'http://127.0.0.1:4566' }).url).toBe(
        'http://127.0.0.1:4566',
      );
    },
  );

  it('says how to set a region when there is none', () => {
    expect(() => resolveEndpoint(ec2, {})).toThrow(/No region is configured.*AWS_REGION/);
  });

  it.each(['ec2.example.com', 'ftp://example.com', 'http://example.com/?a=b', '/relative'])(
    'rejects the endpointUrl %s with an example of a good one',
    (endpointUrl) => {
      expect(() => resolveEndpoint(ec2, { region: 'us-east-1', endpointUrl })).toThrow(EndpointError);
    },
  );
});

describe('STS endpoints', () => {
  const cases: [string, EndpointSettings, string, string][] = [
    ['regional by default', { region: 'us-west-2' }, 'https://sts.us-west-2.amazonaws.com', 'us-west-2'],
    [
      'aws-global goes to the global host, signed for us-east-1',
      { region: 'aws-global' },
      'https://sts.amazonaws.com',
      'us-east-1',
    ],
    [
      'legacy global mode for a legacy region',
      { region: 'us-west-2', useGlobalEndpoint: true },
      'https://sts.amazonaws.com',
      'us-east-1',
    ],
    [
      'legacy global mode leaves newer regions regional',
      { region: 'eu-south-1', useGlobalEndpoint: true },
      'https://sts.eu-south-1.amazonaws.com',
      'eu-south-1',
    ],
    ['China', { region: 'cn-north-1' }, 'https://sts.cn-north-1.amazonaws.com.cn', 'cn-north-1'],
    [
      'FIPS',
      { region: 'us-east-1', useFipsEndpoint: true },
      'https://sts-fips.us-east-1.amazonaws.com',
      'us-east-1',
    ],
    [
      'GovCloud FIPS',
      { region: 'us-gov-west-1', useFipsEndpoint: true },
      'https://sts.us-gov-west-1.amazonaws.com',
      'us-gov-west-1',
    ],
    [
      'dual-stack',
      { region: 'eu-west-1', useDualstackEndpoint: true },
      'https://sts.eu-west-1.api.aws',
      'eu-west-1',
    ],
    [
      'custom endpoint',
      { region: 'us-east-1', endpointUrl: 'http://127.0.0.1:5000' },
      'http://127.0.0.1:5000',
      'us-east-1',
    ],
  ];
  it.each(cases)('%s', (_name, settings, url, signingRegion) => {
    const endpoint = resolveEndpoint(sts, settings);
    expect(endpoint.url).toBe(url);
    expect(endpoint.signingRegion).toBe(signingRegion);
    expect(endpoint.signingName).toBe('sts');
  });
});

describe('applyHostPrefix', () => {
  it('puts the prefix in front of the host, keeping scheme, port and path', () => {
    expect(applyHostPrefix('https://ec2.us-east-1.amazonaws.com', 'data-')).toBe(
      'https://data-ec2.us-east-1.amazonaws.com',
    );
    expect(applyHostPrefix('http://127.0.0.1:4566/x', 'foo.bar.')).toBe('http://foo.bar.127.0.0.1:4566/x');
    expect(applyHostPrefix('https://a.b', undefined)).toBe('https://a.b');
  });
});

describe('S3 and EventBridge endpoints, with what one call adds', () => {
  const s3 = service('S3', 's3', 's3/2006-03-01/endpoint-rule-set-1.json');
  const events = service('EventBridge', 'events', 'events/2015-10-07/endpoint-rule-set-1.json');

  it('puts a bucket in the host and asks for S3 signing without double encoding', () => {
    const endpoint = resolveEndpoint(
      s3,
      { region: 'eu-west-1' },
      { operationParams: { Bucket: 'my-bucket' } },
    );
    expect(endpoint.url).toBe('https://my-bucket.s3.eu-west-1.amazonaws.com');
    expect(endpoint.authSchemes).toEqual([
      { name: 'sigv4', signingName: 's3', signingRegion: 'eu-west-1', disableDoubleEncoding: true },
    ]);
    expect(endpoint.signingName).toBe('s3');
  });

  it('takes S3 built-ins from the call: path style keeps the bucket in the path', () => {
    const endpoint = resolveEndpoint(
      s3,
      { region: 'eu-west-1' },
      { builtIns: { 'AWS::S3::ForcePathStyle': true }, operationParams: { Bucket: 'my-bucket' } },
    );
    expect(endpoint.url).toBe('https://s3.eu-west-1.amazonaws.com/my-bucket');
  });

  it("signs an access point ARN for the ARN's region, not the client's", () => {
    const endpoint = resolveEndpoint(
      s3,
      { region: 'us-east-1' },
      {
        builtIns: { 'AWS::S3::UseArnRegion': true },
        operationParams: { Bucket: 'arn:aws:s3:us-west-2:123456789012:accesspoint:my-ap' },
      },
    );
    expect(endpoint.url).toBe('https://my-ap-123456789012.s3-accesspoint.us-west-2.amazonaws.com');
    expect(endpoint.signingRegion).toBe('us-west-2');
  });

  it('names SigV4a with a region set for a multi-region access point', () => {
    const endpoint = resolveEndpoint(
      s3,
      { region: 'us-east-1' },
      { operationParams: { Bucket: 'arn:aws:s3::123456789012:accesspoint:mfzwi23gnjvgw.mrap' } },
    );
    expect(endpoint.url).toBe('https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com');
    expect(endpoint.authSchemes).toEqual([
      { name: 'sigv4a', signingName: 's3', signingRegionSet: ['*'], disableDoubleEncoding: true },
    ]);
  });

  it('keeps the other endpoint properties apart from the auth schemes', () => {
    const endpoint = resolveEndpoint(
      s3,
      { region: 'us-west-2' },
      { operationParams: { Bucket: 'mybucket--usw2-az1--x-s3' } },
    );
    expect(endpoint.properties).toEqual({ backend: 'S3Express' });
    expect(endpoint.authSchemes[0]).toMatchObject({ name: 'sigv4-s3express', signingName: 's3express' });
  });

  it('gives the rule set its error message for a bad call, prefixed with what was asked', () => {
    expect(() =>
      resolveEndpoint(
        s3,
        { region: 'us-east-1' },
        { operationParams: { Bucket: 'arn:aws:not-s3:us-west-2:123456789012:accesspoint:ap' } },
      ),
    ).toThrow(
      /S3 endpoint for region us-east-1: Invalid ARN: The ARN was not for the S3 service, found: not-s3/,
    );
  });

  it('names SigV4a for an EventBridge global endpoint', () => {
    const endpoint = resolveEndpoint(
      events,
      { region: 'us-east-1' },
      { operationParams: { EndpointId: 'abc123.456def' } },
    );
    expect(endpoint.url).toBe('https://abc123.456def.endpoint.events.amazonaws.com');
    expect(endpoint.authSchemes).toEqual([
      { name: 'sigv4a', signingName: 'events', signingRegionSet: ['*'] },
    ]);
  });
});
