// Public exports of core/xml: decoding XML response bodies with the operation's schema.
export {
  type DecodedOutput,
  type DecodeOutputOptions,
  decodeOutput,
  fastXmlParserDecoder,
  type OutputDecoder,
} from './decode-output.js';
