// Writes the TypeScript types of a service model: one exported type per shape, named as in the model.
// Structures become interfaces (`?` where the model does not require), string enums become unions
// that still accept any string, timestamps `Date`, blobs `Uint8Array`, every number `number`.
// Model documentation is deliberately not copied; only facts a caller needs become doc notes.

import type { ModelMember, ModelShape, ServiceModel, StructureShape } from './model.js';
import { propertyKey, quote } from './names.js';

/** Global names the generated types rely on; a shape with one of these names would shadow it. */
const reservedTypeNames = new Set(['Date', 'Uint8Array', 'Record', 'Array', 'Promise']);
const typeIdentifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The type expression a member of shape `shapeName` has. */
export function typeExpression(model: ServiceModel, shapeName: string): string {
  const shape = lookup(model, shapeName);
  switch (shape.type) {
    case 'structure':
      return shapeName;
    case 'list': {
      const item = typeExpression(model, shape.member.shape);
      return /^[A-Za-z0-9_$]+(\[\])*$/.test(item) ? `${item}[]` : `(${item})[]`;
    }
    case 'map':
      return `Record<string, ${typeExpression(model, shape.value.shape)}>`;
    case 'string':
      return shape.enum ? shapeName : 'string';
    case 'boolean':
      return 'boolean';
    case 'timestamp':
      return 'Date';
    case 'blob':
      return 'Uint8Array';
    default:
      return 'number';
  }
}

function lookup(model: ServiceModel, shapeName: string): ModelShape {
  const shape = model.shapes[shapeName];
  if (!shape) throw new Error(`codegen: the model references an unknown shape ${shapeName}`);
  return shape;
}

/** The doc notes a member carries: long precision, idempotency tokens, deprecation. */
function memberNotes(model: ServiceModel, member: ModelMember): string[] {
  const notes: string[] = [];
  const shape = lookup(model, member.shape);
  if (shape.type === 'long')
    notes.push(
      'A 64-bit integer: values beyond 2^53 - 1 (Number.MAX_SAFE_INTEGER) lose precision as a number.',
    );
  if (member.idempotencyToken) notes.push('Idempotency token: filled with a random UUID when absent.');
  if (member.deprecated || shape.deprecated)
    notes.push('@deprecated The model marks this member deprecated.');
  return notes;
}

function docComment(lines: readonly string[], indent: string): string {
  if (lines.length === 0) return '';
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} * ${line}\n`).join('')}${indent} */\n`;
}

function structureType(model: ServiceModel, name: string, shape: StructureShape): string {
  const required = new Set(shape.required ?? []);
  const members = Object.entries(shape.members);
  if (members.length === 0) return `export interface ${name} {}\n`;
  const body = members
    .map(([memberName, member]) => {
      const optional = required.has(memberName) ? '' : '?';
      const notes = docComment(memberNotes(model, member), '  ');
      return `${notes}  ${propertyKey(memberName)}${optional}: ${typeExpression(model, member.shape)};\n`;
    })
    .join('');
  return `export interface ${name} {\n${body}}\n`;
}

function shapeType(model: ServiceModel, name: string, shape: ModelShape): string {
  switch (shape.type) {
    case 'structure':
      return structureType(model, name, shape);
    case 'list':
      return `export type ${name} = ${typeExpression(model, name)};\n`;
    case 'map':
      return `export type ${name} = ${typeExpression(model, name)};\n`;
    case 'string':
      if (shape.enum) {
        const values = shape.enum.map((value) => `  | ${quote(value)}\n`).join('');
        return `export type ${name} =\n${values}  | (string & {});\n`;
      }
      return `export type ${name} = string;\n`;
    default: {
      const notes = shape.type === 'long' ? docComment(memberNotes(model, { shape: name }), '') : '';
      return `${notes}export type ${name} = ${typeExpression(model, name)};\n`;
    }
  }
}

/** The body of `types.ts`: every shape of the model, in model order (the header is added by the caller). */
export function emitShapeTypes(model: ServiceModel): string {
  const parts: string[] = [
    '// String enums list their known values and end with `(string & {})`: any other string is accepted\n' +
      '// too, so a value AWS adds later never breaks a build, while editors still suggest the known ones.\n\n',
  ];
  for (const [name, shape] of Object.entries(model.shapes)) {
    if (!typeIdentifier.test(name))
      throw new Error(`codegen: shape name ${name} is not a TypeScript identifier`);
    if (reservedTypeNames.has(name))
      throw new Error(`codegen: shape name ${name} would shadow a global type`);
    parts.push(shapeType(model, name, shape));
  }
  return parts.join('');
}

/** The input and output type names of an operation (`object` when the model has none). */
export function operationTypes(
  model: ServiceModel,
  operation: string,
): { readonly input: string | undefined; readonly output: string | undefined } {
  const op = model.operations[operation];
  if (!op) throw new Error(`codegen: unknown operation ${operation}`);
  return { input: op.input?.shape, output: op.output?.shape };
}

/** Whether a structure has no required member (its argument can be omitted). */
export function hasNoRequiredMember(model: ServiceModel, shapeName: string | undefined): boolean {
  if (shapeName === undefined) return true;
  const shape = lookup(model, shapeName);
  return shape.type !== 'structure' || (shape.required ?? []).length === 0;
}

/** Whether the input structure has a boolean `DryRun` member (EC2's permission check). */
export function hasDryRunMember(model: ServiceModel, shapeName: string | undefined): boolean {
  if (shapeName === undefined) return false;
  const shape = lookup(model, shapeName);
  if (shape.type !== 'structure') return false;
  const member = shape.members['DryRun'];
  return member !== undefined && lookup(model, member.shape).type === 'boolean';
}
