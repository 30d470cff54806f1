// Random XML response documents for the decoder fuzz test: a schema that uses every feature the
// decoder knows (all scalar kinds, item/member/custom list names, flattened lists and maps, maps,
// attributes, recursion), fast-check arbitraries that render valid documents for it with noise
// (unknown elements, comments, processing instructions, CDATA, references, namespace prefixes,
// repeated members), and mutations that break them (truncation, deletions, insertions, swaps).

import fc from 'fast-check';
import {
  blobSchema,
  booleanSchema,
  doubleSchema,
  floatSchema,
  integerSchema,
  type ListSchema,
  longSchema,
  type MapSchema,
  MEMBER_FLATTENED,
  MEMBER_XML_ATTRIBUTE,
  MEMBER_XML_LCFIRST,
  type OperationSchema,
  type Schema,
  type ServiceSchema,
  type StructureSchema,
  stringSchema,
  timestampSchema,
  xmlName,
} from '../../protocol/schema.js';

const tag: StructureSchema = {
  kind: 'structure',
  name: 'Tag',
  members: [
    ['Key', stringSchema, MEMBER_XML_LCFIRST],
    ['Value', stringSchema, MEMBER_XML_LCFIRST],
  ],
};

const node: StructureSchema = {
  kind: 'structure',
  name: 'Node',
  members: [
    ['Label', stringSchema, MEMBER_XML_ATTRIBUTE, 0, 'label'],
    ['Size', integerSchema, MEMBER_XML_LCFIRST],
    ['Children', { kind: 'list', member: () => node, memberName: 'item' }, 0, 0, 'childSet'],
  ],
};

export const fuzzOutput: StructureSchema = {
  kind: 'structure',
  name: 'FuzzOutput',
  members: [
    ['Id', stringSchema, MEMBER_XML_ATTRIBUTE, 0, 'id'],
    ['Name', stringSchema, MEMBER_XML_LCFIRST],
    ['Count', integerSchema, MEMBER_XML_LCFIRST],
    ['Big', longSchema],
    ['Ratio', doubleSchema],
    ['Weight', floatSchema],
    ['Enabled', booleanSchema, MEMBER_XML_LCFIRST],
    ['Created', timestampSchema, MEMBER_XML_LCFIRST],
    ['Epoch', { kind: 'timestamp', timestampFormat: 'unixTimestamp' }],
    ['Http', { kind: 'timestamp', timestampFormat: 'rfc822' }],
    ['Data', blobSchema],
    ['Tags', { kind: 'list', member: tag, memberName: 'item' }, 0, 0, 'tagSet'],
    ['Ids', { kind: 'list', member: stringSchema }],
    ['Numbers', { kind: 'list', member: integerSchema }, MEMBER_FLATTENED, 0, 'number'],
    ['Matrix', { kind: 'list', member: { kind: 'list', member: booleanSchema } }],
    ['Attrs', { kind: 'map', key: stringSchema, value: stringSchema }],
    [
      'Scores',
      { kind: 'map', key: stringSchema, value: doubleSchema, keyName: 'k', valueName: 'v' },
      MEMBER_FLATTENED,
      0,
      'score',
    ],
    ['Tree', node, MEMBER_XML_LCFIRST],
  ],
};

export const fuzzOperation: OperationSchema = { name: 'Fuzz', output: fuzzOutput };

export function fuzzService(protocol: 'ec2' | 'query'): ServiceSchema {
  return {
    serviceId: 'Fuzz',
    configKey: 'fuzz',
    signingName: 'fuzz',
    endpointPrefix: 'fuzz',
    apiVersion: '2020-01-01',
    protocol,
    endpointRuleSet: undefined,
  };
}

// ---- rendering ----

