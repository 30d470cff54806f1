// The node: builtins that credential lookups use (HTTP for instance metadata, containers and the SSO
// portal; child processes for credential_process; file reads), each loaded on its first use, so that
// importing core or constructing a Session loads none of them.

import type * as ChildProcess from 'node:child_process';
import type * as FsPromises from 'node:fs/promises';
import type * as Http from 'node:http';
import type * as Https from 'node:https';

let http: Promise<typeof Http> | undefined;
let https: Promise<typeof Https> | undefined;
let childProcess: Promise<typeof ChildProcess> | undefined;
let fsPromises: Promise<typeof FsPromises> | undefined;

export function loadHttp(): Promise<typeof Http> {
  http ??= import('node:http');
  return http;
}

export function loadHttps(): Promise<typeof Https> {
  https ??= import('node:https');
  return https;
}

export function loadChildProcess(): Promise<typeof ChildProcess> {
  childProcess ??= import('node:child_process');
  return childProcess;
}

export function loadFsPromises(): Promise<typeof FsPromises> {
  fsPromises ??= import('node:fs/promises');
  return fsPromises;
}
