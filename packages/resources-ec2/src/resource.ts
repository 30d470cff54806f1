// Resource: the base of every generated resource class (Instance, Vpc, ...). It owns the identifiers
// and the loaded data, and runs what the generated classes declare: load, actions, waiters,
// references and collections. Attributes read only the loaded data; nothing here calls the network
// unless a method that says so (load, an action, a waiter, a collection) is called.

import type { EC2Client } from '@boto-ts/client-ec2';
import type { CallOptions } from '@boto-ts/core';
import { createWaiter, type WaitOptions } from '@boto-ts/waiters';
import { type CreateResource, runAction } from './actions.js';
import type { BuiltResource } from './build-resources.js';
import { buildResources } from './build-resources.js';
import type { CollectionSource } from './collection-source.js';
import type { ResourceContext } from './context.js';
import type {
  ActionDefinition,
  CollectionDefinition,
  ReferenceDefinition,
  ResourceDefinition,
  WaiterDefinition,
} from './definitions.js';
import { ResourceError, ResourceNotLoadedError, variableName } from './errors.js';
import { type LoadOptions, loadData } from './load.js';
import { buildParams, mergeInput, type ParamOwner } from './request-params.js';

/** How an object came to be: `createdAt` is set for objects returned by a creating action. */
export interface ResourceOrigin {
  readonly createdAt?: number | undefined;
}

/** What `resource.meta` holds (boto3's `resource.meta`). */
export interface ResourceMeta {
  /** The resource type (`Instance`). */
  readonly name: string;
  readonly client: EC2Client;
  readonly definition: ResourceDefinition;
}

/** A generated resource class, as the engine constructs it. */
export type ResourceClass<R> = new (
  context: ResourceContext,
  identifiers: never,
  data?: never,
  origin?: ResourceOrigin,
) => R;

/** Builds an object of `cls` from a built result. */
export function construct<R>(
  cls: ResourceClass<R>,
  context: ResourceContext,
  built: BuiltResource,
  origin?: ResourceOrigin,
): R {
  const make = cls as unknown as new (
    context: ResourceContext,
    identifiers: Readonly<Record<string, string>>,
    data: object | undefined,
    origin: ResourceOrigin | undefined,
  ) => R;
  return new make(context, built.identifiers, built.data, origin);
}

/** The resource as request parameters see it (identifiers and data); used by collections' batch actions. */
export const paramOwner: unique symbol = Symbol('paramOwner');

