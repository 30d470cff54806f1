import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { XmlParseError } from '../errors/errors.js';
import {
  blobSchema,
  booleanSchema,
  doubleSchema,
  floatSchema,
  integerSchema,
  longSchema,
  MEMBER_FLATTENED,
  MEMBER_XML_ATTRIBUTE,
  type OperationSchema,
  type StructureSchema,
  stringSchema,
  timestampSchema,
} from '../protocol/schema.js';
import { decodeOutput, decodeOutputBuiltin } from './decode-output.js';
import {
  assumeRole,
  describeInstances,
  ec2Service,
  repoRoot,
  stsService,
  xmlFixture,
} from './test-support/schemas.js';

const parsers = ['builtin', 'fast-xml-parser'] as const;

function operation(members: StructureSchema['members']): OperationSchema {
  return { name: 'Test', output: { kind: 'structure', name: 'TestOutput', members } };
}

function decode(
  members: StructureSchema['members'],
  body: string,
  parser: (typeof parsers)[number] = 'builtin',
) {
  return decodeOutput(ec2Service, operation(members), `<TestResponse>${body}</TestResponse>`, { parser })
    .output;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

/** Every key of every object in `value` has a defined value. */
function undefinedKeys(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => undefinedKeys(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof Uint8Array)
    return [];
  return Object.entries(value).flatMap(([k, v]) =>
    v === undefined ? [`${path}.${k}`] : undefinedKeys(v, `${path}.${k}`),
  );
}

describe('decodeOutput on EC2 responses', () => {
  it.each(parsers)('decodes DescribeInstances into typed values (%s)', (parser) => {
    const { output, requestId } = decodeOutput(
      ec2Service,
      describeInstances,
      xmlFixture('ec2-describe-instances.xml'),
      { parser },
    );
    expect(requestId).toBe('8f7724cf-496f-496e-8fe3-example');
    const reservation = (output.Reservations as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(reservation.ReservationId).toBe('r-1234567890abcdef0');
    expect(reservation.Groups).toEqual([]);
    const instance = (reservation.Instances as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(instance).toMatchObject({
      InstanceId: 'i-1234567890abcdef0',
      State: { Code: 16, Name: 'running' },
      PublicDnsName: '',
      StateTransitionReason: '',
      AmiLaunchIndex: 0,
      ProductCodes: [],
      LaunchTime: new Date('2024-03-01T09:15:27.000Z'),
      Placement: { AvailabilityZone: 'us-east-1a', GroupName: '', Tenancy: 'default' },
      SourceDestCheck: true,
      SecurityGroups: [{ GroupId: 'sg-0123456789abcdef0', GroupName: 'web & api' }],
      BlockDeviceMappings: [
        {
          DeviceName: '/dev/xvda',
          Ebs: {
            VolumeId: 'vol-0123456789abcdef0',
            AttachTime: new Date('2024-03-01T09:15:28Z'),
            DeleteOnTermination: true,
            Status: 'attached',
          },
        },
      ],
      Tags: [
        { Key: 'Name', Value: 'web – primary <1>' },
        { Key: 'Notes', Value: 'uses <b>bold</b> & "quotes"' },
      ],
      CpuOptions: { CoreCount: 1, ThreadsPerCore: 2 },
    });
    expect(instance.LaunchTime).toBeInstanceOf(Date);
  });

  it('leaves members absent from the document out of the output, with no undefined keys', () => {
    const { output } = decodeOutput(ec2Service, describeInstances, xmlFixture('ec2-describe-instances.xml'));
    const instance = (output as { Reservations: { Instances: Record<string, unknown>[] }[] }).Reservations[0]
      ?.Instances[0];
    expect(instance).not.toHaveProperty('PublicIpAddress');
    expect(output).not.toHaveProperty('NextToken');
    expect(undefinedKeys(output)).toEqual([]);
  });

  it('returns plain objects: Object.prototype, constructor Object, cloneable, nothing extra to see', () => {
    const { output } = decodeOutput(ec2Service, describeInstances, xmlFixture('ec2-describe-instances.xml'));
    const reservation = (output.Reservations as Record<string, unknown>[])[0] as Record<string, unknown>;
    for (const object of [output, reservation, (reservation.Instances as object[])[0]]) {
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      expect((object as object).constructor).toBe(Object);
      expect(structuredClone(object)).toEqual(object);
    }
    expect(Object.keys(output)).toEqual(['Reservations']);
  });

  it('skips elements the schema does not know, even when they contain known names', () => {
    const { output } = decodeOutput(ec2Service, describeInstances, xmlFixture('ec2-describe-instances.xml'));
    const instance = (output as { Reservations: { Instances: Record<string, unknown>[] }[] }).Reservations[0]
      ?.Instances[0];
    expect(instance?.InstanceId).toBe('i-1234567890abcdef0');
    expect(Object.keys(instance ?? {})).not.toContain('newFieldFromTheFuture');
  });

  it('gives an empty list for an empty element and leaves an absent list out, as botocore and the v3 SDK do', () => {
    const members: StructureSchema['members'] = [
      ['Ids', { kind: 'list', member: stringSchema, memberName: 'item' }, 0, 0, 'idSet'],
    ];
    for (const parser of parsers) {
      expect(decode(members, '<idSet/>', parser)).toEqual({ Ids: [] });
      expect(decode(members, '<idSet>\n  </idSet>', parser)).toEqual({ Ids: [] });
      expect(decode(members, '', parser)).toEqual({});
    }
  });

  it('reads the five entities, numeric references (decimal, hex, beyond the BMP) and CDATA', () => {
    const members: StructureSchema['members'] = [['Text', stringSchema]];
    for (const parser of parsers) {
      expect(decode(members, '<Text>&lt;&gt;&amp;&quot;&apos;</Text>', parser)).toEqual({ Text: `<>&"'` });
      expect(decode(members, '<Text>&#65;&#x42;&#x1F600;&#128512;</Text>', parser)).toEqual({
        Text: 'AB😀😀',
      });
      expect(decode(members, '<Text>a<![CDATA[<&amp;>]]>b</Text>', parser)).toEqual({ Text: 'a<&amp;>b' });
      expect(decode(members, '<Text>  keeps  spaces  </Text>', parser)).toEqual({
        Text: '  keeps  spaces  ',
      });
      expect(decode(members, '<Text>line\r\nend\rx&#13;</Text>', parser)).toEqual({ Text: 'line\nend\nx\r' });
    }
  });

  it('rejects unknown entities and references to characters XML does not allow', () => {
    const members: StructureSchema['members'] = [['Text', stringSchema]];
    for (const body of [
      '<Text>&nbsp;</Text>',
      '<Text>&#0;</Text>',
      '<Text>&#xD800;</Text>',
      '<Text>a & b</Text>',
      '<Text>&amp</Text>',
    ])
      expect(
        thrown(() => decode(members, body)),
        body,
      ).toBeInstanceOf(XmlParseError);
  });

  it('ignores namespace prefixes and declarations', () => {
    const members: StructureSchema['members'] = [
      ['Name', stringSchema],
      ['Size', integerSchema],
    ];
    const body = '<ec2:Name xmlns:ec2="urn:x">n</ec2:Name><Size xmlns="urn:y">3</Size>';
    for (const parser of parsers) expect(decode(members, body, parser)).toEqual({ Name: 'n', Size: 3 });
  });

  it('reads members from attributes where the schema says so', () => {
    const members: StructureSchema['members'] = [
      ['Id', stringSchema, MEMBER_XML_ATTRIBUTE, 0, 'id'],
      ['Count', integerSchema, MEMBER_XML_ATTRIBUTE, 0, 'count'],
    ];
    for (const parser of parsers) {
      const { output } = decodeOutput(
        ec2Service,
        operation(members),
        `<TestResponse id="a&amp;b" x:count='7' xmlns:x="urn:x"/>`,
        { parser },
      );
      expect(output).toEqual({ Id: 'a&b', Count: 7 });
    }
  });

  it('collects flattened lists and maps from repeated siblings, in document order', () => {
    const members: StructureSchema['members'] = [
      ['Values', { kind: 'list', member: integerSchema }, MEMBER_FLATTENED, 0, 'value'],
      [
        'Pairs',
        { kind: 'map', key: stringSchema, value: stringSchema, keyName: 'k', valueName: 'v' },
        MEMBER_FLATTENED,
        0,
        'pair',
      ],
      ['Other', stringSchema],
    ];
    const body =
      '<value>1</value><pair><k>a</k><v>A</v></pair><Other>x</Other><value>2</value><pair><v>B</v><k>b</k></pair>';
    for (const parser of parsers)
      expect(decode(members, body, parser)).toEqual({
        Values: [1, 2],
        Pairs: { a: 'A', b: 'B' },
        Other: 'x',
      });
  });

  it('decodes maps without letting a key named __proto__ touch the prototype', () => {
    const members: StructureSchema['members'] = [
      ['Map', { kind: 'map', key: stringSchema, value: stringSchema }],
    ];
    const body =
      '<Map><entry><key>__proto__</key><value>polluted</value></entry><entry><key>a</key><value>1</value></entry></Map>';
    for (const parser of parsers) {
      const map = decode(members, body, parser).Map as Record<string, unknown>;
      expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
      expect(Object.keys(map)).toEqual(['__proto__', 'a']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('lets a repeated element replace the earlier value', () => {
    for (const parser of parsers)
      expect(decode([['Name', stringSchema]], '<Name>a</Name><Name>b</Name>', parser)).toEqual({ Name: 'b' });
  });

  it('decodes recursive structures through thunks', () => {
    const node: StructureSchema = {
      kind: 'structure',
      name: 'Node',
      members: [
        ['Name', stringSchema],
        ['Child', () => node],
      ],
    };
    const body = '<Root><Name>a</Name><Child><Name>b</Name><Child><Name>c</Name></Child></Child></Root>';
    for (const parser of parsers)
      expect(decode([['Root', node]], body, parser)).toEqual({
        Root: { Name: 'a', Child: { Name: 'b', Child: { Name: 'c' } } },
      });
  });
});

describe('decodeOutput scalar values', () => {
  const members: StructureSchema['members'] = [
    ['Int', integerSchema],
    ['Long', longSchema],
    ['Float', floatSchema],
    ['Double', doubleSchema],
    ['Bool', booleanSchema],
    ['Time', timestampSchema],
    ['Epoch', { kind: 'timestamp', timestampFormat: 'unixTimestamp' }],
    ['Http', { kind: 'timestamp', timestampFormat: 'rfc822' }],
    ['Blob', blobSchema],
  ];

  it.each(parsers)('converts numbers, booleans, timestamps and blobs (%s)', (parser) => {
    const body =
      '<Int> -42 </Int><Long>9007199254740993</Long><Float>NaN</Float><Double>-Infinity</Double><Bool>1</Bool>' +
      '<Time>2019-12-16T22:48:18-01:00</Time><Epoch>1398796238.5</Epoch><Http>Tue, 29 Apr 2014 18:30:38 GMT</Http>' +
      '<Blob>dmFs\ndWU=</Blob>';
    const output = decode(members, body, parser);
    expect(output.Int).toBe(-42);
    // Longs are JavaScript numbers, as in the v3 SDK: beyond 2^53 they lose precision.
    expect(output.Long).toBe(9007199254740992);
    expect(output.Float).toBeNaN();
    expect(output.Double).toBe(Number.NEGATIVE_INFINITY);
    expect(output.Bool).toBe(true);
    expect(output.Time).toEqual(new Date('2019-12-16T23:48:18Z'));
    expect(output.Epoch).toEqual(new Date(1398796238500));
    expect(output.Http).toEqual(new Date('2014-04-29T18:30:38Z'));
    expect(output.Blob).toEqual(new Uint8Array(Buffer.from('value')));
    expect(output.Blob).not.toBeInstanceOf(Buffer);
  });

  it('reads ISO 8601 timestamps with and without fractions, and epoch seconds in an ISO field', () => {
    for (const [text, iso] of [
      ['2014-04-29T18:30:38Z', '2014-04-29T18:30:38.000Z'],
      ['2000-01-02T20:34:56.123Z', '2000-01-02T20:34:56.123Z'],
      ['2000-01-02T20:34:56.123456Z', '2000-01-02T20:34:56.123Z'],
      ['2014-04-29T18:30:38+00:00', '2014-04-29T18:30:38.000Z'],
      ['1398796238', '2014-04-29T18:30:38.000Z'],
    ])
      expect(
        (decode([['Time', timestampSchema]], `<Time>${text}</Time>`).Time as Date).toISOString(),
        text,
      ).toBe(iso);
  });

  it('treats an empty number, boolean or timestamp as no value', () => {
    for (const parser of parsers)
      expect(
        decode(members.slice(0, 6), '<Int/><Long></Long><Float> </Float><Double/><Bool/><Time/>', parser),
      ).toEqual({});
  });

  it('rejects text that is not a value of the member kind, naming the element', () => {
    for (const [name, text] of [
      ['Int', '1.5'],
      ['Bool', 'yes'],
      ['Time', '2014-02-30T00:00:00Z'],
      ['Blob', 'not base64!'],
      ['Double', 'one'],
    ]) {
      const error = thrown(() => decode(members, `<${name}>${text}</${name}>`)) as XmlParseError;
      expect(error).toBeInstanceOf(XmlParseError);
      expect(error.message).toContain(JSON.stringify(text));
    }
  });
});

describe('decodeOutput on query responses', () => {
  it.each(parsers)('reads the result wrapper and ResponseMetadata/RequestId (%s)', (parser) => {
    const { output, requestId } = decodeOutput(stsService, assumeRole, xmlFixture('sts-assume-role.xml'), {
      parser,
    });
    expect(requestId).toBe('c6104cbe-af31-11e0-8154-cbc7ccf896c7');
    expect(output).toMatchObject({
      Credentials: { AccessKeyId: 'ASIAIOSFODNN7EXAMPLE', Expiration: new Date('2019-11-09T13:34:41Z') },
      AssumedRoleUser: { Arn: 'arn:aws:sts::123456789012:assumed-role/demo/TestAR' },
      PackedPolicySize: 6,
      SourceIdentity: 'Alice',
    });
  });

  it('decodes the same with decodeOutputBuiltin, the entry point clients call', () => {
    for (const [service, op, body] of [
      [stsService, assumeRole, xmlFixture('sts-assume-role.xml')],
      [ec2Service, describeInstances, xmlFixture('ec2-describe-instances.xml')],
    ] as const)
      expect(decodeOutputBuiltin(service, op, body)).toEqual(decodeOutput(service, op, body));
  });

  it('uses the operation resultWrapper when the model names a different one', () => {
    const op: OperationSchema = { ...assumeRole, resultWrapper: 'Custom' };
    const { output } = decodeOutput(
      stsService,
      op,
      '<X><Custom><SourceIdentity>s</SourceIdentity></Custom></X>',
    );
    expect(output).toEqual({ SourceIdentity: 's' });
  });
});

describe('decodeOutput refuses what is not a well-formed response', () => {
  it('rejects a DOCTYPE with entity declarations without expanding anything', () => {
    for (const name of ['doctype-entity-expansion.xml', 'doctype-external-entity.xml'])
      for (const parser of parsers) {
        const error = thrown(() =>
          decodeOutput(ec2Service, describeInstances, xmlFixture(name), { parser }),
        ) as XmlParseError;
        expect(error).toBeInstanceOf(XmlParseError);
        expect(error.message).toMatch(/DOCTYPE/);
      }
  });

  it('never returns a half-filled result for a body cut at any point', () => {
    const body = xmlFixture('ec2-describe-instances.xml').trimEnd();
    const requestIdEnd = body.indexOf('</requestId>') + '</requestId>'.length;
    for (let cut = 1; cut < body.length; cut++) {
      const error = thrown(() =>
        decodeOutput(ec2Service, describeInstances, body.slice(0, cut)),
      ) as XmlParseError;
      expect(error, `cut at ${cut}`).toBeInstanceOf(XmlParseError);
      expect(error.bodyStart).toBe(body.slice(0, Math.min(cut, 256)));
      if (cut > requestIdEnd) expect(error.requestId).toBe('8f7724cf-496f-496e-8fe3-example');
    }
  });

  it('rejects malformed documents with an XmlParseError from either parser', () => {
    const bad = [
      '<TestResponse><Name>x</Nam></TestResponse>',
      '<TestResponse><Name>x</Name>',
      '<TestResponse><Name a=1>x</Name></TestResponse>',
      '<TestResponse><Name a="1" a="2">x</Name></TestResponse>',
      '<TestResponse></TestResponse>trailing',
      'leading<TestResponse></TestResponse>',
      '<TestResponse><1Name>x</1Name></TestResponse>',
      '<TestResponse><!-- unterminated </TestResponse>',
      '<TestResponse><![CDATA[x</TestResponse>',
      '<TestResponse/><TestResponse/>',
      ' <?xml version="1.0"?><TestResponse/>',
    ];
    for (const body of bad)
      for (const parser of parsers)
        expect(
          thrown(() => decodeOutput(ec2Service, operation([['Name', stringSchema]]), body, { parser })),
          `${parser}: ${body}`,
        ).toBeInstanceOf(XmlParseError);
    // The built-in decoder is the stricter of the two: fast-xml-parser lets an XML declaration
    // appear inside an element; XML does not.
    const misplaced = '<TestResponse><?xml version="1.0"?></TestResponse>';
    expect(thrown(() => decodeOutput(ec2Service, operation([]), misplaced))).toBeInstanceOf(XmlParseError);
  });

  it('accepts an empty body only for an operation that returns nothing', () => {
    expect(decodeOutput(ec2Service, { name: 'Reboot' }, '')).toEqual({ output: {}, requestId: undefined });
    expect(decodeOutput(ec2Service, operation([]), '  \n')).toEqual({ output: {}, requestId: undefined });
    expect(thrown(() => decodeOutput(ec2Service, describeInstances, ''))).toBeInstanceOf(XmlParseError);
    expect(
      thrown(() => decodeOutput(ec2Service, describeInstances, '', { parser: 'fast-xml-parser' })),
    ).toBeInstanceOf(XmlParseError);
  });

  it('decodes bytes and text alike, with a byte-order mark and invalid UTF-8 handled', () => {
    const text = xmlFixture('ec2-describe-instances.xml');
    const fromBytes = decodeOutput(ec2Service, describeInstances, new TextEncoder().encode(text));
    expect(fromBytes).toEqual(decodeOutput(ec2Service, describeInstances, text));
    const withBom = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('<R><nextToken>t</nextToken></R>'),
    ]);
    expect(decodeOutput(ec2Service, describeInstances, withBom).output).toEqual({ NextToken: 't' });
    const invalid = new Uint8Array([
      ...new TextEncoder().encode('<R><nextToken>'),
      0xff,
      ...new TextEncoder().encode('</nextToken></R>'),
    ]);
    expect(decodeOutput(ec2Service, describeInstances, invalid).output).toEqual({ NextToken: '\uFFFD' });
  });
});

describe('the fast-xml-parser fallback', () => {
  it('is not loaded unless a decode asks for it', () => {
    // A fresh process (vitest's workers may already hold the module from other tests). An ESM resolve
    // hook refuses fast-xml-parser, so a static import anywhere on the path would fail the import; the
    // require cache shows when the lazy require happens.
    const blockEsm = `export async function resolve(s, c, next) { if (s === 'fast-xml-parser') throw new Error('loaded eagerly'); return next(s, c); }`;
    const script = `
      const { createRequire, register } = await import('node:module');
      register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(blockEsm)}));
      const { decodeOutput } = await import(${JSON.stringify(join(repoRoot, 'packages/core/src/xml/decode-output.ts'))});
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((p) => p.includes('fast-xml-parser'));
      const op = { name: 'X', output: { kind: 'structure', name: 'O', members: [['A', { kind: 'string' }]] } };
      const svc = { protocol: 'ec2' };
      const builtin = decodeOutput(svc, op, '<R><A>a</A></R>').output;
      const before = loaded();
      const fallback = decodeOutput(svc, op, '<R><A>a</A></R>', { parser: 'fast-xml-parser' }).output;
      console.log(JSON.stringify({ before, after: loaded(), same: JSON.stringify(builtin) === JSON.stringify(fallback) }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(JSON.parse(out.trim().split('\n').pop() as string)).toEqual({
      before: false,
      after: true,
      same: true,
    });
  }, 30_000);
});
