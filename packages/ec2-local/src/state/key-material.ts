// Key pair material with node:crypto, in the formats EC2 hands out: RSA private keys as PKCS#1 PEM,
// ED25519 ones in OpenSSH format; public keys as OpenSSH lines; fingerprints as EC2 computes them
// (created RSA: SHA-1 of the PKCS#8 DER private key; imported RSA: MD5 of the SSH public key;
// ED25519: unpadded base64 SHA-256 of the SSH public key, as OpenSSH prints it).

import { createHash, generateKeyPair, type KeyObject, randomBytes } from 'node:crypto';

export interface KeyMaterial {
  readonly privateKey: string;
  readonly publicKey: string;
  readonly fingerprint: string;
}

function sshString(data: Uint8Array | string): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function sshMpint(unsigned: Buffer): Buffer {
  let start = 0;
  while (start < unsigned.length - 1 && unsigned[start] === 0) start++;
  const trimmed = unsigned.subarray(start);
  return sshString(trimmed[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

function colonHex(digest: Buffer): string {
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join(':');
}

export function sha256Fingerprint(blob: Buffer): string {
  return createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
}

export function md5Fingerprint(blob: Buffer): string {
  return colonHex(createHash('md5').update(blob).digest());
}

function rsaBlob(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  return Buffer.concat([
    sshString('ssh-rsa'),
    sshMpint(Buffer.from(jwk.e ?? '', 'base64url')),
    sshMpint(Buffer.from(jwk.n ?? '', 'base64url')),
  ]);
}

function ed25519Blob(publicRaw: Buffer): Buffer {
  return Buffer.concat([sshString('ssh-ed25519'), sshString(publicRaw)]);
}

function wrapPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,70}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The unencrypted OpenSSH private key format (openssh-key-v1) for one ED25519 key. */
function opensshPrivateKey(seed: Buffer, publicRaw: Buffer, comment: string): string {
  const check = randomBytes(4);
  let secret = Buffer.concat([
    check,
    check,
    sshString('ssh-ed25519'),
    sshString(publicRaw),
    sshString(Buffer.concat([seed, publicRaw])),
    sshString(comment),
  ]);
  const padding: number[] = [];
  for (let i = 1; (secret.length + padding.length) % 8 !== 0; i++) padding.push(i);
  secret = Buffer.concat([secret, Buffer.from(padding)]);
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'latin1'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    Buffer.from([0, 0, 0, 1]),
    sshString(ed25519Blob(publicRaw)),
    sshString(secret),
  ]);
  return wrapPem('OPENSSH PRIVATE KEY', body);
}

function generate(type: 'rsa' | 'ed25519'): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, publicKey: KeyObject, privateKey: KeyObject) =>
      error ? reject(error) : resolve({ publicKey, privateKey });
    if (type === 'rsa') generateKeyPair('rsa', { modulusLength: 2048 }, done);
    else generateKeyPair('ed25519', {}, done);
  });
}

/** A new key pair as CreateKeyPair returns it. */
export async function createKeyMaterial(type: 'rsa' | 'ed25519', name: string): Promise<KeyMaterial> {
  const { publicKey, privateKey } = await generate(type);
  if (type === 'rsa') {
    const blob = rsaBlob(publicKey);
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    return {
      privateKey: privateKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
      publicKey: `ssh-rsa ${blob.toString('base64')} ${name}`,
      fingerprint: colonHex(createHash('sha1').update(pkcs8).digest()),
    };
  }
  const jwk = privateKey.export({ format: 'jwk' });
  const seed = Buffer.from(jwk.d ?? '', 'base64url');
  const publicRaw = Buffer.from(jwk.x ?? '', 'base64url');
  const blob = ed25519Blob(publicRaw);
  return {
    privateKey: opensshPrivateKey(seed, publicRaw, name),
    publicKey: `ssh-ed25519 ${blob.toString('base64')} ${name}`,
    fingerprint: sha256Fingerprint(blob),
  };
}

/** Reads an OpenSSH public key line (`ssh-rsa AAAA... comment`); undefined when it is not one. */
export function parseOpenSshPublicKey(text: string): { type: 'rsa' | 'ed25519'; blob: Buffer } | undefined {
  const [algorithm, data] = text.trim().split(/\s+/);
  const type = algorithm === 'ssh-rsa' ? 'rsa' : algorithm === 'ssh-ed25519' ? 'ed25519' : undefined;
  if (!type || !data || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return undefined;
  const blob = Buffer.from(data, 'base64');
  if (blob.length < 4) return undefined;
  const nameLength = blob.readUInt32BE(0);
  if (blob.subarray(4, 4 + nameLength).toString('latin1') !== algorithm) return undefined;
  return { type, blob };
}