/** A piece of text and how to write it: raw (escaped as needed), with references, or as CDATA. */
const textArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'plain',
    'a b',
    '  padded  ',
    'ünïcødé',
    '日本語',
    '😀',
    'x\ny',
    'tab\there',
    'cr\r\nlf',
    'cr\ronly',
  ),
  fc.string({
    unit: fc.constantFrom('a', 'Z', '0', ' ', '&', '<', '>', '"', "'", '\n', '\r', 'é', ']', '-', ';', '#'),
  }),
);

const escapeArb = (text: string): fc.Arbitrary<string> =>
  fc.constantFrom('entities', 'numeric', 'cdata', 'mixed').map((style) => escapeText(text, style));

function escapeText(text: string, style: string): string {
  if (style === 'cdata' && !text.includes(']]>')) return `<![CDATA[${text}]]>`;
  let out = '';
  for (const ch of text) {
    if (ch === '&') out += style === 'numeric' ? '&#38;' : '&amp;';
    else if (ch === '<') out += style === 'numeric' ? '&#x3C;' : '&lt;';
    else if (ch === '>') out += style === 'mixed' ? '>' : '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (ch === "'") out += style === 'mixed' ? "'" : '&apos;';
    else if (style === 'numeric' && ch.codePointAt(0)! > 127) out += `&#${ch.codePointAt(0)};`;
    else out += ch;
  }
  if (style === 'mixed' && out.length > 2) {
    const cut = Math.floor(out.length / 2);
    if (!/&[^;]*$/.test(out.slice(0, cut))) return `${out.slice(0, cut)}<!-- c -->${out.slice(cut)}`;
  }
  return out;
}

const ws = fc.constantFrom('', '', ' ', '\n', '\n    ', '\t', '\r\n');

const noise: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<!-- note -->',
      '<!---->',
      '<?pi data?>',
      '<unknown/>',
      '<unknown a="1">x</unknown>',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<skip><item>1</item><skip><skip/></skip></skip>',
      '<p:other xmlns:p="urn:x">t</p:other>',
    ),
  },
);

/** Scalar text: mostly valid values in the forms services send, sometimes odd but valid ones, rarely invalid. */
function scalarText(schema: Schema): fc.Arbitrary<string> {
  const mostly = (valid: fc.Arbitrary<string>, odd: readonly string[], invalid: readonly string[]) =>
    fc.oneof(
      { weight: 12, arbitrary: valid },
      { weight: 3, arbitrary: fc.constantFrom(...odd) },
      { weight: 1, arbitrary: fc.constantFrom(...invalid) },
    );
  switch (schema.kind) {
    case 'string':
      return textArb.chain(escapeArb);
    case 'boolean':
      return mostly(fc.constantFrom('true', 'false'), [' true ', '1', '0', '', '\nfalse\n'], ['yes', 'TRUE']);
    case 'integer':
    case 'long':
      return mostly(
        fc.integer().map(String),
        ['', ' 42 ', '+7', '-0', '9007199254740993', '0012'],
        ['1.5', 'x', '1e3'],
      );
    case 'float':
    case 'double':
      return mostly(
        fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
        ['NaN', 'Infinity', '-Infinity', '1e3', '.5', '5.', '', '-0', '1e400'],
        ['nan', 'inf', '1,5'],
      );
    case 'timestamp':
      return mostly(
        fc.integer({ min: 0, max: 4_102_444_800_000 }).chain((ms) =>
          fc.constantFrom(
            new Date(ms).toISOString(),
            new Date(ms)
              .toISOString()
              .replace('.000Z', 'Z')
              .replace(/\.\d{3}Z$/, 'Z'),
            new Date(ms).toUTCString(),
            String(Math.floor(ms / 1000)),
          ),
        ),
        [
          '2014-04-29T18:30:38.123456Z',
          '2019-12-16T22:48:18-01:00',
          '1398796238.5',
          '2014-04-29',
          ' 2014-04-29T18:30:38Z ',
        ],
        ['2014-02-30T00:00:00Z', 'soon', '2014-13-01T00:00:00Z'],
      );
    case 'blob':
      return mostly(
        fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b).toString('base64')),
        ['dmFs\ndWU=', '', ' dmFsdWU= '],
        ['!!!', 'abc', 'dmFsdWU'],
      );
    default:
      return fc.constant('');
  }
}

