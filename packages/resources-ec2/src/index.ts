// @boto-ts/resources-ec2: public entry point.
export {};
