// @boto-ts/codegen (private): the generator's reusable pieces, for scripts and tests.
export type { CodegenContext, Emitter } from './context.js';
export { createContext } from './context.js';
export type * from './model.js';
