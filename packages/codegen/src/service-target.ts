// What differs between the services the generator writes (EC2 into client-ec2, STS into core):
// names, output folder, how generated code reaches core, and the hand-written customizations
// a generated method applies.

/**
 * A hand-written customization a generated method or function applies before sending:
 * `(operation, input, options) => { operation, input }` (e.g. RunInstances UserData encoding).
 */
import { compareCodeUnits } from './names.js';
export interface CallCustomization {
  /** Module, relative to the repository root (`.js` specifier). */
  readonly module: string;
  /** The exported customization function. */
  readonly customize: string;
  /** The per-call options type the method accepts instead of CallOptions. */
  readonly optionsType: string;
}

export interface ServiceTarget {
  /** Model folder under models/ (`ec2/2016-11-15`). */
  readonly modelDir: string;
  /** Output folder, relative to the repository root. */
  readonly outDir: string;
  /** `ec2`, `sts`: ServiceSchema.configKey. */
  readonly configKey: string;
  /** `EC2`, `STS`: the prefix of the client class and config type. */
  readonly prefix: string;
  /** `ec2`, `sts`: the prefix of the exported consts (`ec2Service`). */
  readonly constPrefix: string;
  /** The service's full name, for doc comments. */
  readonly title: string;
  /** The AWS API reference page of an operation. */
  referenceUrl(operation: string): string;
  /**
   * Full client schemas as compact text decoded per operation on first use (large services), or
   * as object-literal consts shared with the per-operation functions (small services).
   */
  readonly lazySchemas: boolean;
  /** Where core's public symbols come from: `@boto-ts/core/client`, or core's own modules for STS. */
  readonly coreModules: (symbol: string) => string;
  /** The import specifier of a protocol module (`query` -> `@boto-ts/core/protocols/query`). */
  readonly protocolModule: (file: string) => string;
  readonly customizations: Readonly<Record<string, CallCustomization>>;
  /** Only these operations (every shape's type is still written); all of the model's when absent. */
  readonly operations?: readonly string[];
  /** With `operations`: write only the shapes those operations reach (a narrow client of a large model). */
  readonly reachableShapesOnly?: boolean;
}

/** Renders `import` lines for core symbols, grouped by module, sorted. `types` are imported as types. */
export function coreImports(
  target: ServiceTarget,
  values: readonly string[],
  types: readonly string[],
): string {
  const byModule = new Map<string, string[]>();
  const add = (symbol: string, text: string) => {
    const module = target.coreModules(symbol);
    byModule.set(module, [...(byModule.get(module) ?? []), text]);
  };
  for (const symbol of new Set(values)) add(symbol, symbol);
  for (const symbol of new Set(types)) if (!values.includes(symbol)) add(symbol, `type ${symbol}`);
  return [...byModule]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([module, symbols]) => {
      const sorted = symbols.sort((a, b) =>
        compareCodeUnits(a.replace(/^type /, ''), b.replace(/^type /, '')),
      );
      if (sorted.every((symbol) => symbol.startsWith('type ')))
        return `import type { ${sorted.map((symbol) => symbol.slice(5)).join(', ')} } from '${module}';\n`;
      return `import { ${sorted.join(', ')} } from '${module}';\n`;
    })
    .join('');
}
