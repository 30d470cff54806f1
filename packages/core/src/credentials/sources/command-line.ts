// Splits a `credential_process` value into argv the way a POSIX shell would tokenize it (quotes and
// backslashes; no variables, globs or pipes), as botocore does with shlex. The command runs without a shell.

import { ConfigError } from '../../errors/errors.js';

export function splitCommandLine(command: string): string[] {
  const args: string[] = [];
  let current = '';
  let started = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < command.length; i++) {
    const char = command[i] as string;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else current += char;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && i + 1 < command.length && '"\\$`'.includes(command[i + 1] as string)) {
        current += command[++i];
      } else current += char;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (char === '\\' && i + 1 < command.length) {
      current += command[++i];
      started = true;
    } else if (/\s/.test(char)) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (quote) {
    throw new ConfigError(`credential_process has an unterminated ${quote} quote.`, {
      code: 'InvalidConfigValue',
    });
  }
  if (started) args.push(current);
  return args;
}
