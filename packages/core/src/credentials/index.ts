export type { Credentials, CredentialsProvider } from './types.js';
