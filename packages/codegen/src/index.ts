// @boto-ts/codegen (private): the generator's reusable pieces, for scripts and tests.
export type { CodegenContext, Emitter } from './context.js';
export { createContext } from './context.js';
export { compactRuleSet } from './emit-endpoints.js';
export type * from './model.js';
export { type BuiltSchemas, buildSchemas } from './schema-builder.js';
export { operationSnapshot, schemaSnapshot } from './schema-snapshot.js';
