import { SecretBox, generateMasterKey, type SealedValueOwner } from '@vigil/identity';
import { newMasterKeyId, type MasterKeyring } from './master-key-source.ts';

/** Values re-wrapped per sealed-value owner (see sealed-value-owners.ts). */
export type RewrapReport = Record<string, number>;

/** A keyring with a fresh current key; the old keys stay as `previous` so existing values still open. */
export function rotatedKeyring(ring: MasterKeyring): MasterKeyring {
  const next = generateMasterKey(newMasterKeyId());
  return { current: { id: next.id, key: next.key }, previous: [ring.current, ...ring.previous] };
}

/**
 * Re-wraps every stored secret's data key under the keyring's current master key (payloads are not
 * decrypted), owner by owner. Idempotent; safe to re-run after a crash.
 */
export async function rewrapStoredSecrets(
  ring: MasterKeyring,
  owners: readonly SealedValueOwner[],
): Promise<RewrapReport> {
  const box = new SecretBox(ring);
  const report: RewrapReport = {};
  for (const owner of owners) report[owner.name] = await owner.rewrap(box);
  return report;
}

/** `name n, name n` for messages. */
export function describeRewrapReport(report: RewrapReport): string {
  return Object.entries(report)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
}
