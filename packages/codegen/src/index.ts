// @boto-ts/codegen: public entry point.
export {};
