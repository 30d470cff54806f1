// CreateTags, DeleteTags and DescribeTags across every resource type ec2-local keeps. A resource id
// names its type by prefix; an unknown prefix is InvalidID, a missing resource its type's NotFound.

import { Ec2Error, missingParameter, notFound } from '../protocol/errors.js';
import { applyFilters, type FilterTable, parseFilters } from '../query/filters.js';
import { paginate, readPaging } from '../query/paging.js';
import { IMAGE_ID } from '../state/images.js';
import type { Ec2State } from '../state/store.js';
import { resourceTypeOf } from '../state/tags.js';
import { defineAction, ID_PATTERNS, readTags, unique } from './context.js';

interface Kind {
  readonly pattern: RegExp;
  readonly notFoundCode: string;
  readonly noun: string;
  readonly exists: (state: Ec2State, id: string) => boolean;
}

const KINDS: Readonly<Record<string, Kind>> = {
  instance: {
    pattern: ID_PATTERNS.instance,
    notFoundCode: 'InvalidInstanceID.NotFound',
    noun: 'instance ID',
    exists: (s, id) => s.instances.has(id),
  },
  volume: {
    pattern: ID_PATTERNS.volume,
    notFoundCode: 'InvalidVolume.NotFound',
    noun: 'volume',
    exists: (s, id) => s.volumes.has(id),
  },
  'security-group': {
    pattern: ID_PATTERNS.securityGroup,
    notFoundCode: 'InvalidGroup.NotFound',
    noun: 'security group',
    exists: (s, id) => s.securityGroups.has(id),
  },
  'key-pair': {
    pattern: ID_PATTERNS.keyPair,
    notFoundCode: 'InvalidKeyPair.NotFound',
    noun: 'key pair',
    exists: (s, id) => [...s.keyPairs.values()].some((k) => k.id === id),
  },
  image: {
    pattern: IMAGE_ID,
    notFoundCode: 'InvalidAMIID.NotFound',
    noun: 'image id',
    exists: (s, id) => s.images.has(id),
  },
  vpc: {
    pattern: ID_PATTERNS.vpc,
    notFoundCode: 'InvalidVpcID.NotFound',
    noun: 'vpc ID',
    exists: (s, id) => s.vpcs.has(id),
  },
  subnet: {
    pattern: ID_PATTERNS.subnet,
    notFoundCode: 'InvalidSubnetID.NotFound',
    noun: 'subnet ID',
    exists: (s, id) => s.subnets.has(id),
  },
};

/** Checks that every id is well formed and exists; throws the first type's NotFound listing all missing ids of it. */
function checkResources(state: Ec2State, ids: readonly string[]): void {
  const missing = new Map<Kind, string[]>();
  for (const id of ids) {
    const type = resourceTypeOf(id);
    const kind = type ? KINDS[type] : undefined;
    if (!kind?.pattern.test(id)) throw new Ec2Error('InvalidID', `The ID '${id}' is not valid`);
    if (!kind.exists(state, id)) missing.set(kind, [...(missing.get(kind) ?? []), id]);
  }
  for (const [kind, list] of missing) throw notFound(kind.notFoundCode, kind.noun, list);
}

export const createTags = defineAction({
  prepare(context) {
    const { params, state } = context;
    const ids = unique(params.list('ResourceId'));
    if (ids.length === 0) throw missingParameter('ResourceId');
    const tags = readTags(params);
    if (tags.length === 0) throw missingParameter('Tag');
    checkResources(state, ids);
    state.tags.checkLimit(ids, tags);
    return { ids, tags };
  },
  run(context, { ids, tags }) {
    for (const id of ids) context.state.tags.set(id, tags);
    return { return: true };
  },
});

export const deleteTags = defineAction({
  prepare(context) {
    const { params, state } = context;
    const ids = unique(params.list('ResourceId'));
    if (ids.length === 0) throw missingParameter('ResourceId');
    const tags = params
      .structs('Tag')
      .map((tag) => ({ key: tag.requiredString('Key'), value: tag.string('Value') }));
    checkResources(state, ids);
    return { ids, tags };
  },
  run(context, { ids, tags }) {
    for (const id of ids) context.state.tags.delete(id, tags);
    return { return: true };
  },
});

interface TagRow {
  readonly seq: number;
  readonly resourceId: string;
  readonly resourceType: string;
  readonly key: string;
  readonly value: string;
}

const TAG_FILTERS: FilterTable<TagRow> = {
  key: (t) => t.key,
  value: (t) => t.value,
  'resource-id': (t) => t.resourceId,
  'resource-type': (t) => t.resourceType,
};

export const describeTags = defineAction({
  prepare(context) {
    const { params, state } = context;
    const paging = readPaging(context.action, params);
    const rows: TagRow[] = [];
    for (const entry of state.tags.entries()) {
      rows.push({ seq: 0, ...entry, resourceType: resourceTypeOf(entry.resourceId) ?? 'unknown' });
    }
    rows.sort((a, b) =>
      a.resourceId < b.resourceId
        ? -1
        : a.resourceId > b.resourceId
          ? 1
          : a.key < b.key
            ? -1
            : a.key > b.key
              ? 1
              : 0,
    );
    const numbered = rows.map((row, i) => ({ ...row, seq: i + 1 }));
    // `tag:<key>` on DescribeTags matches rows whose own key is <key>.
    const tagsOf = (row: TagRow) => [{ key: row.key, value: row.value }];
    return { matched: applyFilters(numbered, parseFilters(params), TAG_FILTERS, tagsOf), paging };
  },
  run(_context, { matched, paging }) {
    const page = paginate(matched, paging);
    return {
      tagSet: page.items.map((t) => ({
        resourceId: t.resourceId,
        resourceType: t.resourceType,
        key: t.key,
        value: t.value,
      })),
      nextToken: page.nextToken,
    };
  },
});
