// Long-lived keys written in a profile: `aws_access_key_id`, `aws_secret_access_key`, optional
// `aws_session_token` (or `aws_security_token`) and `aws_account_id`, read from one file's section
// (the chain asks the credentials file and the config file separately, at botocore's two places).

import type { IniSection } from '../../config/ini-parser.js';
import { sectionValue } from '../../config/shared-config.js';
import { CredentialsError } from '../../errors/errors.js';
import { type CredentialSource, type SourceOutcome, skip } from '../source.js';

/** Reads the keys from one section; `where` names it in messages (`profile "dev" in ~/.aws/credentials`). */
export function staticKeysFromSection(section: IniSection | undefined, where: string): SourceOutcome {
  const accessKeyId = sectionValue(section, 'aws_access_key_id');
  const secretAccessKey = sectionValue(section, 'aws_secret_access_key');
  if (!accessKeyId && !secretAccessKey) return skip(`no aws_access_key_id in ${where}`);
  if (!accessKeyId || !secretAccessKey) {
    const missing = accessKeyId ? 'aws_secret_access_key' : 'aws_access_key_id';
    throw new CredentialsError(`${where} has no ${missing}; keys must come as a pair.`, {
      code: 'PartialCredentials',
    });
  }
  const sessionToken =
    sectionValue(section, 'aws_session_token') ?? sectionValue(section, 'aws_security_token');
  const accountId = sectionValue(section, 'aws_account_id');
  return Object.freeze({
    accessKeyId,
    secretAccessKey,
    ...(sessionToken ? { sessionToken } : {}),
    ...(accountId ? { accountId } : {}),
  });
}

export function staticKeysSource(
  name: string,
  section: () => { section: IniSection | undefined; where: string },
): CredentialSource {
  return {
    name,
    async load() {
      const found = section();
      return staticKeysFromSection(found.section, found.where);
    },
  };
}
