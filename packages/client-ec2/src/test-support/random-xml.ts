// Random valid EC2 XML responses for an operation, built from the model: element names from each
// member's locationName (else its name), lists wrapped in their item element, scalars written as EC2
// writes them (booleans `true`/`false`, ISO 8601 timestamps, base64 blobs), text XML-escaped.

import type { ModelMember, ModelShape, ServiceModel, StructureShape } from '@boto-ts/codegen';
import type { Random } from './prng.js';

const words = [
  'alpha',
  'beta',
  'i-0abc123',
  'vpc-1',
  'a b',
  'x&y',
  '<tag>',
  'quote"s',
  "it's",
  'é€日',
  'line\nbreak',
  '😀',
];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface XmlOptions {
  readonly maxDepth?: number;
  readonly xmlNamespace?: string;
}

export class RandomXmlGenerator {
  constructor(
    private readonly model: ServiceModel,
    private readonly options: XmlOptions = {},
  ) {}

  /** `<OperationResponse>` with a requestId and a random output; null when the operation has no output. */
  response(operation: string, random: Random, requestId: string): string {
    const namespace = this.options.xmlNamespace ?? this.model.metadata.xmlNamespace ?? '';
    const shapeName = this.model.operations[operation]?.output?.shape;
    const body = shapeName === undefined ? '' : this.members(this.structureShape(shapeName), random, 0);
    return `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${namespace}/"><requestId>${requestId}</requestId>${body}</${operation}Response>`;
  }

  private structureShape(name: string): StructureShape {
    const shape = this.model.shapes[name];
    if (shape?.type !== 'structure') throw new Error(`${name} is not a structure`);
    return shape;
  }

  private members(shape: StructureShape, random: Random, depth: number): string {
    const maxDepth = this.options.maxDepth ?? 4;
    const chance = depth === 0 ? 0.7 : depth >= maxDepth ? 0.1 : 0.55;
    let xml = '';
    for (const [name, member] of Object.entries(shape.members)) {
      if (!random.chance(chance)) continue;
      const target = this.shape(member.shape);
      if (depth >= maxDepth && (target.type === 'structure' || target.type === 'list')) continue;
      xml += this.element(member.locationName ?? name, member, random, depth + 1);
    }
    return xml;
  }

  private shape(name: string): ModelShape {
    const shape = this.model.shapes[name];
    if (!shape) throw new Error(`unknown shape ${name}`);
    return shape;
  }

  private element(tag: string, member: ModelMember, random: Random, depth: number): string {
    const shape = this.shape(member.shape);
    switch (shape.type) {
      case 'structure':
        return `<${tag}>${this.members(shape, random, depth)}</${tag}>`;
      case 'list': {
        const item = shape.member.locationName ?? 'member';
        const count = random.int(0, 3);
        let items = '';
        for (let i = 0; i < count; i++) items += this.element(item, shape.member, random, depth);
        return `<${tag}>${items}</${tag}>`;
      }
      case 'map':
        throw new Error('EC2 responses have no maps');
      default:
        return `<${tag}>${this.scalar(shape, random)}</${tag}>`;
    }
  }

  private scalar(shape: ModelShape, random: Random): string {
    switch (shape.type) {
      case 'string':
        return escapeXml(
          shape.enum && shape.enum.length > 0
            ? random.pick(shape.enum)
            : random.pick(words) + random.int(0, 99),
        );
      case 'boolean':
        return random.chance(0.5) ? 'true' : 'false';
      case 'integer':
        return String(random.int(-5, 100_000));
      case 'long':
        return String(random.chance(0.3) ? random.int(2 ** 32, 2 ** 50) : random.int(0, 100_000));
      case 'float':
      case 'double':
        return String(random.int(0, 1000) + random.pick([0, 0.5, 0.25, 0.125]));
      case 'timestamp': {
        const date = new Date(
          random.int(946_684_800, 2_000_000_000) * 1000 + (random.chance(0.5) ? random.int(0, 999) : 0),
        );
        return date.toISOString();
      }
      case 'blob': {
        const bytes = Buffer.alloc(random.int(1, 10));
        for (let i = 0; i < bytes.length; i++) bytes[i] = random.int(0, 255);
        return bytes.toString('base64');
      }
      default:
        throw new Error(`unexpected scalar ${shape.type}`);
    }
  }
}
