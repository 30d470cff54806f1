// The process-wide default session (boto3's `boto3.DEFAULT_SESSION`): created on first use from the
// environment and files, used by clients that are given no session.

import { Session, type SessionOptions } from './session.js';

let current: Session | undefined;

/** The default session, created on first call. */
export function defaultSession(): Session {
  current ??= new Session();
  return current;
}

/** Replaces the default session (boto3's `setup_default_session`); returns the new one. */
export function setupDefaultSession(options: SessionOptions = {}): Session {
  current = new Session(options);
  return current;
}
