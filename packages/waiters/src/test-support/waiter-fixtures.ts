// Builds fixtures/waiters/<Operation>.json: responses shaped like real decoded EC2 outputs (every scalar
// member of each structure on the way filled with a plausible value), built from the model's output
// shapes, with the members each waiter's acceptors read set to every state the acceptors name (and the
// state enum's other values), plus empty and missing lists. One file per polled operation.

interface Member {
  readonly shape: string;
}
type Shape =
  | { readonly type: 'structure'; readonly members: Readonly<Record<string, Member>> }
  | { readonly type: 'list'; readonly member: Member }
  | { readonly type: 'map' }
  | {
      readonly type: 'string' | 'boolean' | 'integer' | 'long' | 'float' | 'double' | 'timestamp' | 'blob';
      readonly enum?: readonly string[];
    };
export interface FixtureModel {
  readonly operations: Readonly<Record<string, { readonly output?: { readonly shape: string } }>>;
  readonly shapes: Readonly<Record<string, Shape>>;
}
export interface FixtureWaiters {
  readonly waiters: Readonly<
    Record<
      string,
      {
        readonly operation: string;
        readonly acceptors: readonly {
          readonly matcher: string;
          readonly argument?: string;
          readonly expected: unknown;
        }[];
      }
    >
  >;
}

export interface FixtureCase {
  readonly name: string;
  readonly response: Record<string, unknown>;
}
export interface OperationFixtures {
  readonly operation: string;
  readonly outputShape: string;
  readonly waiters: readonly string[];
  readonly cases: readonly FixtureCase[];
}

/** The member route an acceptor argument reads: `Reservations[].Instances[].State.Name` -> its names. */
export function routeOf(argument: string): string[] {
  const inner = /^length\((.+)\)\s*(==|>)\s*`\d+`$/.exec(argument)?.[1] ?? argument;
  if (!/^[A-Za-z]+(\[\])?(\.[A-Za-z]+(\[\])?)*$/.test(inner)) {
    throw new Error(`waiter fixtures: cannot build responses for ${JSON.stringify(argument)}`);
  }
  return inner.split('.').map((part) => part.replace('[]', ''));
}

const PREFIXES: Readonly<Record<string, string>> = {
  Instance: 'i',
  Reservation: 'r',
  Volume: 'vol',
  Snapshot: 'snap',
  Image: 'ami',
  Ami: 'ami',
  Vpc: 'vpc',
  Subnet: 'subnet',
  NatGateway: 'nat',
  NetworkInterface: 'eni',
  InternetGateway: 'igw',
  Group: 'sg',
  SpotInstanceRequest: 'sir',
  VpnConnection: 'vpn',
  VpcPeeringConnection: 'pcx',
  CustomerGateway: 'cgw',
  ExportTask: 'export-i',
  ConversionTask: 'import-i',
  Bundle: 'bun',
  ImportTask: 'import-snap',
};

class ValueMaker {
  #counter = 0;

  scalar(name: string, shape: Shape): unknown {
    const n = ++this.#counter;
    switch (shape.type) {
      case 'string': {
        if (shape.enum) return shape.enum[0];
        if (name.endsWith('Id')) {
          const prefix =
            PREFIXES[name.slice(0, -2)] ??
            name
              .slice(0, -2)
              .replace(/([a-z])([A-Z])/g, '$1-$2')
              .toLowerCase();
          return `${prefix}-${n.toString(16).padStart(17, '0')}`;
        }
        return `${name}-${n}`;
      }
      case 'boolean':
        return false;
      case 'timestamp':
        return '2024-05-01T12:00:00.000Z';
      case 'blob':
        return 'YmxvYg==';
      default:
        return n;
    }
  }
}

/** States a route's last member takes: what the acceptors expect, then the enum's other values. */
function statesOf(leafShape: Shape | undefined, expected: readonly unknown[]): string[] {
  const states = expected.filter((value): value is string => typeof value === 'string');
  return [...new Set([...states, ...(leafShape?.type === 'string' ? (leafShape.enum ?? []) : [])])];
}

