// Reads boto3's resources-1.json for EC2 and decides everything the generated resource classes say:
// names (camelCase, with boto3's collision rules), the parameters each call fills in, which inputs
// lose which members, how results are built, and which JMESPath expressions must be compiled.
// Checks every name against service-2.json, paginators-1.json and waiters-2.json; fails on anything
// it cannot type, so the output never guesses.

import type {
  ActionPlan,
  AttributePlan,
  CallPlan,
  CollectionPlan,
  ConstructorPlan,
  ParamModel,
  ParamPlan,
  ReferencePlan,
  RequestModel,
  ResourceModel,
  ResourcePlan,
  ResourcesModel,
  ResourcesPlan,
  ResultModel,
  ResultPlan,
  WaiterPlan,
} from './emit-resources-model.js';
import {
  camelName,
  fileName,
  isProjection,
  NameTable,
  parseTarget,
  RESOURCE_RESERVED,
  SERVICE_RESERVED,
} from './emit-resources-names.js';
import type { ServiceModel, StructureShape } from './model.js';
import { methodName } from './names.js';

// ---- planning ----

interface Models {
  readonly service: ServiceModel;
  /** Operations with a paginator (`DescribeInstances`). */
  readonly paginated: ReadonlySet<string>;
  /** Paging members of each paginated operation's input (tokens and the limit key). */
  readonly pagingMembers: ReadonlyMap<string, readonly string[]>;
  /** Waiter name -> polled operation and the model's delay (s) and attempts. */
  readonly waiters: ReadonlyMap<
    string,
    { readonly operation: string; readonly delay: number; readonly maxAttempts: number }
  >;
}

function inputStructure(
  models: Models,
  operation: string,
): { name: string; shape: StructureShape } | undefined {
  const model = models.service.operations[operation];
  if (!model) throw new Error(`resources: no operation ${operation} in the service model`);
  const name = model.input?.shape;
  if (name === undefined) return undefined;
  const shape = models.service.shapes[name];
  if (shape?.type !== 'structure')
    throw new Error(`resources: ${operation} input ${name} is not a structure`);
  return { name, shape };
}

function planParams(params: readonly ParamModel[] | undefined, where: string): ParamPlan[] {
  return (params ?? []).map((param) => {
    const target = parseTarget(param.target);
    switch (param.source) {
      case 'identifier':
        return { target, from: 'identifier', name: param.name! };
      case 'string':
      case 'integer':
      case 'boolean':
        if (param.value === undefined)
          throw new Error(`resources ${where}: a ${param.source} param without value`);
        return { target, from: 'value', value: param.value };
      case 'data':
        return { target, from: 'data', expression: param.path! };
      default:
        throw new Error(`resources ${where}: parameter source ${param.source} is not supported`);
    }
  });
}

/**
 * The typed call: which input members the params fill (removed from the caller's type, except lists
 * the caller may extend, like a collection's Filters), and whether any required member is left.
 */
function planCall(
  models: Models,
  operation: string,
  params: readonly ParamPlan[],
  keep: readonly string[],
  where: string,
): CallPlan {
  const input = inputStructure(models, operation);
  const targets = [...new Set(params.map((param) => String(param.target[0])))];
  for (const member of targets) {
    if (!input?.shape.members[member])
      throw new Error(`resources ${where}: ${operation} has no input member ${member}`);
  }
  const omitted = targets.filter((member) => !keep.includes(member)).sort();
  const required = input?.shape.required ?? [];
  return {
    operation,
    method: methodName(operation),
    params,
    inputShape: input?.name,
    outputShape: models.service.operations[operation]!.output?.shape,
    omitted,
    inputRequired: required.some((member) => !omitted.includes(member)),
    dryRun: input?.shape.members['DryRun'] !== undefined,
  };
}

function planResult(result: ResultModel, where: string): ResultPlan {
  const data = result.path;
  const elementsOf = data !== undefined && data !== '@' && /\[\]$/.test(data) ? `${data}.` : undefined;
  const identifiers = result.identifiers.map(({ target, source, name, path }) => {
    switch (source) {
      case 'identifier':
        return { target, source: { from: 'identifier', name: name! } as const };
      case 'input':
        return { target, source: { from: 'input' } as const };
      case 'requestParameter':
        return { target, source: { from: 'requestParameter', expression: path! } as const };
      case 'response':
      case 'data': {
        // `Reservations[].Instances[].InstanceId` under the data path `Reservations[].Instances[]`:
        // read from each element, so ids and data stay paired even when an element lacks its id.
        if (elementsOf !== undefined && path!.startsWith(elementsOf)) {
          const rest = path!.slice(elementsOf.length);
          if (!isProjection(rest))
            return { target, source: { from: 'element', expression: rest, full: path! } as const };
        }
        return { target, source: { from: 'response', expression: path! } as const };
      }
      default:
        throw new Error(`resources ${where}: identifier source ${source} is not supported`);
    }
  });
  const plural = result.identifiers.some(({ path }) => path !== undefined && isProjection(path));
  return { type: result.type, plural, identifiers, data };
}

