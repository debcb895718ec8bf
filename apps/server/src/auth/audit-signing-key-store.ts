import type { MetadataStore } from '@vigil/core';
import {
  exportAuditPrivateKey,
  exportAuditPublicKey,
  generateAuditSigningKeys,
  importAuditPrivateKey,
  importAuditPublicKey,
  type AuditSigningKeys,
  type SecretBox,
} from '@vigil/identity';

/** Installation-level records live in this pseudo-workspace (workspace ids cannot start with `_`). */
export const PLATFORM_SCOPE = '_platform';
const KIND = 'system-key';
const ID = 'audit-signing';
const AAD = 'audit-signing-key';

interface StoredSigningKey {
  /** The Ed25519 private key (PKCS#8), sealed under the master key. */
  sealedPrivateKey: string;
  /** SPKI, base64url: published to auditors and `vigil audit verify`. */
  publicKey: string;
}

/**
 * The Ed25519 key that signs audit checkpoints: generated on first run and stored sealed by the
 * master key, so a copy of the database alone cannot forge checkpoints.
 */
export async function loadAuditSigningKeys(
  metadata: MetadataStore,
  box: SecretBox,
): Promise<AuditSigningKeys> {
  const repo = metadata.repository<StoredSigningKey>(KIND);
  const existing = await repo.get(PLATFORM_SCOPE, ID);
  if (existing) {
    return {
      privateKey: importAuditPrivateKey(box.openText(existing.data.sealedPrivateKey, AAD)),
      publicKey: importAuditPublicKey(existing.data.publicKey),
    };
  }
  const keys = generateAuditSigningKeys();
  const data: StoredSigningKey = {
    sealedPrivateKey: box.seal(exportAuditPrivateKey(keys.privateKey), AAD),
    publicKey: exportAuditPublicKey(keys.publicKey),
  };
  try {
    await repo.create(PLATFORM_SCOPE, ID, data);
    return keys;
  } catch (err) {
    // Another process created it first (distributed start): use theirs.
    const raced = await repo.get(PLATFORM_SCOPE, ID);
    if (!raced) throw err;
    return loadAuditSigningKeys(metadata, box);
  }
}

/** Only the public half, for verification without the master key. */
export async function loadAuditPublicKey(metadata: MetadataStore): Promise<string | undefined> {
  return (await metadata.repository<StoredSigningKey>(KIND).get(PLATFORM_SCOPE, ID))?.data.publicKey;
}

/** Re-wraps the sealed signing key under the current master key (key rotation). */
export async function rewrapAuditSigningKey(metadata: MetadataStore, box: SecretBox): Promise<boolean> {
  const repo = metadata.repository<StoredSigningKey>(KIND);
  const row = await repo.get(PLATFORM_SCOPE, ID);
  if (!row) return false;
  const rewrapped = box.rewrap(row.data.sealedPrivateKey);
  if (rewrapped === row.data.sealedPrivateKey) return false;
  await repo.update(PLATFORM_SCOPE, ID, row.version, { ...row.data, sealedPrivateKey: rewrapped });
  return true;
}