/**
 * A response where each route's last member gets `leaf(route)` (called in document order), every list
 * on the way holds `width` elements, and every scalar member of every structure on the way is filled.
 */
function build(
  model: FixtureModel,
  shapeName: string,
  routes: readonly { readonly path: readonly string[]; readonly id: number }[],
  width: number,
  leaf: (route: number) => unknown,
  values: ValueMaker,
): unknown {
  const shape = model.shapes[shapeName]!;
  if (shape.type === 'list') {
    return Array.from({ length: width }, () => build(model, shape.member.shape, routes, width, leaf, values));
  }
  if (shape.type !== 'structure') return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(shape.members)) {
    const memberShape = model.shapes[member.shape]!;
    const here = routes.filter((route) => route.path[0] === name);
    const scalar =
      memberShape.type !== 'structure' && memberShape.type !== 'list' && memberShape.type !== 'map';
    const ending = here.find((route) => route.path.length === 1);
    if (ending && scalar) {
      out[name] = leaf(ending.id);
    } else if (here.length > 0) {
      const deeper = here
        .filter((route) => route.path.length > 1)
        .map((route) => ({ ...route, path: route.path.slice(1) }));
      out[name] = build(model, member.shape, deeper, width, leaf, values);
    } else if (scalar) {
      out[name] = values.scalar(name, memberShape);
    }
  }
  return out;
}

function leafShapeOf(model: FixtureModel, outputShape: string, route: readonly string[]): Shape | undefined {
  let shape: Shape | undefined = model.shapes[outputShape];
  for (const name of route) {
    while (shape?.type === 'list') shape = model.shapes[shape.member.shape];
    if (shape?.type !== 'structure') return undefined;
    const member: Member | undefined = shape.members[name];
    shape = member ? model.shapes[member.shape] : undefined;
  }
  return shape;
}

export function buildWaiterFixtures(model: FixtureModel, waiters: FixtureWaiters): OperationFixtures[] {
  const byOperation = new Map<string, string[]>();
  for (const [name, waiter] of Object.entries(waiters.waiters)) {
    byOperation.set(waiter.operation, [...(byOperation.get(waiter.operation) ?? []), name]);
  }
  return [...byOperation.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([operation, names]) => {
      const outputShape = model.operations[operation]!.output!.shape;
      const acceptors = names.flatMap((name) => waiters.waiters[name]!.acceptors).filter((a) => a.argument);
      const routes = [
        ...new Map(
          acceptors.map((a) => [JSON.stringify(routeOf(a.argument!)), routeOf(a.argument!)]),
        ).values(),
      ];
      const states = routes.map((route) =>
        statesOf(
          leafShapeOf(model, outputShape, route),
          acceptors
            .filter((a) => JSON.stringify(routeOf(a.argument!)) === JSON.stringify(route))
            .map((a) => a.expected),
        ),
      );
      const cases: FixtureCase[] = [{ name: 'missing: the output has no members', response: {} }];
      const withIds = routes.map((path, id) => ({ path, id }));
      const make = (name: string, width: number, leaf: (route: number) => unknown) => {
        const response = build(model, outputShape, withIds, width, leaf, new ValueMaker());
        cases.push({ name, response: response as Record<string, unknown> });
      };
      const usual = (route: number) => states[route]![0] ?? 'value';
      make('empty: every list is empty', 0, usual);
      routes.forEach((route, r) => {
        const label = route.join('.');
        for (const state of states[r]!)
          make(`${label}: all ${state}`, 2, (at) => (at === r ? state : usual(at)));
        if (states[r]!.length > 1) {
          let next = 0;
          make(`${label}: mixed`, 2, (at) => (at === r ? states[r]![next++ % states[r]!.length] : usual(at)));
        }
        if (leafShapeOf(model, outputShape, route)?.type === 'list') {
          make(`${label}: one element`, 1, usual);
        } else if (states[r]!.length === 0) {
          let next = 0;
          make(`${label}: values`, 1, (at) => (at === r ? `value-${++next}` : usual(at)));
          make(`${label}: empty string`, 1, (at) => (at === r ? '' : usual(at)));
        }
      });
      return { operation, outputShape, waiters: [...names].sort(), cases };
    });
}
