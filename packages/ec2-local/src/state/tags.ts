// Tags on every resource, kept in one place keyed by resource id, with EC2's rules: keys of 1-128
// characters not starting with `aws:`, values up to 256, at most 50 tags per resource.

import { Ec2Error, invalidParameterValue } from '../protocol/errors.js';

// A type alias (not an interface) so tag lists can be written as XML objects directly.
export type Tag = { readonly key: string; readonly value: string };

/** The EC2 resource type (as DescribeTags and TagSpecifications name it) of an id, by its prefix. */
export const RESOURCE_TYPES: Readonly<Record<string, string>> = {
  i: 'instance',
  vol: 'volume',
  sg: 'security-group',
  key: 'key-pair',
  ami: 'image',
  vpc: 'vpc',
  subnet: 'subnet',
  sgr: 'security-group-rule',
};

export function resourceTypeOf(id: string): string | undefined {
  const dash = id.indexOf('-');
  return dash > 0 ? RESOURCE_TYPES[id.slice(0, dash)] : undefined;
}

const MAX_TAGS = 50;

export function validateTag(tag: Tag): void {
  if (tag.key.length < 1 || tag.key.length > 128) {
    throw invalidParameterValue(
      `Tag key must be between 1 and 128 characters; '${tag.key.slice(0, 140)}' is not.`,
    );
  }
  if (tag.key.toLowerCase().startsWith('aws:')) {
    throw invalidParameterValue(
      `Tag keys starting with 'aws:' are reserved for internal use ('${tag.key}').`,
    );
  }
  if (tag.value.length > 256) {
    throw invalidParameterValue(`Tag value for key '${tag.key}' exceeds the maximum of 256 characters.`);
  }
}

export class TagStore {
  readonly #byResource = new Map<string, Map<string, string>>();

  list(resourceId: string): Tag[] {
    const tags = this.#byResource.get(resourceId);
    return tags ? [...tags].map(([key, value]) => ({ key, value })) : [];
  }

  get(resourceId: string, key: string): string | undefined {
    return this.#byResource.get(resourceId)?.get(key);
  }

  /** Throws TagLimitExceeded when any resource would end with more than 50 tags; changes nothing then. */
  checkLimit(resourceIds: readonly string[], tags: readonly Tag[]): void {
    for (const id of resourceIds) {
      const merged = new Set([...(this.#byResource.get(id)?.keys() ?? []), ...tags.map((t) => t.key)]);
      if (merged.size > MAX_TAGS) {
        throw new Ec2Error(
          'TagLimitExceeded',
          `The maximum number of tags (${MAX_TAGS}) for resource '${id}' has been exceeded.`,
        );
      }
    }
  }

  set(resourceId: string, tags: readonly Tag[]): void {
    if (tags.length === 0) return;
    let map = this.#byResource.get(resourceId);
    if (!map) {
      map = new Map();
      this.#byResource.set(resourceId, map);
    }
    for (const { key, value } of tags) map.set(key, value);
  }

  /**
   * DeleteTags semantics: no tags given deletes all; a tag without value deletes the key; a tag with a
   * value (even empty) deletes the key only when the value matches.
   */
  delete(resourceId: string, tags: readonly { key: string; value: string | undefined }[]): void {
    const map = this.#byResource.get(resourceId);
    if (!map) return;
    if (tags.length === 0) map.clear();
    for (const { key, value } of tags) {
      if (value === undefined || map.get(key) === value) map.delete(key);
    }
    if (map.size === 0) this.#byResource.delete(resourceId);
  }

  drop(resourceId: string): void {
    this.#byResource.delete(resourceId);
  }

  /** Every (resource, key, value), resources in first-tagged order. */
  *entries(): Generator<{ resourceId: string; key: string; value: string }> {
    for (const [resourceId, map] of this.#byResource) {
      for (const [key, value] of map) yield { resourceId, key, value };
    }
  }
}