const inspect = Symbol.for('nodejs.util.inspect.custom');

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export abstract class Resource<Shape extends object, Identifiers extends object> {
  readonly #context: ResourceContext;
  readonly #definition: ResourceDefinition;
  readonly #identifiers: Readonly<Identifiers>;
  /** Set while the object is fresh from a create and the service has not shown it yet. */
  #createdAt: number | undefined;
  #data: Shape | undefined;

  constructor(
    context: ResourceContext,
    definition: ResourceDefinition,
    identifiers: Identifiers,
    data?: Shape,
    origin?: ResourceOrigin,
  ) {
    const given = identifiers as Readonly<Record<string, unknown>>;
    const copy: Record<string, string> = {};
    for (const name of definition.identifiers) {
      const value = given?.[name];
      if (typeof value !== 'string' || value === '') {
        throw new ResourceError(
          'MissingIdentifier',
          `${definition.name} needs its ${name} identifier as a non-empty string, got ${value === '' ? "''" : String(value)}; pass it as EC2Resource.${definition.name}(${definition.identifiers.map(variableName).join(', ')})`,
        );
      }
      copy[name] = value;
    }
    this.#context = context;
    this.#definition = definition;
    this.#identifiers = Object.freeze(copy) as unknown as Readonly<Identifiers>;
    this.#data = data;
    this.#createdAt = origin?.createdAt;
  }

  /** The identifiers (`{ Id: 'i-0abc' }`), always available. */
  get identifiers(): Readonly<Identifiers> {
    return this.#identifiers;
  }

  /** Whether data was loaded (by load(), a collection, an action or a waiter). */
  get loaded(): boolean {
    return this.#data !== undefined;
  }

  /** The loaded data as the service sent it (the model shape); throws ResourceNotLoadedError before a load. */
  get data(): Shape {
    return this.#require('data');
  }

  /** The resource type, client and definition (boto3's `resource.meta`). */
  get meta(): ResourceMeta {
    return { name: this.#definition.name, client: this.#context.client, definition: this.#definition };
  }

  /**
   * Calls the load operation (DescribeInstances for an Instance) and keeps the data; resolves to this
   * object. Right after a create, a NotFound is retried briefly (EC2 is eventually consistent).
   */
  async load(options?: LoadOptions): Promise<this> {
    const definition = this.#definition.load;
    if (definition === undefined) {
      throw new ResourceError(
        'ResourceNotLoadable',
        `${this} cannot be loaded: EC2 has no operation that describes one ${this.#definition.name} on its own. ${this.#loadedFromHint()}`,
      );
    }
    this.#data = (await loadData(
      this.#context,
      definition,
      { ...this[paramOwner](), label: String(this), createdAt: this.#createdAt },
      options,
    )) as Shape;
    // Seen once: from now on a NotFound means it is gone, not that EC2 has not caught up.
    this.#createdAt = undefined;
    return this;
  }

  /** Same as load(): fetches the data again. */
  reload(options?: LoadOptions): Promise<this> {
    return this.load(options);
  }

  /** `Instance(id='i-0abc')`. */
  toString(): string {
    const ids = this.#definition.identifiers
      .map((name) => `${variableName(name)}='${(this.#identifiers as Record<string, string>)[name]}'`)
      .join(', ');
    return `${this.#definition.name}(${ids})`;
  }

  toJSON(): { type: string; identifiers: Readonly<Identifiers>; data: Shape | undefined } {
    return { type: this.#definition.name, identifiers: this.#identifiers, data: this.#data };
  }

  [inspect](): string {
    return `${this}${this.#data === undefined ? ' (not loaded)' : ''}`;
  }

  [paramOwner](): ParamOwner {
    return {
      identifiers: this.#identifiers as Readonly<Record<string, string>>,
      data: (member) => this.#require(member),
    };
  }

  // ---- for the generated classes ----

  /** The context shared with the EC2Resource that made this object. */
  protected get context(): ResourceContext {
    return this.#context;
  }

  /** One member of the loaded data. */
  protected attribute<Key extends keyof Shape>(member: Key): Shape[Key] {
    const data = this.#data;
    if (data === undefined) throw this.#notLoaded(variableName(String(member)));
    return data[member];
  }

  protected runAction<R>(
    definition: ActionDefinition,
    input: object | undefined,
    options: CallOptions | undefined,
    result?: ResourceClass<R>,
  ): Promise<unknown> {
    const context = this.#context;
    const create: CreateResource<R> | undefined =
      result && ((built, createdAt) => construct(result, context, built, { createdAt }));
    return runAction(context, definition, this[paramOwner](), input, options, create);
  }

  /** Runs a waiter with the identifiers filled in, then keeps the data its final response carried. */
  protected async runWaiter(
    definition: WaiterDefinition,
    input: object | undefined,
    options: WaitOptions = {},
  ): Promise<this> {
    const context = this.#context;
    const params = mergeInput(
      buildParams(definition.params, this[paramOwner]()),
      input as Record<string, unknown> | undefined,
    );
    const effects = options.effects ?? {
      now: context.now,
      sleep: (seconds: number, signal: AbortSignal | undefined) => context.sleep(seconds * 1000, signal),
    };
    const waiter = createWaiter(context.client as never, definition.waiter) as unknown as {
      wait(input: object, options: WaitOptions): Promise<{ readonly output?: unknown }>;
    };
    const result = await waiter.wait(params, { ...options, effects });
    const load = this.#definition.load;
    if (definition.updatesData && load !== undefined && result.output !== undefined) {
      const data = load.path(result.output);
      if (isObject(data)) {
        this.#data = data as Shape;
        this.#createdAt = undefined;
      }
    }
    return this;
  }

  protected referenceOne<R>(definition: ReferenceDefinition, cls: ResourceClass<R>): R | undefined {
    return this.#references(definition, cls)[0];
  }

  protected referenceMany<R>(definition: ReferenceDefinition, cls: ResourceClass<R>): R[] {
    return this.#references(definition, cls);
  }

  protected collectionSource(definition: CollectionDefinition): CollectionSource {
    return { context: this.#context, definition, owner: this[paramOwner]() };
  }

  // ---- private ----

  #references<R>(definition: ReferenceDefinition, cls: ResourceClass<R>): R[] {
    const source = definition.needsData ? this.#require(definition.name) : undefined;
    return buildResources(definition.result, {
      source,
      parent: this.#identifiers as Readonly<Record<string, string>>,
    }).map((built) => construct(cls, this.#context, built));
  }

  #require(member: string): Shape {
    const data = this.#data;
    if (data === undefined) throw this.#notLoaded(member);
    return data;
  }

  #notLoaded(member: string): ResourceNotLoadedError {
    const remedy = this.#definition.load
      ? `call \`await ${variableName(this.#definition.name)}.load()\` first (objects from collections and actions come loaded)`
      : this.#loadedFromHint();
    return new ResourceNotLoadedError(String(this), member, remedy);
  }

  #loadedFromHint(): string {
    const sources = this.#definition.loadedFrom ?? [];
    return sources.length === 0
      ? `a ${this.#definition.name} has data only when an action returns it`
      : `a ${this.#definition.name} has data only when it comes from ${sources.join(' or ')}`;
  }
}
