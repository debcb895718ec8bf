import { SecretBox, generateMasterKey, type IdentityStores } from '@vigil/identity';
import type { MetadataStore } from '@vigil/core';
import { newMasterKeyId, type MasterKeyring } from './master-key-source.ts';
import { rewrapAuditSigningKey } from './audit-signing-key-store.ts';

export interface RewrapReport {
  signingKey: boolean;
  mfaSecrets: number;
}

/** A keyring with a fresh current key; the old keys stay as `previous` so existing values still open. */
export function rotatedKeyring(ring: MasterKeyring): MasterKeyring {
  const next = generateMasterKey(newMasterKeyId());
  return { current: { id: next.id, key: next.key }, previous: [ring.current, ...ring.previous] };
}

/**
 * Re-wraps every stored secret's data key under the keyring's current master key (payloads are not
 * decrypted): the audit signing key and the TOTP seeds. Idempotent; safe to re-run after a crash.
 */
export async function rewrapStoredSecrets(
  ring: MasterKeyring,
  stores: IdentityStores,
  metadata: MetadataStore,
): Promise<RewrapReport> {
  const box = new SecretBox(ring);
  const signingKey = await rewrapAuditSigningKey(metadata, box);
  let mfaSecrets = 0;
  for (let after: string | undefined; ;) {
    const users = await stores.users.list({ limit: 1000, ...(after === undefined ? {} : { after }) });
    for (const user of users) {
      const enrolment = await stores.mfa.get(user.id);
      if (!enrolment || SecretBox.keyIdOf(enrolment.sealedSecret) === box.currentKeyId) continue;
      await stores.mfa.put({ ...enrolment, sealedSecret: box.rewrap(enrolment.sealedSecret) });
      mfaSecrets++;
    }
    after = users.at(-1)?.id;
    if (users.length < 1000 || after === undefined) return { signingKey, mfaSecrets };
  }
}
