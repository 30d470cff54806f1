// The v3 SDK (@aws-sdk/client-ec2) as a test oracle: captures the form parameters it would send for
// an input, and decodes an XML body the way it would, without any network (a request handler that
// records the request and answers with the given body).

import { Readable } from 'node:stream';
import * as v3 from '@aws-sdk/client-ec2';

interface CapturedRequest {
  body: string;
}

type Handler = (request: CapturedRequest) => { statusCode: number; body: string };

interface V3Command {
  new (input: object): object;
}

/** A v3 EC2 client whose requests go to `handler` instead of the network. */
function peerClient(handler: Handler): v3.EC2Client {
  return new v3.EC2Client({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
    requestHandler: {
      async handle(request: { body?: unknown }) {
        const answer = handler({
          body: typeof request.body === 'string' ? request.body : String(request.body ?? ''),
        });
        return {
          response: {
            statusCode: answer.statusCode,
            reason: 'OK',
            headers: { 'content-type': 'text/xml;charset=UTF-8' },
            body: Readable.from([Buffer.from(answer.body, 'utf8')]),
          },
        };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    } as never,
  });
}

function command(operation: string, input: object): object {
  const Command = (v3 as unknown as Record<string, V3Command | undefined>)[`${operation}Command`];
  if (!Command) throw new Error(`the v3 SDK has no ${operation}Command`);
  return new Command(input);
}

const emptyResponse = (operation: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId></${operation}Response>`;

export class V3Peer {
  private body = '';
  private captured = '';
  private readonly client = peerClient((request) => {
    this.captured = request.body;
    return { statusCode: 200, body: this.body };
  });

  /** The form body the v3 SDK sends for `input`. */
  async serialize(operation: string, input: object): Promise<string> {
    this.body = emptyResponse(operation);
    this.captured = '';
    await this.client.send(command(operation, input) as never);
    return this.captured;
  }

  /** The output the v3 SDK decodes from `xml` (without `$metadata`). */
  async decode(operation: string, xml: string): Promise<Record<string, unknown>> {
    this.body = xml;
    // CopySnapshot: a given PresignedUrl keeps the v3 SDK from presigning one (which needs a region).
    const input = operation === 'CopySnapshot' ? { PresignedUrl: 'given' } : {};
    const output = (await this.client.send(command(operation, input) as never)) as unknown as Record<
      string,
      unknown
    >;
    const { $metadata: _ignored, ...rest } = output;
    return rest;
  }

  destroy(): void {
    this.client.destroy();
  }
}

/** A form body as a parameter map (`Action`, `Version` and every parameter, decoded). */
export function formParameters(body: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(body)) {
    if (map.has(key)) throw new Error(`parameter ${key} appears twice`);
    map.set(key, value);
  }
  return map;
}
