// Public exports of core/trace: redaction and trace delivery.
export { formatTraceEvent } from './format.js';
export {
  REDACTED,
  redactAuthorization,
  redactCanonicalRequest,
  redactFormBody,
  redactHeaders,
  redactXmlBody,
  redactXmlFragment,
  scrubSecrets,
  signatureOf,
  truncate,
} from './redact.js';
export { createTracer, Tracer, type TracerOptions } from './tracer.js';
