// How model names become TypeScript names: method names, schema const names, operation consts.
// One place, so the class, the per-operation functions and the tests agree.

/** `DescribeInstances` -> `describeInstances` (the method and per-operation function name). */
export function methodName(operation: string): string {
  return operation.charAt(0).toLowerCase() + operation.slice(1);
}

/** `DescribeInstances` -> `DescribeInstancesOperation` (the exported OperationSchema const). */
export function operationConstName(operation: string): string {
  return `${operation}Operation`;
}

/** `Instance` -> `$Instance` (a module-private schema const in the per-operation module). */
export function schemaConstName(shape: string): string {
  return `$${shape}`;
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key as written in generated source: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return identifier.test(name) ? name : JSON.stringify(name);
}

/** A JavaScript string literal in single quotes (the house style), escaping what must be escaped. */
export function quote(value: string): string {
  return `'${value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}'`;
}

/** The AWS API reference page of an EC2 operation. */
export function ec2ReferenceUrl(operation: string): string {
  return `https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_${operation}.html`;
}

/** The AWS API reference page of an STS operation. */
export function stsReferenceUrl(operation: string): string {
  return `https://docs.aws.amazon.com/STS/latest/APIReference/API_${operation}.html`;
}

/** Code-unit order (as `Array.prototype.sort` without a comparator): the same on every machine and locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
