// Sample values for any EC2 model shape, read from the shared service model: every string names its
// member and is unique (`VpcId-17`), every list has two elements, so tests can check that each value
// lands where it should without writing long literals.

import { readFileSync } from 'node:fs';
import { modelPath } from '../../../../scripts/lib/repo-data.js';

interface Member {
  readonly shape: string;
}
type Shape =
  | { readonly type: 'structure'; readonly members: Readonly<Record<string, Member>> }
  | { readonly type: 'list'; readonly member: Member }
  | { readonly type: 'map'; readonly key: Member; readonly value: Member }
  | { readonly type: string; readonly enum?: readonly string[] };

export interface ServiceModelLite {
  readonly operations: Readonly<
    Record<
      string,
      { readonly input?: { readonly shape: string }; readonly output?: { readonly shape: string } }
    >
  >;
  readonly shapes: Readonly<Record<string, Shape>>;
}

let model: ServiceModelLite | undefined;

export function ec2Model(): ServiceModelLite {
  model ??= JSON.parse(
    readFileSync(modelPath('ec2', '2016-11-15', 'service-2.json'), 'utf8'),
  ) as ServiceModelLite;
  return model;
}

/** Builds sample values; one counter per sampler keeps every string unique. */
export class Sampler {
  #counter = 0;

  constructor(
    readonly service: ServiceModelLite = ec2Model(),
    readonly maxDepth = 5,
  ) {}

  /** A sample value of `shapeName`; `name` is the member it fills (used in strings). */
  sample(shapeName: string, name = shapeName, depth = 0): unknown {
    const shape = this.service.shapes[shapeName];
    if (!shape) throw new Error(`no shape ${shapeName}`);
    switch (shape.type) {
      case 'structure': {
        if (depth > this.maxDepth) return {};
        const out: Record<string, unknown> = {};
        const members = (shape as { members: Readonly<Record<string, Member>> }).members;
        for (const [member, { shape: inner }] of Object.entries(members)) {
          out[member] = this.sample(inner, member, depth + 1);
        }
        return out;
      }
      case 'list': {
        if (depth > this.maxDepth) return [];
        const inner = (shape as { member: Member }).member.shape;
        return [this.sample(inner, name, depth + 1), this.sample(inner, name, depth + 1)];
      }
      case 'map':
        return {
          [`${name}-key-${++this.#counter}`]: this.sample(
            (shape as { value: Member }).value.shape,
            name,
            depth + 1,
          ),
        };
      case 'string': {
        const values = (shape as { enum?: readonly string[] }).enum;
        return values?.[0] ?? `${name}-${++this.#counter}`;
      }
      case 'boolean':
        return true;
      case 'integer':
      case 'long':
        return ++this.#counter;
      case 'float':
      case 'double':
        return ++this.#counter + 0.5;
      case 'timestamp':
        return new Date(Date.UTC(2025, 0, 1, 0, 0, ++this.#counter % 60));
      case 'blob':
        return new Uint8Array([1, 2, 3]);
      default:
        throw new Error(`unknown shape type ${shape.type}`);
    }
  }

  /** A sample output of `operation` (with `$metadata`, as the client returns it). */
  output(operation: string): Record<string, unknown> {
    const shape = this.service.operations[operation]?.output?.shape;
    const value = shape === undefined ? {} : (this.sample(shape) as Record<string, unknown>);
    return value;
  }
}
