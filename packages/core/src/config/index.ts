// Public exports of core/config: the shared-file parser and readers a tool built on the SDK may reuse.
export { resolveConfiguredEndpointUrl } from './endpoint-url.js';
export { ConfigFileCache, type ParsedFile, type ReadFileSync } from './file-cache.js';
export { type IniSection, parseIni } from './ini-parser.js';
export { configFilePath, credentialsFilePath, type Env } from './paths.js';
export { type Profile, SharedConfig } from './shared-config.js';
