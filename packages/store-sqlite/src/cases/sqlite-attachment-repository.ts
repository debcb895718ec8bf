import type { DatabaseSync } from 'node:sqlite';
import { attachmentExists } from '@vigil/cases';
import type { Attachment, AttachmentParent, AttachmentRepository } from '@vigil/cases';
import type { WriteQueue } from '../connection/write-queue.ts';
import { isUniqueViolation } from '../identity/sqlite-identity-row.ts';

const parse = (r: { data: string }): Attachment => JSON.parse(r.data) as Attachment;

/** `AttachmentRepository` on SQLite: metadata JSON beside the sealed content, which lists never read. */
export class SqliteAttachmentRepository implements AttachmentRepository {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  add(attachment: Attachment, content: string): Promise<void> {
    return this.#writes.run(() => {
      try {
        this.#db
          .prepare(
            `INSERT INTO case_attachments (workspace, id, parent_kind, parent_id, created_at, data, content)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            attachment.workspace,
            attachment.id,
            attachment.parentKind,
            attachment.parentId,
            attachment.createdAt,
            JSON.stringify(attachment),
            content,
          );
      } catch (error) {
        if (isUniqueViolation(error)) throw attachmentExists(attachment.id);
        throw error;
      }
    });
  }

  list(workspace: string, parentKind: AttachmentParent, parentId: string): Promise<Attachment[]> {
    return Promise.resolve().then(() =>
      (
        this.#db
          .prepare(
            `SELECT data FROM case_attachments WHERE workspace = ? AND parent_kind = ? AND parent_id = ?
             ORDER BY created_at, id`,
          )
          .all(workspace, parentKind, parentId) as unknown as { data: string }[]
      ).map(parse),
    );
  }

  get(workspace: string, id: string): Promise<Attachment | undefined> {
    return Promise.resolve().then(() => {
      const row = this.#db
        .prepare('SELECT data FROM case_attachments WHERE workspace = ? AND id = ?')
        .get(workspace, id) as { data: string } | undefined;
      return row && parse(row);
    });
  }

  content(workspace: string, id: string): Promise<string | undefined> {
    return Promise.resolve().then(() => {
      const row = this.#db
        .prepare('SELECT content FROM case_attachments WHERE workspace = ? AND id = ?')
        .get(workspace, id) as { content: string } | undefined;
      return row?.content;
    });
  }

  rewrapContents(rewrap: (sealed: string) => string): Promise<number> {
    // One write-queue turn: rewrapping is a key unwrap/wrap per row (no payload decryption), so cheap.
    return this.#writes.run(() => {
      const rows = this.#db
        .prepare('SELECT workspace, id, content FROM case_attachments')
        .all() as unknown as {
        workspace: string;
        id: string;
        content: string;
      }[];
      const update = this.#db.prepare(
        'UPDATE case_attachments SET content = ? WHERE workspace = ? AND id = ?',
      );
      let changed = 0;
      for (const row of rows) {
        const next = rewrap(row.content);
        if (next === row.content) continue;
        update.run(next, row.workspace, row.id);
        changed++;
      }
      return changed;
    });
  }

  reassignCreator(workspace: string, from: string, to: string): Promise<number> {
    // Rewritten in JS rather than with json_set so the stored JSON keeps the shape `add` wrote.
    return this.#writes.run(() => {
      const rows = this.#db
        .prepare('SELECT id, data FROM case_attachments WHERE workspace = ?')
        .all(workspace) as unknown as { id: string; data: string }[];
      const update = this.#db.prepare('UPDATE case_attachments SET data = ? WHERE workspace = ? AND id = ?');
      let changed = 0;
      for (const row of rows) {
        const meta = parse(row);
        if (meta.createdBy !== from) continue;
        update.run(JSON.stringify({ ...meta, createdBy: to }), workspace, row.id);
        changed++;
      }
      return changed;
    });
  }

  delete(workspace: string, id: string): Promise<boolean> {
    return this.#writes.run(
      () =>
        Number(
          this.#db.prepare('DELETE FROM case_attachments WHERE workspace = ? AND id = ?').run(workspace, id)
            .changes,
        ) > 0,
    );
  }
}
