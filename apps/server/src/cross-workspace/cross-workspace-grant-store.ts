import { isVigilError, type MetadataStore, type RecordRepository, type StoredRecord } from '@vigil/core';
import {
  CROSS_WORKSPACE_GRANT_KIND,
  CROSS_WORKSPACE_RECEIVED_KIND,
  type CrossWorkspaceGrant,
} from './cross-workspace-grant.ts';
import { grantExists } from './cross-workspace.error.ts';

/** The index entry under the central workspace: just enough to find the authoritative record. */
interface ReceivedEntry {
  sourceWorkspace: string;
}

const PAGE = 1000;
const isCode = (err: unknown, code: string): boolean => isVigilError(err) && err.code === code;

async function listAll<T>(repo: RecordRepository<T>, workspace: string): Promise<StoredRecord<T>[]> {
  const out: StoredRecord<T>[] = [];
  for (let after: string | undefined; ;) {
    const page = await repo.list(workspace, { limit: PAGE, ...(after === undefined ? {} : { after }) });
    out.push(...page);
    if (page.length < PAGE) return out;
    after = page.at(-1)?.id;
  }
}

/**
 * Cross-workspace grants over the records repository (SQLite and PostgreSQL alike). Every call reads
 * or writes rows of one workspace at a time, so PostgreSQL row-level security holds throughout.
 * The source workspace's record decides: the central workspace's index entry is written first and
 * removed last, and `received` keeps only entries whose source record still exists, so a revoke takes
 * effect at once even if removing the index entry fails.
 */
export class CrossWorkspaceGrantStore {
  readonly #grants: RecordRepository<CrossWorkspaceGrant>;
  readonly #received: RecordRepository<ReceivedEntry>;

  constructor(metadata: MetadataStore) {
    this.#grants = metadata.repository<CrossWorkspaceGrant>(CROSS_WORKSPACE_GRANT_KIND);
    this.#received = metadata.repository<ReceivedEntry>(CROSS_WORKSPACE_RECEIVED_KIND);
  }

  /** Stores a grant; CROSS_WORKSPACE_GRANT_EXISTS (409) when the pair already has one. */
  async grant(grant: CrossWorkspaceGrant): Promise<CrossWorkspaceGrant> {
    const { sourceWorkspace: source, centralWorkspace: central } = grant;
    if ((await this.#grants.get(source, central)) !== undefined) throw grantExists(source, central);
    let indexed = false;
    try {
      await this.#received.create(central, source, { sourceWorkspace: source });
      indexed = true;
    } catch (err) {
      // A leftover entry of an earlier grant: harmless, the new source record makes it valid again.
      if (!isCode(err, 'RECORD_EXISTS')) throw err;
    }
    try {
      return (await this.#grants.create(source, central, grant)).data;
    } catch (err) {
      // Nothing half-written: take back the index entry this call created.
      if (indexed) await this.#received.delete(central, source).catch(() => false);
      if (isCode(err, 'RECORD_EXISTS')) throw grantExists(source, central);
      throw err;
    }
  }

  /** Removes a grant; false when there was none. */
  async revoke(sourceWorkspace: string, centralWorkspace: string): Promise<boolean> {
    const removed = await this.#grants.delete(sourceWorkspace, centralWorkspace);
    // The revoke is already effective; a leftover index entry is ignored by `received`.
    await this.#received.delete(centralWorkspace, sourceWorkspace).catch(() => false);
    return removed;
  }

  async get(sourceWorkspace: string, centralWorkspace: string): Promise<CrossWorkspaceGrant | undefined> {
    return (await this.#grants.get(sourceWorkspace, centralWorkspace))?.data;
  }

  /** Grants the workspace gave, ordered by central workspace. */
  async given(sourceWorkspace: string): Promise<CrossWorkspaceGrant[]> {
    return (await listAll(this.#grants, sourceWorkspace)).map((r) => r.data);
  }

  /** Grants the workspace received and that still stand, ordered by source workspace. */
  async received(centralWorkspace: string): Promise<CrossWorkspaceGrant[]> {
    const entries = await listAll(this.#received, centralWorkspace);
    const out: CrossWorkspaceGrant[] = [];
    for (const e of entries) {
      const grant = await this.get(e.id, centralWorkspace);
      if (grant !== undefined) out.push(grant);
    }
    return out;
  }
}
