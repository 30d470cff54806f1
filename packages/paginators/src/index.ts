// @boto-ts/paginators: public entry point.
export {};
