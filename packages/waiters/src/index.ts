// @boto-ts/waiters: public entry point.
export {};
