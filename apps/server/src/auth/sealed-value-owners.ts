import type { AttachmentRepository } from '@vigil/cases';
import type { MetadataStore } from '@vigil/core';
import { SecretBox, type IdentityStores, type SealedValueOwner } from '@vigil/identity';
import { rewrapAuditSigningKey } from './audit-signing-key-store.ts';

export interface SealedValueStores {
  identity: IdentityStores;
  metadata: MetadataStore;
  attachments: AttachmentRepository;
}

async function rewrapMfaSeeds(stores: IdentityStores, box: SecretBox): Promise<number> {
  let changed = 0;
  for (let after: string | undefined; ;) {
    const users = await stores.users.list({ limit: 1000, ...(after === undefined ? {} : { after }) });
    for (const user of users) {
      const enrolment = await stores.mfa.get(user.id);
      if (!enrolment || SecretBox.keyIdOf(enrolment.sealedSecret) === box.currentKeyId) continue;
      await stores.mfa.put({ ...enrolment, sealedSecret: box.rewrap(enrolment.sealedSecret) });
      changed++;
    }
    after = users.at(-1)?.id;
    if (users.length < 1000 || after === undefined) return changed;
  }
}

/**
 * Every store holding values sealed by the master key. Rotation walks this list; the registry test
 * (sealed-value-owners.test.ts) fails when a source file calls `seal(` but no owner lists it.
 */
export function sealedValueOwners(stores: SealedValueStores): SealedValueOwner[] {
  return [
    {
      name: 'audit-signing-key',
      sealSites: ['apps/server/src/auth/audit-signing-key-store.ts'],
      rewrap: async (box) => ((await rewrapAuditSigningKey(stores.metadata, box)) ? 1 : 0),
    },
    {
      name: 'mfa-seeds',
      sealSites: ['packages/identity/src/mfa/mfa-service.ts'],
      rewrap: (box) => rewrapMfaSeeds(stores.identity, box),
    },
    {
      name: 'attachments',
      sealSites: ['apps/server/src/incidents/attachments.routes.ts'],
      rewrap: (box) => stores.attachments.rewrapContents((sealed) => box.rewrap(sealed)),
    },
  ];
}