function checkShapeMember(models: Models, shape: string | undefined, member: string, where: string): void {
  if (shape === undefined) return;
  const model = models.service.shapes[shape];
  if (model?.type !== 'structure' || !model.members[member]) {
    throw new Error(`resources ${where}: ${shape} has no member ${member}`);
  }
}

function planResource(models: Models, name: string, model: ResourceModel, all: ResourcesModel): ResourcePlan {
  const names = new NameTable(name, RESOURCE_RESERVED);
  const identifiers = (model.identifiers ?? []).map((identifier) => ({
    name: identifier.name,
    getter: names.take(camelName(identifier.name)),
    memberName: identifier.memberName,
  }));
  const actions = Object.entries(model.actions ?? {}).map(([actionName, action]): ActionPlan => {
    const where = `${name}.${actionName}`;
    const params = planParams(action.request.params, where);
    return {
      ...planCall(models, action.request.operation, params, [], where),
      name: actionName,
      getter: names.take(camelName(actionName), 'Action'),
      result: action.resource ? planResult(action.resource, where) : undefined,
    };
  });
  const references = Object.entries(model.has ?? {}).map(([refName, ref]): ReferencePlan => {
    const result = planResult(ref.resource, `${name}.has.${refName}`);
    return {
      name: refName,
      getter: names.take(camelName(refName), 'Reference'),
      result,
      needsData: ref.resource.identifiers.some(({ source }) => source === 'data'),
    };
  });
  const collections = Object.entries(model.hasMany ?? {}).map(([collectionName, collection]) =>
    planCollection(models, `${name}.hasMany.${collectionName}`, collectionName, collection, names),
  );
  const loadOperation = model.load?.request.operation;
  const waiters = Object.entries(model.waiters ?? {}).map(([waiterKey, waiter]): WaiterPlan => {
    const where = `${name}.waiters.${waiterKey}`;
    const spec = models.waiters.get(waiter.waiterName);
    if (spec === undefined)
      throw new Error(`resources ${where}: no waiter ${waiter.waiterName} in waiters-2.json`);
    const { operation, delay, maxAttempts } = spec;
    return {
      name: waiterKey,
      getter: names.take(`waitUntil${waiterKey}`, 'Waiter'),
      spec: `${methodName(waiter.waiterName)}Waiter`,
      waiterName: waiter.waiterName,
      delay,
      maxAttempts,
      call: planCall(models, operation, planParams(waiter.params, where), [], where),
      updatesData: operation === loadOperation,
    };
  });
  const batchActions = Object.entries(model.batchActions ?? {}).map(([batchName, batch]): ActionPlan => {
    const where = `${name}.batchActions.${batchName}`;
    const params = planParams(batch.request.params, where);
    return {
      ...planCall(models, batch.request.operation, params, [], where),
      name: batchName,
      getter: camelName(batchName),
      result: undefined,
    };
  });
  const identifierGetters = new Map(identifiers.map((identifier) => [identifier.getter, identifier.name]));
  const byMember = new Map(
    identifiers.filter((i) => i.memberName !== undefined).map((i) => [i.memberName!, i.name]),
  );
  const shape = model.shape === undefined ? undefined : models.service.shapes[model.shape];
  if (model.shape !== undefined && shape?.type !== 'structure')
    throw new Error(`resources ${name}: no shape ${model.shape}`);
  const attributes: AttributePlan[] = [];
  for (const member of Object.keys(shape?.type === 'structure' ? shape.members : {}).sort()) {
    const aliased = byMember.get(member);
    if (aliased !== undefined) {
      const getter = camelName(member);
      // `instanceId` answers the identifier (no load needed); `Id` stays `id`.
      if (!identifierGetters.has(getter))
        attributes.push({ member, getter: names.take(getter), identifier: aliased });
      continue;
    }
    // boto3 drops an attribute named as an identifier (ClassicAddress.PublicIp): the identifier answers it.
    if (identifierGetters.has(camelName(member))) continue;
    attributes.push({ member, getter: names.take(camelName(member), 'Attribute'), identifier: undefined });
  }
  let load: ResourcePlan['load'];
  if (model.load) {
    const where = `${name}.load`;
    load = {
      ...planCall(
        models,
        model.load.request.operation,
        planParams(model.load.request.params, where),
        [],
        where,
      ),
      path: model.load.path,
    };
  }
  for (const { memberName } of identifiers) {
    if (memberName !== undefined) checkShapeMember(models, model.shape, memberName, `${name}.identifiers`);
  }
  return {
    name,
    file: fileName(name),
    identifiers: identifiers.map(({ name: identifierName, getter }) => ({ name: identifierName, getter })),
    shape: model.shape,
    load,
    attributes,
    actions,
    batchActions,
    waiters,
    references,
    collections,
    loadedFrom: model.load ? [] : loadedFrom(name, all),
  };
}

