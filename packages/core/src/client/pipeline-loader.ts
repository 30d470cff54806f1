// Loads the request pipeline (settings, signing, endpoints, retries, decoding) on a client's first
// call: importing a generated client and constructing it load none of it, nor the signer.

export interface Pipeline {
  readonly resolveClientSettings: typeof import('./settings.js').resolveClientSettings;
  readonly sendOperation: typeof import('./send-operation.js').sendOperation;
}

let loading: Promise<Pipeline> | undefined;

export function loadPipeline(): Promise<Pipeline> {
  loading ??= Promise.all([import('./settings.js'), import('./send-operation.js')]).then(
    ([settings, send]) => ({
      resolveClientSettings: settings.resolveClientSettings,
      sendOperation: send.sendOperation,
    }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
