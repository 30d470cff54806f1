// Small readers shared by the two role sources: the default session name and `duration_seconds`.

import type { Profile } from '../../config/shared-config.js';
import { ConfigError } from '../../errors/errors.js';

/** botocore names role sessions after the time; we do the same with our prefix. */
export function defaultRoleSessionName(nowMs: number): string {
  return `boto-ts-session-${Math.floor(nowMs / 1000)}`;
}

/** `duration_seconds` from the profile: 900 to 43200, or undefined for the role's default. */
export function readDurationSeconds(profile: Profile): number | undefined {
  const value = profile.get('duration_seconds');
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!/^\d+$/.test(value) || seconds < 900 || seconds > 43200) {
    throw new ConfigError(
      `duration_seconds in profile "${profile.name}" must be a whole number from 900 to 43200, not "${value}".`,
      { code: 'InvalidConfigValue' },
    );
  }
  return seconds;
}
