// Smithy IDL 2.0 -> Smithy's JSON AST (https://smithy.io/2.0/spec/json-ast.html), as far as the
// protocol test models use the language: shapes with members, traits, defaults, mixins, inline
// operation inputs and outputs, `apply`, services and resources. Documentation traits and doc
// comments are prose and are dropped. Relative shape ids are resolved once every file of a model is
// read (a name may be defined in another file of the same namespace).

import { IdlSyntaxError, type Token, tokenize } from './idl-lexer.js';

export type NodeValue = null | boolean | number | string | NodeValue[] | { [key: string]: NodeValue };

/** A shape id as written, to be resolved against its file's namespace and `use` statements. */
class ShapeRef {
  constructor(
    readonly text: string,
    readonly scope: FileScope,
  ) {}
}

interface FileScope {
  readonly file: string;
  namespace: string;
  readonly uses: Map<string, string>;
}

type RawValue = null | boolean | number | string | ShapeRef | RawValue[] | { [key: string]: RawValue };
type RawTraits = Map<ShapeRef, RawValue>;

interface RawMember {
  readonly target: ShapeRef | undefined;
  readonly traits: RawTraits;
}

interface RawShape {
  readonly type: string;
  readonly scope: FileScope;
  readonly traits: RawTraits;
  readonly members?: Map<string, RawMember>;
  readonly mixins?: ShapeRef[];
  /** operation, service and resource properties (`input`, `operations`, `identifiers`, ...). */
  readonly properties?: Map<string, RawValue>;
}

const PRELUDE = new Set([
  'String',
  'Blob',
  'BigInteger',
  'BigDecimal',
  'Timestamp',
  'Document',
  'Boolean',
  'Byte',
  'Short',
  'Integer',
  'Long',
  'Float',
  'Double',
  'Unit',
  'PrimitiveBoolean',
  'PrimitiveByte',
  'PrimitiveShort',
  'PrimitiveInteger',
  'PrimitiveLong',
  'PrimitiveFloat',
  'PrimitiveDouble',
]);

const SIMPLE_TYPES = new Set([
  'blob',
  'boolean',
  'document',
  'string',
  'byte',
  'short',
  'integer',
  'long',
  'float',
  'double',
  'bigInteger',
  'bigDecimal',
  'timestamp',
]);

const DOCUMENTATION = 'smithy.api#documentation';

export class SmithyModelBuilder {
  readonly #shapes = new Map<string, { name: string; shape: RawShape }>();
  readonly #applies: { target: ShapeRef; traits: RawTraits }[] = [];
  readonly #metadata: Record<string, RawValue> = {};

  /** Reads one .smithy file into the model. */
  add(source: string, file: string): void {
    new FileParser(tokenize(source, file), { file, namespace: '', uses: new Map() }, this).parse();
  }

