// @boto-ts/client-ec2: public entry point.
export {};
