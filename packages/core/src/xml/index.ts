// Public exports of core/xml: decoding XML response bodies with the operation's schema.
export { type DecodeOutputOptions, decodeOutput, fastXmlParserDecoder } from './decode-output.js';
export type { DecodedOutput, OutputDecoder } from './output-types.js';