  defineShape(scope: FileScope, name: string, shape: RawShape): void {
    const id = `${scope.namespace}#${name}`;
    if (this.#shapes.has(id)) throw new IdlSyntaxError(`${scope.file}: shape ${id} is defined twice`);
    this.#shapes.set(id, { name, shape });
  }

  apply(target: ShapeRef, traits: RawTraits): void {
    this.#applies.push({ target, traits });
  }

  /** Metadata lists from several files are joined, as Smithy merges them. */
  setMetadata(key: string, value: RawValue): void {
    const before = this.#metadata[key];
    this.#metadata[key] = Array.isArray(before) && Array.isArray(value) ? [...before, ...value] : value;
  }

  /** The model as Smithy's JSON AST, shapes sorted by id. */
  build(): { smithy: string; metadata?: Record<string, NodeValue>; shapes: Record<string, NodeValue> } {
    const resolve = (ref: ShapeRef): string => this.#resolve(ref);
    const value = (raw: RawValue): NodeValue => {
      if (raw instanceof ShapeRef) return resolve(raw);
      if (Array.isArray(raw)) return raw.map(value);
      if (raw !== null && typeof raw === 'object')
        return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, value(v)]));
      return raw;
    };
    const traits = (raw: RawTraits): Record<string, NodeValue> | undefined => {
      const out: Record<string, NodeValue> = {};
      for (const [id, v] of raw) {
        const key = resolve(id);
        if (key !== DOCUMENTATION) out[key] = value(v);
      }
      return Object.keys(out).length === 0 ? undefined : out;
    };
    const member = (raw: RawMember): NodeValue => {
      const t = traits(raw.traits);
      return {
        target: raw.target === undefined ? 'smithy.api#Unit' : resolve(raw.target),
        ...(t ? { traits: t } : {}),
      };
    };

    const shapes: Record<string, Record<string, NodeValue>> = {};
    for (const [id, { shape }] of [...this.#shapes].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const out: Record<string, NodeValue> = { type: shape.type };
      if (shape.mixins !== undefined && shape.mixins.length > 0)
        out.mixins = shape.mixins.map((m) => ({ target: resolve(m) }));
      if (shape.members !== undefined) {
        if (shape.type === 'list' || shape.type === 'set' || shape.type === 'map') {
          for (const [name, m] of shape.members) out[name] = member(m);
        } else out.members = Object.fromEntries([...shape.members].map(([name, m]) => [name, member(m)]));
      }
      for (const [key, v] of shape.properties ?? []) out[key] = propertyValue(key, v, resolve);
      const t = traits(shape.traits);
      if (t) out.traits = t;
      shapes[id] = out;
    }
    for (const { target, traits: applied } of this.#applies) {
      const [shapeId, memberName] = resolve(target).split('$') as [string, string | undefined];
      const shape = shapes[shapeId];
      const t = traits(applied) ?? {};
      if (shape === undefined) {
        shapes[resolve(target)] = { type: 'apply', traits: t };
        continue;
      }
      const holder = (
        memberName === undefined
          ? shape
          : (shape.members as Record<string, Record<string, NodeValue>>)[memberName]
      ) as Record<string, NodeValue> | undefined;
      if (holder === undefined) throw new IdlSyntaxError(`apply: ${resolve(target)} has no such member`);
      const merged = { ...((holder.traits as Record<string, NodeValue> | undefined) ?? {}) };
      // Applying a list trait again appends to it (Smithy's rule for list traits); others replace.
      for (const [key, v] of Object.entries(t)) {
        const before = merged[key];
        merged[key] = Array.isArray(before) && Array.isArray(v) ? [...before, ...v] : v;
      }
      holder.traits = merged;
    }
    const metadata = Object.fromEntries(Object.entries(this.#metadata).map(([k, v]) => [k, value(v)]));
    return { smithy: '2.0', ...(Object.keys(metadata).length ? { metadata } : {}), shapes };
  }

  #resolve(ref: ShapeRef): string {
    const [head, member] = ref.text.split('$') as [string, string | undefined];
    const suffix = member === undefined ? '' : `$${member}`;
    if (head.includes('#')) return head + suffix;
    const used = ref.scope.uses.get(head);
    if (used !== undefined) return used + suffix;
    const local = `${ref.scope.namespace}#${head}`;
    if (this.#shapes.has(local)) return local + suffix;
    // Not defined here: a prelude shape, or a prelude trait (`@required`, `@httpLabel`).
    if (PRELUDE.has(head) || traitRefs.has(ref)) return `smithy.api#${head}${suffix}`;
    return local + suffix;
  }
}

/** Trait references are created with this marker so unresolved ones fall back to the prelude. */
const traitRefs = new WeakSet<ShapeRef>();

/** Operation, service and resource properties whose values are shape references, as `{ target }`. */
function propertyValue(key: string, raw: RawValue, resolve: (ref: ShapeRef) => string): NodeValue {
  const target = (v: RawValue): NodeValue =>
    v instanceof ShapeRef ? { target: resolve(v) } : plain(v, resolve);
  if (Array.isArray(raw) && ['errors', 'operations', 'resources', 'collectionOperations'].includes(key))
    return raw.map(target);
  if (raw instanceof ShapeRef) return { target: resolve(raw) };
  if (
    raw !== null &&
    typeof raw === 'object' &&
    !Array.isArray(raw) &&
    ['identifiers', 'properties'].includes(key)
  )
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, target(v)]));
  return plain(raw, resolve);
}

function plain(raw: RawValue, resolve: (ref: ShapeRef) => string): NodeValue {
  if (raw instanceof ShapeRef) return resolve(raw);
  if (Array.isArray(raw)) return raw.map((v) => plain(v, resolve));
  if (raw !== null && typeof raw === 'object')
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, plain(v, resolve)]));
  return raw;
}

