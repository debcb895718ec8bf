import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { userError } from '@vigil/core';

export interface AuditSigningKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A new Ed25519 key pair for checkpoints. Store the private key sealed by `SecretBox`; publish the public key. */
export function generateAuditSigningKeys(): AuditSigningKeys {
  return generateKeyPairSync('ed25519');
}

/** PKCS#8 DER, base64url: the form sealed at rest. */
export function exportAuditPrivateKey(key: KeyObject): string {
  return key.export({ format: 'der', type: 'pkcs8' }).toString('base64url');
}

/** SPKI DER, base64url: the form given to `vigil audit verify` and shown to auditors. */
export function exportAuditPublicKey(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).toString('base64url');
}

function ed25519(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519')
    throw userError('AUDIT_KEY_INVALID', 'Audit signing keys must be Ed25519');
  return key;
}

export function importAuditPrivateKey(encoded: string): KeyObject {
  try {
    return ed25519(
      createPrivateKey({ key: Buffer.from(encoded, 'base64url'), format: 'der', type: 'pkcs8' }),
    );
  } catch (cause) {
    throw userError('AUDIT_KEY_INVALID', 'Audit signing key could not be read', { cause });
  }
}

export function importAuditPublicKey(encoded: string): KeyObject {
  try {
    return ed25519(createPublicKey({ key: Buffer.from(encoded, 'base64url'), format: 'der', type: 'spki' }));
  } catch (cause) {
    throw userError('AUDIT_KEY_INVALID', 'Audit public key could not be read', { cause });
  }
}
