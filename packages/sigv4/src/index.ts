// @boto-ts/sigv4: public entry point.
export {};
