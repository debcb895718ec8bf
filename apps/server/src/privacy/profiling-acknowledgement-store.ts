import type { MetadataStore } from '@vigil/core';
import type { ProfilingAcknowledgement } from '@vigil/identity';

const KIND = 'privacy-profiling-ack';
const ID = 'profiling';

/** Per-workspace acknowledgement of the profiling notice, kept as one metadata record of the workspace. */
export class ProfilingAcknowledgementStore {
  readonly #metadata: MetadataStore;

  constructor(metadata: MetadataStore) {
    this.#metadata = metadata;
  }

  async get(workspaceId: string): Promise<ProfilingAcknowledgement | undefined> {
    return (await this.#metadata.repository<ProfilingAcknowledgement>(KIND).get(workspaceId, ID))?.data;
  }

  async put(ack: ProfilingAcknowledgement): Promise<void> {
    const repo = this.#metadata.repository<ProfilingAcknowledgement>(KIND);
    const existing = await repo.get(ack.workspaceId, ID);
    if (existing) await repo.update(ack.workspaceId, ID, existing.version, ack);
    else await repo.create(ack.workspaceId, ID, ack);
  }

  /** Withdraws the acknowledgement; true when there was one. */
  delete(workspaceId: string): Promise<boolean> {
    return this.#metadata.repository<ProfilingAcknowledgement>(KIND).delete(workspaceId, ID);
  }
}
