import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { modelPath } from '../../lib/repo-data.js';
import {
  describeInstancesXml,
  errorXml,
  resourceId,
  runInstancesXml,
  terminateInstancesXml,
} from './ec2-responses.js';

interface ModelShape {
  type: string;
  members?: Record<string, { shape: string; locationName?: string }>;
  member?: { shape: string; locationName?: string };
}
type OrderedNode = Record<string, OrderedNode[] | string> & { '#text'?: string };

const shapes: Record<string, ModelShape> = JSON.parse(
  readFileSync(modelPath('ec2', '2016-11-15', 'service-2.json'), 'utf8'),
).shapes;

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, parseTagValue: false });

function elementName(node: OrderedNode): string {
  return Object.keys(node).find((k) => k !== ':@')!;
}

function textOf(children: OrderedNode[]): string {
  return children.map((c) => c['#text'] ?? '').join('');
}

/**
 * Walks `children` as the value of `shapeName` and returns every problem found: an element the model
 * does not name, a scalar that its type cannot read. Also counts the scalars it checked.
 */
function checkAgainstModel(
  children: OrderedNode[],
  shapeName: string,
  path: string,
  counter: { leaves: number },
) {
  const problems: string[] = [];
  const shape = shapes[shapeName]!;
  const elements = children.filter((c) => elementName(c) !== '#text');
  if (shape.type === 'structure') {
    const byXmlName = new Map(
      Object.entries(shape.members!).map(([name, m]) => [m.locationName ?? name, m.shape] as const),
    );
    for (const child of elements) {
      const name = elementName(child);
      const memberShape = byXmlName.get(name);
      if (memberShape === undefined) problems.push(`${path}/${name}: not a member of ${shapeName}`);
      else
        problems.push(
          ...checkAgainstModel(child[name] as OrderedNode[], memberShape, `${path}/${name}`, counter),
        );
    }
  } else if (shape.type === 'list') {
    const itemName = shape.member!.locationName ?? 'item';
    for (const child of elements) {
      const name = elementName(child);
      if (name !== itemName) problems.push(`${path}/${name}: list items of ${shapeName} are <${itemName}>`);
      else
        problems.push(
          ...checkAgainstModel(child[name] as OrderedNode[], shape.member!.shape, `${path}/${name}`, counter),
        );
    }
  } else {
    counter.leaves++;
    const text = textOf(children);
    const readable: Record<string, (t: string) => boolean> = {
      integer: (t) => /^-?\d+$/.test(t),
      long: (t) => /^-?\d+$/.test(t),
      boolean: (t) => t === 'true' || t === 'false',
      timestamp: (t) => !Number.isNaN(Date.parse(t)) && t.endsWith('Z'),
    };
    if (readable[shape.type] && !readable[shape.type]!(text)) {
      problems.push(`${path}: "${text}" is not a ${shape.type}`);
    }
  }
  return problems;
}

function checkDocument(xml: string, root: string, outputShape: string) {
  const document = parser.parse(xml) as OrderedNode[];
  const rootNode = document.find((n) => elementName(n) === root);
  expect(rootNode, `root <${root}>`).toBeDefined();
  // The response root also carries requestId, which is not an output member.
  const children = (rootNode![root] as OrderedNode[]).filter((c) => elementName(c) !== 'requestId');
  const counter = { leaves: 0 };
  return { problems: checkAgainstModel(children, outputShape, root, counter), leaves: counter.leaves };
}

describe('canned EC2 responses follow the EC2 model', () => {
  it('names every DescribeInstances element as the model does, so every SDK decodes all of it', () => {
    const { problems, leaves } = checkDocument(
      describeInstancesXml(10),
      'DescribeInstancesResponse',
      'DescribeInstancesResult',
    );
    expect(problems).toEqual([]);
    expect(leaves / 10).toBeGreaterThan(120);
  });

  it('names every RunInstances and TerminateInstances element as the model does', () => {
    expect(checkDocument(runInstancesXml(2, 0), 'RunInstancesResponse', 'Reservation').problems).toEqual([]);
    const terminated = terminateInstancesXml([resourceId('i', 0, 1), resourceId('i', 0, 2)]);
    expect(
      checkDocument(terminated, 'TerminateInstancesResponse', 'TerminateInstancesResult').problems,
    ).toEqual([]);
  });
});

describe('canned DescribeInstances bodies', () => {
  it('are deterministic, and 1,000 instances come to about 9.5 MB', { timeout: 60_000 }, () => {
    expect(describeInstancesXml(100)).toBe(describeInstancesXml(100));
    const megabytes = Buffer.byteLength(describeInstancesXml(1000)) / 1e6;
    expect(megabytes).toBeGreaterThan(9);
    expect(megabytes).toBeLessThan(10);
  });

  it('give every instance its own id and addresses', () => {
    const xml = describeInstancesXml(100);
    const ids = xml.match(/<instanceId>i-[0-9a-f]{17}<\/instanceId>/g) ?? [];
    expect(ids).toHaveLength(100);
    expect(new Set(ids).size).toBe(100);
    const addresses = new Set(xml.match(/<privateIpAddress>[^<]+</g));
    expect(addresses.size).toBeGreaterThanOrEqual(200);
  });

  it('escape text and keep the error document in EC2 shape', () => {
    expect(errorXml('InvalidAction', 'a <b> & c')).toContain(
      '<Code>InvalidAction</Code><Message>a  b    c</Message>',
    );
  });
});
