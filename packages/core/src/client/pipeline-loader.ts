// Loads the request pipeline (settings, signing, endpoints, retries, decoding) on a client's first
// call: importing a generated client and constructing it load none of it, nor the signer.

export type Pipeline = typeof import('./pipeline.js');

let loading: Promise<Pipeline> | undefined;

export function loadPipeline(): Promise<Pipeline> {
  loading ??= import('./pipeline.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