function element(
  name: string,
  content: fc.Arbitrary<string>,
  prefix: fc.Arbitrary<string>,
): fc.Arbitrary<string> {
  return fc
    .tuple(prefix, content, fc.boolean(), ws)
    .map(([p, body, selfClose, space]) =>
      body === '' && selfClose
        ? `<${p}${name}${space === '\r\n' ? ' ' : ''}/>`
        : `<${p}${name}>${body}</${p}${name}${space === '\t' ? ' ' : ''}>`,
    );
}

const prefixArb = fc.constantFrom('', '', '', 'ns:');

function valueContent(schema: Schema, depth: number): fc.Arbitrary<string> {
  switch (schema.kind) {
    case 'structure':
      return depth > 3 ? fc.constant('') : structureContent(schema, depth + 1).map((s) => s.content);
    case 'list': {
      const member = typeof schema.member === 'function' ? schema.member() : schema.member;
      const itemName = schema.memberName ?? 'member';
      return fc
        .array(fc.tuple(ws, element(itemName, valueContent(member, depth + 1), prefixArb), noise), {
          maxLength: depth > 2 ? 1 : 3,
        })
        .map((items) => items.map(([w, e, n]) => w + e + n).join(''));
    }
    case 'map':
      return fc
        .array(mapEntryContent(schema, depth), { maxLength: 3 })
        .map((entries) => entries.map((e) => `<entry>${e}</entry>`).join(''));
    default:
      return scalarText(schema);
  }
}

function mapEntryContent(schema: MapSchema, depth: number): fc.Arbitrary<string> {
  const value = typeof schema.value === 'function' ? schema.value() : schema.value;
  return fc
    .tuple(
      fc.constantFrom('a', 'b', 'key & co', '__proto__', 'constructor', ''),
      valueContent(value, depth + 1),
      fc.boolean(),
    )
    .map(
      ([key, val, keyFirst]) =>
        `${keyFirst ? `<${schema.keyName ?? 'key'}>${escapeText(key, 'entities')}</${schema.keyName ?? 'key'}>` : ''}` +
        `<${schema.valueName ?? 'value'}>${val}</${schema.valueName ?? 'value'}>` +
        `${keyFirst ? '' : `<${schema.keyName ?? 'key'}>${escapeText(key, 'entities')}</${schema.keyName ?? 'key'}>`}`,
    );
}

/** Child elements for a structure, in random order with noise, plus its attribute string. */
function structureContent(
  schema: StructureSchema,
  depth: number,
): fc.Arbitrary<{ content: string; attributes: string }> {
  const parts = schema.members.map((member) => {
    const target = typeof member[1] === 'function' ? member[1]() : member[1];
    const name = xmlName(member);
    if (((member[2] ?? 0) & MEMBER_XML_ATTRIBUTE) !== 0)
      return fc
        .option(
          textArb.map((t) => ` ${name}="${escapeText(t, 'entities')}"`),
          { nil: '' },
        )
        .map((a) => ({ attr: a, el: '' }));
    const flattened =
      ((member[2] ?? 0) & MEMBER_FLATTENED) !== 0 && (target.kind === 'list' || target.kind === 'map');
    let el: fc.Arbitrary<string>;
    if (flattened && target.kind === 'list') {
      const itemSchema = typeof target.member === 'function' ? target.member() : target.member;
      el = fc
        .array(element(name, valueContent(itemSchema, depth), prefixArb), { maxLength: 3 })
        .map((a) => a.join(''));
    } else if (flattened && target.kind === 'map') {
      el = fc
        .array(
          mapEntryContent(target, depth).map((e) => `<${name}>${e}</${name}>`),
          { maxLength: 3 },
        )
        .map((a) => a.join(''));
    } else {
      el = fc
        .array(element(name, valueContent(target, depth), prefixArb), { maxLength: 2 })
        .map((a) => a.join(''));
    }
    return fc.option(el, { nil: '', freq: 3 }).map((e) => ({ attr: '', el: e }));
  });
  return fc
    .tuple(
      fc.tuple(...parts),
      fc.array(noise, { minLength: parts.length, maxLength: parts.length }),
      fc.array(ws, { minLength: parts.length, maxLength: parts.length }),
    )
    .chain(([rendered, noises, spaces]) =>
      fc
        .shuffledSubarray(
          rendered.map((r, i) => spaces[i] + r.el + noises[i]),
          { minLength: rendered.length, maxLength: rendered.length },
        )
        .map((ordered) => ({
          content: ordered.join(''),
          attributes: rendered.map((r) => r.attr).join(''),
        })),
    );
}

