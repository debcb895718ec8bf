import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { MasterKey } from './master-key.ts';
import { masterKeyInvalid, secretKeyUnknown, secretMalformed, secretOpenFailed } from './secret.error.ts';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const RELOAD_MIN_INTERVAL_MS = 1000;

/** The current master key (seals) and older ones (still open) — the key file's content. */
export interface SecretKeyring {
  current: MasterKey;
  previous?: readonly MasterKey[];
}

/** Parts of a sealed value: `v1.<keyId>.<wrapIv>.<wrappedDataKey+tag>.<iv>.<ciphertext+tag>` (base64url). */
interface Sealed {
  keyId: string;
  wrapIv: Buffer;
  wrappedKey: Buffer;
  iv: Buffer;
  ciphertext: Buffer;
}

function gcmEncrypt(key: Uint8Array, plaintext: Uint8Array, aad: string): { iv: Buffer; data: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv, data };
}

function gcmDecrypt(key: Uint8Array, iv: Buffer, data: Buffer, aad: string): Buffer {
  if (iv.length !== IV_BYTES || data.length < TAG_BYTES) throw secretMalformed();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]);
  } catch {
    // The crypto error carries nothing useful and must not leak: one clear, static error instead.
    throw secretOpenFailed();
  }
}

function parse(sealed: string): Sealed {
  const parts = sealed.split('.');
  if (parts.length !== 6 || parts[0] !== VERSION) throw secretMalformed();
  const [, keyId = '', wrapIv = '', wrappedKey = '', iv = '', ciphertext = ''] = parts;
  if (![keyId, wrapIv, wrappedKey, iv, ciphertext].every((p) => /^[A-Za-z0-9_-]*$/.test(p)))
    throw secretMalformed();
  return {
    keyId,
    wrapIv: Buffer.from(wrapIv, 'base64url'),
    wrappedKey: Buffer.from(wrappedKey, 'base64url'),
    iv: Buffer.from(iv, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
  };
}

function format(s: Sealed): string {
  return [VERSION, s.keyId, s.wrapIv, s.wrappedKey, s.iv, s.ciphertext]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

// The data key's wrapping is bound to the key id; the payload is bound to the caller's AAD (e.g. `connector:<id>`),
// so a sealed value copied into another record does not open.
const wrapAad = (keyId: string) => `vigil-dek:${VERSION}:${keyId}`;
const payloadAad = (aad: string) => `vigil-secret:${VERSION}:${aad}`;

/**
 * Envelope encryption for secrets at rest: each value gets its own AES-256-GCM data key, wrapped by the
 * current master key. Older master keys stay in the keyring to open and `rewrap` values during rotation.
 * Example: `box.seal('hunter2', 'connector:c1')` → `'v1.k1.…'`; `box.openText(sealed, 'connector:c1')` → `'hunter2'`.
 */
export class SecretBox {
  #currentId = '';
  #keys = new Map<string, Uint8Array>();
  readonly #reload: (() => SecretKeyring) | undefined;
  #lastReload = Number.NEGATIVE_INFINITY;

  /**
   * `reload` re-reads the key source: called when a sealed value names a key id this box does not hold
   * (another process rotated the key), at most once per RELOAD_MIN_INTERVAL_MS so garbage ids cannot
   * turn into a file read per request.
   */
  constructor(keyring: SecretKeyring, options: { reload?: () => SecretKeyring } = {}) {
    this.replaceKeyring(keyring);
    this.#reload = options.reload;
  }

  /**
   * Swaps the keyring in place (rotation without restart): values sealed from now on use the new
   * current key; values under keys still listed keep opening. Validates everything before swapping.
   */
  replaceKeyring(keyring: SecretKeyring): void {
    const keys = new Map<string, Uint8Array>();
    for (const k of [keyring.current, ...(keyring.previous ?? [])]) {
      if (k.key.length !== 32) throw masterKeyInvalid('expected 32 bytes');
      keys.set(k.id, Uint8Array.from(k.key));
    }
    this.#keys = keys;
    this.#currentId = keyring.current.id;
  }

  /** Ids of every master key this box can open values under (current first). */
  get keyIds(): string[] {
    return [this.#currentId, ...[...this.#keys.keys()].filter((id) => id !== this.#currentId)];
  }

  /** Id of the master key new values are sealed under. */
  get currentKeyId(): string {
    return this.#currentId;
  }

  /** Encrypts `plaintext` under a fresh data key; `aad` names the context the value belongs to. */
  seal(plaintext: string | Uint8Array, aad: string): string {
    const dataKey = randomBytes(32);
    try {
      const body = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
      const payload = gcmEncrypt(dataKey, body, payloadAad(aad));
      const wrapped = gcmEncrypt(this.#masterKey(this.#currentId), dataKey, wrapAad(this.#currentId));
      return format({
        keyId: this.#currentId,
        wrapIv: wrapped.iv,
        wrappedKey: wrapped.data,
        iv: payload.iv,
        ciphertext: payload.data,
      });
    } finally {
      dataKey.fill(0);
    }
  }

  /** Decrypts a sealed value; throws SECRET_MALFORMED, SECRET_KEY_UNKNOWN or SECRET_OPEN_FAILED. */
  open(sealed: string, aad: string): Buffer {
    const s = parse(sealed);
    const dataKey = this.#unwrap(s);
    try {
      return gcmDecrypt(dataKey, s.iv, s.ciphertext, payloadAad(aad));
    } finally {
      dataKey.fill(0);
    }
  }

  openText(sealed: string, aad: string): string {
    return this.open(sealed, aad).toString('utf8');
  }

  /** Master-key id a sealed value depends on (to find values still needing `rewrap`). */
  static keyIdOf(sealed: string): string {
    return parse(sealed).keyId;
  }

  /**
   * Master-key rotation step: re-wraps the data key under the current master key without touching the
   * payload (no AAD needed, so rotation can run over every stored value blindly). Idempotent.
   */
  rewrap(sealed: string): string {
    const s = parse(sealed);
    if (s.keyId === this.#currentId) return sealed;
    const dataKey = this.#unwrap(s);
    try {
      const wrapped = gcmEncrypt(this.#masterKey(this.#currentId), dataKey, wrapAad(this.#currentId));
      return format({ ...s, keyId: this.#currentId, wrapIv: wrapped.iv, wrappedKey: wrapped.data });
    } finally {
      dataKey.fill(0);
    }
  }

  /** Optional second rotation step: decrypts and seals again under a brand-new data key. */
  reencrypt(sealed: string, aad: string): string {
    const plain = this.open(sealed, aad);
    try {
      return this.seal(plain, aad);
    } finally {
      plain.fill(0);
    }
  }

  /** Keys never appear in inspection or serialisation. */
  toJSON(): { currentKeyId: string } {
    return { currentKeyId: this.#currentId };
  }

  #masterKey(id: string): Uint8Array {
    const key = this.#keys.get(id) ?? this.#reloadFor(id);
    if (!key) throw secretKeyUnknown(id);
    return key;
  }

  #reloadFor(id: string): Uint8Array | undefined {
    const now = Date.now();
    if (this.#reload === undefined || now - this.#lastReload < RELOAD_MIN_INTERVAL_MS) return undefined;
    this.#lastReload = now;
    this.replaceKeyring(this.#reload());
    return this.#keys.get(id);
  }

  #unwrap(s: Sealed): Buffer {
    const dataKey = gcmDecrypt(this.#masterKey(s.keyId), s.wrapIv, s.wrappedKey, wrapAad(s.keyId));
    if (dataKey.length !== 32) throw secretOpenFailed();
    return dataKey;
  }
}
