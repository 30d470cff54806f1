// The errors ec2-local answers with: EC2's codes, their HTTP statuses, and the `<Response><Errors>` body.
// Actions throw `Ec2Error`; the server turns it into the wire form. Messages follow EC2's wording where
// it is well known and otherwise say plainly what to change.

import { escapeXml } from './xml.js';

/** HTTP status per error code; anything not listed is a 400 client error. */
const STATUS: Readonly<Record<string, number>> = {
  AuthFailure: 401,
  UnauthorizedOperation: 403,
  SignatureDoesNotMatch: 403,
  IncompleteSignature: 400,
  RequestExpired: 400,
  DryRunOperation: 412,
  RequestLimitExceeded: 503,
  InternalError: 500,
  Unavailable: 503,
};

/** An EC2 error as the API reports it: a code, a message and the HTTP status that carries it. */
export class Ec2Error extends Error {
  override readonly name = 'Ec2Error';
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status?: number) {
    super(message);
    this.code = code;
    this.status = status ?? STATUS[code] ?? 400;
  }
}

/** `<Response><Errors><Error>...</Error></Errors><RequestID>...</RequestID></Response>`, as EC2 sends it. */
export function errorDocument(error: Ec2Error, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Response><Errors><Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>` +
    `</Error></Errors><RequestID>${escapeXml(requestId)}</RequestID></Response>`
  );
}

// Constructors for the errors several modules raise, so the wording stays the same everywhere.

export function missingParameter(name: string): Ec2Error {
  return new Ec2Error('MissingParameter', `The request must contain the parameter ${name}`);
}

export function invalidParameterValue(message: string): Ec2Error {
  return new Ec2Error('InvalidParameterValue', message);
}

export function invalidValueFor(name: string, value: string, why?: string): Ec2Error {
  return invalidParameterValue(`Value (${value}) for parameter ${name} is invalid.${why ? ` ${why}` : ''}`);
}

export function invalidParameterCombination(message: string): Ec2Error {
  return new Ec2Error('InvalidParameterCombination', message);
}

/** `InvalidInstanceID.NotFound` style: one id or several, as EC2 words it. */
export function notFound(code: string, noun: string, ids: readonly string[]): Ec2Error {
  const list = ids.join(', ');
  return ids.length === 1
    ? new Ec2Error(code, `The ${noun} '${list}' does not exist`)
    : new Ec2Error(code, `The ${noun}s '${list}' do not exist`);
}

export function malformedId(code: string, id: string): Ec2Error {
  return new Ec2Error(code, `Invalid id: "${id}"`);
}

export function dryRunOperation(): Ec2Error {
  return new Ec2Error('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.');
}

export function unauthorizedOperation(action: string): Ec2Error {
  return new Ec2Error(
    'UnauthorizedOperation',
    `You are not authorized to perform this operation (${action} is denied for this account by the ec2-local \`accounts\` option).`,
  );
}
