// CreateKeyPair, ImportKeyPair, DeleteKeyPair, DescribeKeyPairs. Names are unique per account; ids
// are `key-...`; created keys carry real key material (generated with node:crypto).

import { Ec2Error, invalidParameterValue, missingParameter } from '../protocol/errors.js';
import type { XmlObject } from '../protocol/xml.js';
import { applyFilters, type FilterTable, parseFilters } from '../query/filters.js';
import {
  createKeyMaterial,
  md5Fingerprint,
  parseOpenSshPublicKey,
  sha256Fingerprint,
} from '../state/key-material.js';
import type { KeyPairRecord } from '../state/records.js';
import type { Ec2State } from '../state/store.js';
import type { Tag } from '../state/tags.js';
import { type ActionContext, defineAction, ID_PATTERNS, readTagSpecifications, unique } from './context.js';

function readKeyName(context: ActionContext): string {
  const name = context.params.requiredString('KeyName');
  if (name.length > 255 || !/^[\x20-\x7E]+$/.test(name)) {
    throw invalidParameterValue(
      `Value (${name.slice(0, 60)}) for parameter keyName is invalid. Use 1-255 printable ASCII characters.`,
    );
  }
  if (context.state.keyPairs.has(name))
    throw new Ec2Error('InvalidKeyPair.Duplicate', `The keypair '${name}' already exists.`);
  return name;
}

function store(
  state: Ec2State,
  record: Omit<KeyPairRecord, 'id' | 'seq'>,
  tags: readonly Tag[],
): KeyPairRecord {
  if (state.keyPairs.has(record.name))
    throw new Ec2Error('InvalidKeyPair.Duplicate', `The keypair '${record.name}' already exists.`);
  const full: KeyPairRecord = { id: state.newId('key'), seq: state.nextSeq(), ...record };
  state.keyPairs.set(full.name, full);
  state.tags.set(full.id, tags);
  return full;
}

export const createKeyPair = defineAction({
  prepare(context) {
    const name = readKeyName(context);
    const keyType = context.params.oneOf('KeyType', ['rsa', 'ed25519']) ?? 'rsa';
    const format = context.params.oneOf('KeyFormat', ['pem', 'ppk']) ?? 'pem';
    if (format === 'ppk')
      throw new Ec2Error('UnsupportedOperation', 'ec2-local creates keys in pem format only.');
    const tags = readTagSpecifications(context.params, ['key-pair']).get('key-pair') ?? [];
    return { name, keyType, tags };
  },
  async run(context, { name, keyType, tags }) {
    const material = await createKeyMaterial(keyType, name);
    const record = store(
      context.state,
      {
        name,
        keyType,
        fingerprint: material.fingerprint,
        publicKey: material.publicKey,
        createTime: context.now,
      },
      tags,
    );
    return {
      keyName: record.name,
      keyFingerprint: record.fingerprint,
      keyMaterial: material.privateKey,
      keyPairId: record.id,
      tagSet: context.state.tags.list(record.id),
    };
  },
});

export const importKeyPair = defineAction({
  prepare(context) {
    const name = readKeyName(context);
    const encoded = context.params.requiredString('PublicKeyMaterial');
    const parsed = parseOpenSshPublicKey(Buffer.from(encoded, 'base64').toString('utf8'));
    if (!parsed) {
      throw new Ec2Error(
        'InvalidKey.Format',
        'Key is not in valid OpenSSH public key format. Send the base64 of a line like "ssh-ed25519 AAAA... comment".',
      );
    }
    const tags = readTagSpecifications(context.params, ['key-pair']).get('key-pair') ?? [];
    return { name, parsed, tags };
  },
  run(context, { name, parsed, tags }) {
    const fingerprint = parsed.type === 'rsa' ? md5Fingerprint(parsed.blob) : sha256Fingerprint(parsed.blob);
    const publicKey = `${parsed.type === 'rsa' ? 'ssh-rsa' : 'ssh-ed25519'} ${parsed.blob.toString('base64')} ${name}`;
    const record = store(
      context.state,
      { name, keyType: parsed.type, fingerprint, publicKey, createTime: context.now },
      tags,
    );
    return {
      keyFingerprint: record.fingerprint,
      keyName: record.name,
      keyPairId: record.id,
      tagSet: context.state.tags.list(record.id),
    };
  },
});

function byId(state: Ec2State, id: string): KeyPairRecord | undefined {
  for (const key of state.keyPairs.values()) if (key.id === id) return key;
  return undefined;
}

export const deleteKeyPair = defineAction({
  prepare(context) {
    const { params, state } = context;
    const name = params.string('KeyName');
    const id = params.string('KeyPairId');
    if (!name && !id) throw missingParameter('KeyName or KeyPairId');
    if (id !== undefined) {
      const record = byId(state, id);
      if (!record) throw new Ec2Error('InvalidKeyPair.NotFound', `The key pair '${id}' does not exist`);
      return record;
    }
    // EC2 answers true for a name that does not exist.
    return state.keyPairs.get(name!);
  },
  run(context, record) {
    if (record) {
      context.state.keyPairs.delete(record.name);
      context.state.tags.drop(record.id);
    }
    return { return: true, keyPairId: record?.id };
  },
});

const FILTERS: FilterTable<KeyPairRecord> = {
  'key-name': (k) => k.name,
  'key-pair-id': (k) => k.id,
  fingerprint: (k) => k.fingerprint,
  'key-type': (k) => k.keyType,
};

function keyXml(state: Ec2State, key: KeyPairRecord, includePublicKey: boolean): XmlObject {
  return {
    keyPairId: key.id,
    keyType: key.keyType,
    tagSet: state.tags.list(key.id),
    publicKey: includePublicKey ? key.publicKey : undefined,
    createTime: new Date(key.createTime),
    keyName: key.name,
    keyFingerprint: key.fingerprint,
  };
}

export const describeKeyPairs = defineAction({
  prepare(context) {
    const { params, state } = context;
    const names = unique(params.list('KeyName'));
    const ids = unique(params.list('KeyPairId'));
    const missing = [
      ...names.filter((n) => !state.keyPairs.has(n)),
      ...ids.filter((id) => !ID_PATTERNS.keyPair.test(id) || !byId(state, id)),
    ];
    if (missing.length > 0) {
      throw new Ec2Error(
        'InvalidKeyPair.NotFound',
        missing.length === 1
          ? `The key pair '${missing[0]}' does not exist`
          : `The key pairs '${missing.join(', ')}' do not exist`,
      );
    }
    let keys = [...state.keyPairs.values()];
    if (names.length > 0 || ids.length > 0)
      keys = keys.filter((k) => names.includes(k.name) || ids.includes(k.id));
    const matched = applyFilters(keys, parseFilters(params), FILTERS, (k) => state.tags.list(k.id));
    return {
      keys: matched.sort((a, b) => a.seq - b.seq),
      includePublicKey: params.boolean('IncludePublicKey') ?? false,
    };
  },
  run: (context, { keys, includePublicKey }) => ({
    keySet: keys.map((key) => keyXml(context.state, key, includePublicKey)),
  }),
});
