import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateMasterKey, parseMasterKey, type MasterKey } from '@vigil/identity';
import { userError } from '@vigil/core';
import type { VigilConfig } from '@vigil/config';

export const MASTER_KEY_FILE_NAME = 'master.key';

/** `<id>:<base64>` or the base64 alone (id `env`). */
export function parseMasterKeyText(text: string, defaultId: string): MasterKey {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  return colon > 0
    ? parseMasterKey(trimmed.slice(0, colon), trimmed.slice(colon + 1))
    : parseMasterKey(defaultId, trimmed);
}

export function masterKeyFilePath(config: VigilConfig): string {
  return resolve(config.security.masterKeyFile ?? join(config.dataDir, MASTER_KEY_FILE_NAME));
}

/** The current master key (seals new values) and older ones still able to open values during rotation. */
export interface MasterKeyring {
  current: MasterKey;
  previous: MasterKey[];
}

/** Key file / env text: one `<id>:<base64>` per line (or comma-separated); the first is current. */
export function parseMasterKeyring(text: string, defaultId: string): MasterKeyring {
  const [first, ...rest] = text
    .split(/[\r\n,]+/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (first === undefined) throw userError('MASTER_KEY_INVALID', 'Master key is invalid: no key given');
  return {
    current: parseMasterKeyText(first, defaultId),
    previous: rest.map((line, i) => parseMasterKeyText(line, `${defaultId}${i + 1}`)),
  };
}

export function formatMasterKeyring(ring: MasterKeyring): string {
  return `${[ring.current, ...ring.previous]
    .map((k) => `${k.id}:${Buffer.from(k.key).toString('base64')}`)
    .join('\n')}\n`;
}

/** Replaces the key file atomically (temp file 0600, then rename). */
export function writeMasterKeyFile(path: string, ring: MasterKeyring): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, formatMasterKeyring(ring), { mode: 0o600, flag: 'wx' });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}

/** A new key id: date plus random suffix, unique across rotations on the same day. */
export function newMasterKeyId(): string {
  return `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * The master keyring of this installation: `security.masterKey` (VIGIL_MASTER_KEY) if set, else the
 * key file. When neither exists and `create` is true (first run), a new key is written with mode 0600.
 */
export function loadMasterKeyring(config: VigilConfig, options: { create: boolean }): MasterKeyring {
  if (config.security.masterKey !== undefined) return parseMasterKeyring(config.security.masterKey, 'env');
  const path = masterKeyFilePath(config);
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw userError('MASTER_KEY_UNREADABLE', `cannot read the master key file (${path})`, { cause: err });
    }
  }
  if (text !== undefined) {
    if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
      throw userError(
        'MASTER_KEY_PERMISSIONS',
        `the master key file (${path}) is readable by other users; run: chmod 600 ${path}`,
      );
    }
    return parseMasterKeyring(text, 'file');
  }
  if (!options.create) {
    throw userError(
      'MASTER_KEY_MISSING',
      `no master key (${path}); set VIGIL_MASTER_KEY or VIGIL_MASTER_KEY_FILE, or start \`vigil serve\` once`,
    );
  }
  const key = generateMasterKey(newMasterKeyId());
  const ring = { current: { id: key.id, key: key.key }, previous: [] };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, formatMasterKeyring(ring), { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return ring;
}
