import { attachmentExists } from './attachment.error.ts';
import type { Attachment, AttachmentParent } from './attachment.ts';
import type { AttachmentRepository } from './attachment.port.ts';

const oldestFirst = (a: Attachment, b: Attachment): number =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** In-memory `AttachmentRepository`: tests and the reference behaviour for adapters. */
export class MemoryAttachmentRepository implements AttachmentRepository {
  readonly #rows = new Map<string, { meta: Attachment; content: string }>();

  add(attachment: Attachment, content: string): Promise<void> {
    const key = `${attachment.workspace}\u0000${attachment.id}`;
    if (this.#rows.has(key)) return Promise.reject(attachmentExists(attachment.id));
    this.#rows.set(key, { meta: structuredClone(attachment), content });
    return Promise.resolve();
  }

  list(workspace: string, parentKind: AttachmentParent, parentId: string): Promise<Attachment[]> {
    const rows = [...this.#rows.values()]
      .map((r) => r.meta)
      .filter((a) => a.workspace === workspace && a.parentKind === parentKind && a.parentId === parentId);
    return Promise.resolve(structuredClone(rows.sort(oldestFirst)));
  }

  get(workspace: string, id: string): Promise<Attachment | undefined> {
    const row = this.#rows.get(`${workspace}\u0000${id}`);
    return Promise.resolve(row && structuredClone(row.meta));
  }

  content(workspace: string, id: string): Promise<string | undefined> {
    return Promise.resolve(this.#rows.get(`${workspace}\u0000${id}`)?.content);
  }

  rewrapContents(rewrap: (sealed: string) => string): Promise<number> {
    let changed = 0;
    for (const row of this.#rows.values()) {
      const next = rewrap(row.content);
      if (next !== row.content) [row.content, changed] = [next, changed + 1];
    }
    return Promise.resolve(changed);
  }

  reassignCreator(workspace: string, from: string, to: string): Promise<number> {
    let changed = 0;
    for (const row of this.#rows.values()) {
      if (row.meta.workspace !== workspace || row.meta.createdBy !== from) continue;
      row.meta = { ...row.meta, createdBy: to };
      changed++;
    }
    return Promise.resolve(changed);
  }

  delete(workspace: string, id: string): Promise<boolean> {
    return Promise.resolve(this.#rows.delete(`${workspace}\u0000${id}`));
  }
}
