import type { MetadataStore, RecordRepository } from '@vigil/core';
import type { AttackMatrix } from '@vigil/cases';
import { PLATFORM_SCOPE } from '../auth/audit-signing-key-store.ts';

/** Metadata kind of the imported ATT&CK matrix (one installation-wide record). */
export const ATTACK_MATRIX_KIND = 'attack-matrix';
const ID = 'enterprise';

export interface StoredAttackMatrix {
  matrix: AttackMatrix;
  /** SHA-256 of the imported file (as sent, compressed or not): re-importing the same file is visible. */
  sha256: string;
  importedAt: number;
  importedBy?: string;
}

/**
 * The ATT&CK Enterprise matrix every workspace's coverage is computed against: imported (CLI or API),
 * never fetched from the network, and kept in the `_platform` scope of the records table.
 */
export class AttackMatrixStore {
  private readonly repo: RecordRepository<StoredAttackMatrix>;
  private cached: { version: number; value: StoredAttackMatrix } | undefined;

  constructor(metadata: MetadataStore) {
    this.repo = metadata.repository<StoredAttackMatrix>(ATTACK_MATRIX_KIND);
  }

  async get(): Promise<StoredAttackMatrix | undefined> {
    const record = await this.repo.get(PLATFORM_SCOPE, ID);
    if (!record) return undefined;
    // The matrix is ~0.5 MB of JSON: keep the parsed copy while the stored version is unchanged.
    if (this.cached?.version !== record.version)
      this.cached = { version: record.version, value: record.data };
    return this.cached.value;
  }

  /** Replaces the matrix (last import wins; concurrent imports retry on version conflicts). */
  async put(value: StoredAttackMatrix): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const cur = await this.repo.get(PLATFORM_SCOPE, ID);
        if (cur) await this.repo.update(PLATFORM_SCOPE, ID, cur.version, value);
        else await this.repo.create(PLATFORM_SCOPE, ID, value);
        return;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if ((code !== 'VERSION_CONFLICT' && code !== 'RECORD_EXISTS') || attempt >= 5) throw err;
      }
    }
  }
}
