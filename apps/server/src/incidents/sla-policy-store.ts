import type { MetadataStore, RecordRepository } from '@vigil/core';
import { defaultSlaPolicy, type SlaPolicy } from '@vigil/cases';

/** Record kind and id of a workspace's SLA policy (one record per workspace). */
export const SLA_POLICY_KIND = 'incident-sla-policy';
const POLICY_ID = 'policy';

export interface StoredSlaPolicy {
  policy: SlaPolicy;
  /** True while the workspace has never saved one (the built-in defaults apply). */
  isDefault: boolean;
  updatedAt?: number;
  updatedBy?: string;
  version: number;
}

interface SlaPolicyRecord {
  policy: SlaPolicy;
  updatedBy: string;
}

/**
 * A workspace's incident SLA policy in the records table. Read on every incident creation and
 * severity change (not cached), so a change applies at once on every server and worker.
 */
export class SlaPolicyStore {
  readonly #repo: RecordRepository<SlaPolicyRecord>;

  constructor(metadata: MetadataStore) {
    this.#repo = metadata.repository<SlaPolicyRecord>(SLA_POLICY_KIND);
  }

  async get(workspace: string): Promise<StoredSlaPolicy> {
    const found = await this.#repo.get(workspace, POLICY_ID);
    if (found === undefined) return { policy: defaultSlaPolicy, isDefault: true, version: 0 };
    return {
      policy: found.data.policy,
      isDefault: false,
      updatedAt: found.updatedAt,
      updatedBy: found.data.updatedBy,
      version: found.version,
    };
  }

  /** The policy in force (what incident creation uses). */
  async policy(workspace: string): Promise<SlaPolicy> {
    return (await this.get(workspace)).policy;
  }

  /** Replaces the policy; `expectedVersion` (0 = never saved) guards against a concurrent edit. */
  async put(
    workspace: string,
    policy: SlaPolicy,
    by: string,
    expectedVersion?: number,
  ): Promise<StoredSlaPolicy> {
    const current = await this.#repo.get(workspace, POLICY_ID);
    const data = { policy, updatedBy: by };
    if (current === undefined) {
      await this.#repo.create(workspace, POLICY_ID, data);
    } else {
      await this.#repo.update(workspace, POLICY_ID, expectedVersion ?? current.version, data);
    }
    return this.get(workspace);
  }
}