function planCollection(
  models: Models,
  where: string,
  collectionName: string,
  collection: { readonly request: RequestModel; readonly resource: ResultModel },
  names: NameTable,
): CollectionPlan {
  const params = planParams(collection.request.params, where);
  for (const param of params) {
    if (param.target[0] !== 'Filters') {
      throw new Error(
        `resources ${where}: only Filters targets are supported in collections (the caller's filters are added to them)`,
      );
    }
  }
  const operation = collection.request.operation;
  const call = planCall(models, operation, params, ['Filters'], where);
  const paging = models.pagingMembers.get(operation) ?? [];
  return {
    ...call,
    omitted: [...new Set([...call.omitted, ...paging])].sort(),
    name: collectionName,
    getter: names.take(camelName(collectionName), 'Collection'),
    paginator: models.paginated.has(operation) ? `${methodName(operation)}Paginator` : undefined,
    result: planResult(collection.resource, where),
  };
}

/** Where objects of a type without a load operation come loaded from: references with data, creating actions. */
function loadedFrom(type: string, all: ResourcesModel): string[] {
  const sources: string[] = [];
  for (const [owner, model] of [['EC2Resource', all.service] as const, ...Object.entries(all.resources)]) {
    for (const [refName, ref] of Object.entries(model.has ?? {})) {
      if (ref.resource.type === type && ref.resource.path !== undefined) {
        sources.push(
          `${camelName(owner)}.${camelName(refName)} (after \`await ${camelName(owner)}.load()\`)`,
        );
      }
    }
    for (const [actionName, action] of Object.entries(model.actions ?? {})) {
      if (action.resource?.type === type && action.resource.path !== undefined) {
        sources.push(`${owner === 'EC2Resource' ? 'resource' : camelName(owner)}.${camelName(actionName)}()`);
      }
    }
  }
  return sources.sort();
}

/**
 * The service resource's constructors, as boto3 builds them: its `has` entries, plus one for every
 * resource type no entry makes (all identifiers from the caller). A `has` entry wins its name
 * (`KeyPair` makes a KeyPairInfo).
 */
function planConstructors(all: ResourcesModel): ConstructorPlan[] {
  const byName = new Map<string, { type: string; identifiers: string[] }>();
  for (const [type, resource] of Object.entries(all.resources)) {
    const has = Object.entries(all.service.has ?? {}).filter(([, ref]) => ref.resource.type === type);
    if (has.length === 0) {
      byName.set(type, { type, identifiers: (resource.identifiers ?? []).map((i) => i.name) });
      continue;
    }
    for (const [name, ref] of has) {
      if (ref.resource.identifiers.some(({ source }) => source !== 'input')) {
        throw new Error(`resources EC2Resource.has.${name}: only input identifiers are supported`);
      }
      byName.set(name, { type, identifiers: ref.resource.identifiers.map(({ target }) => target) });
    }
  }
  return [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, { type, identifiers }]) => ({
      name,
      type,
      identifiers: identifiers.map((identifier) => ({ name: identifier, getter: camelName(identifier) })),
    }));
}

export function planResources(models: Models, resources: ResourcesModel): ResourcesPlan {
  const plans = Object.entries(resources.resources)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, model]) => planResource(models, name, model, resources));
  const types = new Set(plans.map((plan) => plan.name));
  const constructors = planConstructors(resources);
  const names = new NameTable('EC2Resource', SERVICE_RESERVED);
  for (const maker of constructors) names.take(maker.name);
  const actions = Object.entries(resources.service.actions ?? {}).map(([actionName, action]): ActionPlan => {
    const where = `EC2Resource.${actionName}`;
    const params = planParams(action.request.params, where);
    return {
      ...planCall(models, action.request.operation, params, [], where),
      name: actionName,
      getter: names.take(camelName(actionName), 'Action'),
      result: action.resource ? planResult(action.resource, where) : undefined,
    };
  });
  const collections = Object.entries(resources.service.hasMany ?? {}).map(([collectionName, collection]) =>
    planCollection(models, `EC2Resource.hasMany.${collectionName}`, collectionName, collection, names),
  );
  // Every type a result names must exist, and every collection of one type must page the same operation.
  const collectionOperation = new Map<string, string>();
  const check = (result: ResultPlan | undefined, where: string) => {
    if (result && !types.has(result.type))
      throw new Error(`resources ${where}: unknown resource type ${result.type}`);
  };
  for (const plan of plans) {
    for (const action of plan.actions) check(action.result, `${plan.name}.${action.name}`);
    for (const reference of plan.references) check(reference.result, `${plan.name}.has.${reference.name}`);
    for (const collection of plan.collections)
      check(collection.result, `${plan.name}.hasMany.${collection.name}`);
  }
  for (const collection of [...collections, ...plans.flatMap((plan) => plan.collections)]) {
    const known = collectionOperation.get(collection.result.type);
    if (known !== undefined && known !== collection.operation) {
      throw new Error(
        `resources: ${collection.result.type} collections page both ${known} and ${collection.operation}`,
      );
    }
    collectionOperation.set(collection.result.type, collection.operation);
  }
  return { resources: plans, service: { constructors, actions, collections } };
}

export type { Models as ResourceModels };