/** A whole response document for the fuzz operation: ec2 (members under the root) or query (wrapped). */
export function validDocument(protocol: 'ec2' | 'query'): fc.Arbitrary<string> {
  return fc
    .tuple(
      structureContent(fuzzOutput, 0),
      fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8"?>\n', '\uFEFF', '<!-- lead -->'),
      fc.constantFrom('req-1', ' req-2 ', ''),
      fc.boolean(),
      ws,
    )
    .map(([{ content, attributes }, prolog, requestId, metadataFirst, space]) => {
      const id =
        protocol === 'ec2'
          ? `<requestId>${requestId}</requestId>`
          : `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>`;
      if (protocol === 'ec2')
        return `${prolog}<FuzzResponse xmlns="urn:fuzz" xmlns:ns="urn:fuzz"${attributes}>${metadataFirst ? id : ''}${space}${content}${metadataFirst ? '' : id}</FuzzResponse>${space}`;
      return `${prolog}<FuzzResponse xmlns="urn:fuzz" xmlns:ns="urn:fuzz">${metadataFirst ? id : ''}<FuzzResult${attributes}>${content}</FuzzResult>${metadataFirst ? '' : id}</FuzzResponse>`;
    });
}

type Mutation = {
  kind: 'truncate' | 'delete' | 'insert' | 'swap' | 'duplicate';
  at: number;
  char: string;
  length: number;
};

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('truncate', 'delete', 'insert', 'swap', 'duplicate'),
  at: fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000),
  char: fc.constantFrom(
    '<',
    '>',
    '/',
    '&',
    ';',
    '"',
    "'",
    '=',
    '!',
    '?',
    '[',
    ']',
    '-',
    '#',
    'x',
    ' ',
    '\n',
    ':',
    'a',
    '0',
    '\u0000',
    'é',
  ),
  length: fc.integer({ min: 1, max: 12 }),
});

export function mutate(doc: string, mutations: readonly Mutation[]): string {
  let out = doc;
  for (const m of mutations) {
    const at = Math.floor(m.at * out.length);
    switch (m.kind) {
      case 'truncate':
        out = out.slice(0, at);
        break;
      case 'delete':
        out = out.slice(0, at) + out.slice(at + m.length);
        break;
      case 'insert':
        out = out.slice(0, at) + m.char + out.slice(at);
        break;
      case 'swap':
        if (at + 1 < out.length) out = out.slice(0, at) + out[at + 1] + out[at] + out.slice(at + 2);
        break;
      case 'duplicate':
        out = out.slice(0, at + m.length) + out.slice(at, at + m.length) + out.slice(at + m.length);
        break;
    }
  }
  return out;
}

export function mutatedDocument(protocol: 'ec2' | 'query'): fc.Arbitrary<string> {
  return fc
    .tuple(validDocument(protocol), fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
    .map(([doc, mutations]) => mutate(doc, mutations));
}

export type { ListSchema };
