// @boto-ts/ec2-local: public entry point.
export {};