class FileParser {
  #at = 0;
  #operationInputSuffix = 'Input';
  #operationOutputSuffix = 'Output';

  constructor(
    private readonly tokens: readonly Token[],
    private readonly scope: FileScope,
    private readonly model: SmithyModelBuilder,
  ) {}

  parse(): void {
    while (this.#peek().kind !== 'eof') this.#statement();
  }

  #peek(offset = 0): Token {
    return this.tokens[Math.min(this.#at + offset, this.tokens.length - 1)] as Token;
  }

  #next(): Token {
    const token = this.#peek();
    this.#at++;
    return token;
  }

  #fail(message: string, token = this.#peek()): never {
    throw new IdlSyntaxError(`${this.scope.file}:${token.line}: ${message}`);
  }

  #isPunct(text: string, offset = 0): boolean {
    const t = this.#peek(offset);
    return t.kind === 'punct' && t.text === text;
  }

  #expectPunct(text: string): void {
    if (!this.#isPunct(text)) this.#fail(`expected ${text}`);
    this.#at++;
  }

  #identifier(): string {
    const t = this.#next();
    if (t.kind !== 'id') this.#fail('expected an identifier', t);
    return t.text;
  }

  #ref(trait = false): ShapeRef {
    const ref = new ShapeRef(this.#identifier(), this.scope);
    if (trait) traitRefs.add(ref);
    return ref;
  }

  #statement(): void {
    if (this.#isPunct('$')) {
      this.#next();
      const name = this.#identifier();
      this.#expectPunct(':');
      const value = this.#value();
      if (name === 'operationInputSuffix' && typeof value === 'string') this.#operationInputSuffix = value;
      if (name === 'operationOutputSuffix' && typeof value === 'string') this.#operationOutputSuffix = value;
      return;
    }
    const traits = this.#traits();
    const keyword = this.#identifier();
    switch (keyword) {
      case 'namespace':
        this.scope.namespace = this.#identifier();
        return;
      case 'use': {
        const id = this.#identifier();
        this.scope.uses.set(id.slice(id.indexOf('#') + 1), id);
        return;
      }
      case 'metadata': {
        const key = this.#next();
        if (key.kind !== 'id' && key.kind !== 'string') this.#fail('expected a metadata key', key);
        this.#expectPunct('=');
        this.model.setMetadata(key.text, this.#value());
        return;
      }
      case 'apply': {
        const target = this.#ref();
        if (this.#isPunct('{')) {
          this.#next();
          const applied = this.#traits();
          this.#expectPunct('}');
          this.model.apply(target, applied);
        } else this.model.apply(target, this.#traits());
        return;
      }
      default:
        this.#shape(keyword, traits);
    }
  }

  #shape(type: string, traits: RawTraits): void {
    const name = this.#identifier();
    if (this.#peek().kind === 'id' && (this.#peek() as { text: string }).text === 'for') {
      this.#next();
      this.#ref(); // resource binding: its identifiers come in as elided members, written out here anyway
    }
    const mixins = this.#mixins();
    if (SIMPLE_TYPES.has(type)) {
      this.model.defineShape(this.scope, name, { type, scope: this.scope, traits, mixins });
      return;
    }
    switch (type) {
      case 'structure':
      case 'union':
      case 'list':
      case 'set':
      case 'map':
        this.model.defineShape(this.scope, name, {
          type,
          scope: this.scope,
          traits,
          mixins,
          members: this.#members(name, false),
        });
        return;
      case 'enum':
      case 'intEnum':
        this.model.defineShape(this.scope, name, {
          type,
          scope: this.scope,
          traits,
          mixins,
          members: this.#members(name, type === 'enum'),
        });
        return;
      case 'operation':
        this.#operation(name, traits, mixins);
        return;
      case 'service':
      case 'resource':
        this.model.defineShape(this.scope, name, {
          type,
          scope: this.scope,
          traits,
          mixins,
          properties: this.#properties(name),
        });
        return;
      default:
        this.#fail(`unknown shape type ${type}`);
    }
  }

  #mixins(): ShapeRef[] {
    const t = this.#peek();
    if (t.kind !== 'id' || t.text !== 'with') return [];
    this.#next();
    this.#expectPunct('[');
    const refs: ShapeRef[] = [];
    while (!this.#isPunct(']')) refs.push(this.#ref());
    this.#next();
    return refs;
  }

  /** `{ [traits] name: Target [= default] ... }`; enum members are names with optional `= value`. */
  #members(shapeName: string, isEnum: boolean): Map<string, RawMember> {
    this.#expectPunct('{');
    const members = new Map<string, RawMember>();
    while (!this.#isPunct('}')) {
      const traits = this.#traits();
      let elided = false;
      if (this.#isPunct('$')) {
        this.#next();
        elided = true;
      }
      const name = this.#identifier();
      let target: ShapeRef | undefined;
      if (!elided && this.#isPunct(':')) {
        this.#next();
        target = this.#ref();
      }
      if (elided) traits.set(new ShapeRef('smithy.api#elided', this.scope), true);
      if (this.#isPunct('=')) {
        this.#next();
        const value = this.#value();
        const trait = target === undefined && !elided ? 'smithy.api#enumValue' : 'smithy.api#default';
        traits.set(new ShapeRef(trait, this.scope), value);
      } else if (isEnum && target === undefined)
        traits.set(new ShapeRef('smithy.api#enumValue', this.scope), name);
      if (members.has(name)) this.#fail(`${shapeName} has two members named ${name}`);
      members.set(name, { target, traits });
    }
    this.#next();
    return members;
  }

  #operation(name: string, traits: RawTraits, mixins: ShapeRef[]): void {
    this.#expectPunct('{');
    const properties = new Map<string, RawValue>();
    while (!this.#isPunct('}')) {
      const key = this.#identifier();
      if (this.#isPunct(':=')) {
        this.#next();
        const inlineTraits = this.#traits();
        const suffix = key === 'input' ? this.#operationInputSuffix : this.#operationOutputSuffix;
        const shapeName = `${name}${suffix}`;
        const inlineMixins = this.#mixins();
        inlineTraits.set(new ShapeRef(`smithy.api#${key}`, this.scope), {});
        this.model.defineShape(this.scope, shapeName, {
          type: 'structure',
          scope: this.scope,
          traits: inlineTraits,
          mixins: inlineMixins,
          members: this.#members(shapeName, false),
        });
        properties.set(key, new ShapeRef(shapeName, this.scope));
        continue;
      }
      this.#expectPunct(':');
      properties.set(key, this.#value());
    }
    this.#next();
    this.model.defineShape(this.scope, name, {
      type: 'operation',
      scope: this.scope,
      traits,
      mixins,
      properties,
    });
  }

  #properties(name: string): Map<string, RawValue> {
    const value = this.#value();
    if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof ShapeRef)
      this.#fail(`${name}: expected a { ... } body`);
    return new Map(Object.entries(value));
  }

  #traits(): RawTraits {
    const traits: RawTraits = new Map();
    while (this.#isPunct('@')) {
      this.#next();
      const id = this.#ref(true);
      let value: RawValue = {};
      if (this.#isPunct('(')) {
        this.#next();
        if (this.#isPunct(')')) value = {};
        else if ((this.#peek().kind === 'id' || this.#peek().kind === 'string') && this.#isPunct(':', 1))
          value = this.#objectBody(')');
        else value = this.#value();
        this.#expectPunct(')');
      }
      traits.set(id, value);
    }
    return traits;
  }

  #value(): RawValue {
    const t = this.#next();
    if (t.kind === 'string') return t.text;
    if (t.kind === 'number') return t.value;
    if (t.kind === 'id') {
      if (t.text === 'true') return true;
      if (t.text === 'false') return false;
      if (t.text === 'null') return null;
      return new ShapeRef(t.text, this.scope);
    }
    if (t.kind === 'punct' && t.text === '[') {
      const items: RawValue[] = [];
      while (!this.#isPunct(']')) items.push(this.#value());
      this.#next();
      return items;
    }
    if (t.kind === 'punct' && t.text === '{') {
      const object = this.#objectBody('}');
      this.#next();
      return object;
    }
    return this.#fail('expected a value', t);
  }

  /** `key: value` pairs up to (not including) `close`. */
  #objectBody(close: string): { [key: string]: RawValue } {
    const object: { [key: string]: RawValue } = {};
    while (!this.#isPunct(close)) {
      const key = this.#next();
      if (key.kind !== 'id' && key.kind !== 'string') this.#fail('expected a key', key);
      this.#expectPunct(':');
      object[key.text] = this.#value();
    }
    return object;
  }
}
