import type { MetadataStore, RecordRepository } from '@vigil/core';
import type { RelationshipLink } from '@vigil/cases';

/** What a link hangs off. */
export type RelationshipSubject = 'alert' | 'incident';

export const RELATIONSHIP_KIND = 'case-relationship';

/**
 * Relationship links of alerts and incidents in the records table, one record per link with id
 * `subject:subjectId:linkId`, so one subject's links are one keyset read. Kept apart from the alert and
 * incident documents so that adding the asset inventory and intel stores later only adds a reference.
 */
export class RelationshipStore {
  readonly #repo: RecordRepository<RelationshipLink>;

  constructor(metadata: MetadataStore) {
    this.#repo = metadata.repository<RelationshipLink>(RELATIONSHIP_KIND);
  }

  async list(
    workspace: string,
    subject: RelationshipSubject,
    subjectId: string,
  ): Promise<RelationshipLink[]> {
    const prefix = `${subject}:${subjectId}:`;
    const out: RelationshipLink[] = [];
    for (let after = prefix; ;) {
      const page = await this.#repo.list(workspace, { after, limit: 500 });
      const own = page.filter((r) => r.id.startsWith(prefix));
      out.push(...own.map((r) => r.data));
      if (page.length < 500 || own.length < page.length) break;
      after = page.at(-1)?.id ?? after;
    }
    return out.sort((a, b) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : 1));
  }

  async add(
    workspace: string,
    subject: RelationshipSubject,
    subjectId: string,
    link: RelationshipLink,
  ): Promise<void> {
    await this.#repo.create(workspace, `${subject}:${subjectId}:${link.id}`, link);
  }

  async get(
    workspace: string,
    subject: RelationshipSubject,
    subjectId: string,
    id: string,
  ): Promise<RelationshipLink | undefined> {
    return (await this.#repo.get(workspace, `${subject}:${subjectId}:${id}`))?.data;
  }

  remove(workspace: string, subject: RelationshipSubject, subjectId: string, id: string): Promise<boolean> {
    return this.#repo.delete(workspace, `${subject}:${subjectId}:${id}`);
  }
}
