import { attachmentExists } from '@vigil/cases';
import type { Attachment, AttachmentParent, AttachmentRepository } from '@vigil/cases';
import { isUniqueViolation } from '../identity/pg-identity-row.ts';
import type { PgScopedDb } from '../identity/pg-scoped-db.ts';

const parse = (r: { data: string }): Attachment => JSON.parse(r.data) as Attachment;

/** `AttachmentRepository` on PostgreSQL: metadata JSON beside the sealed content; scoped for RLS. */
export class PgAttachmentRepository implements AttachmentRepository {
  readonly #db: PgScopedDb;

  constructor(db: PgScopedDb) {
    this.#db = db;
  }

  async add(attachment: Attachment, content: string): Promise<void> {
    await this.#db.run({ workspace: attachment.workspace }, async (c) => {
      try {
        await c.query(
          `INSERT INTO case_attachments (workspace, id, parent_kind, parent_id, created_at, data, content)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            attachment.workspace,
            attachment.id,
            attachment.parentKind,
            attachment.parentId,
            attachment.createdAt,
            JSON.stringify(attachment),
            content,
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw attachmentExists(attachment.id);
        throw error;
      }
    });
  }

  list(workspace: string, parentKind: AttachmentParent, parentId: string): Promise<Attachment[]> {
    return this.#db.run({ workspace }, async (c) =>
      (
        await c.query<{ data: string }>(
          `SELECT data FROM case_attachments WHERE workspace = $1 AND parent_kind = $2 AND parent_id = $3
           ORDER BY created_at, id`,
          [workspace, parentKind, parentId],
        )
      ).rows.map(parse),
    );
  }

  get(workspace: string, id: string): Promise<Attachment | undefined> {
    return this.#db.run({ workspace }, async (c) => {
      const row = (
        await c.query<{ data: string }>(
          'SELECT data FROM case_attachments WHERE workspace = $1 AND id = $2',
          [workspace, id],
        )
      ).rows[0];
      return row && parse(row);
    });
  }

  content(workspace: string, id: string): Promise<string | undefined> {
    return this.#db.run({ workspace }, async (c) => {
      const result = await c.query<{ content: string }>(
        'SELECT content FROM case_attachments WHERE workspace = $1 AND id = $2',
        [workspace, id],
      );
      return result.rows[0]?.content;
    });
  }

  rewrapContents(rewrap: (sealed: string) => string): Promise<number> {
    // Platform scope: rotation covers every workspace's rows.
    return this.#db.run('platform', async (c) => {
      const rows = (
        await c.query<{ workspace: string; id: string; content: string }>(
          'SELECT workspace, id, content FROM case_attachments FOR UPDATE',
        )
      ).rows;
      let changed = 0;
      for (const row of rows) {
        const next = rewrap(row.content);
        if (next === row.content) continue;
        await c.query('UPDATE case_attachments SET content = $1 WHERE workspace = $2 AND id = $3', [
          next,
          row.workspace,
          row.id,
        ]);
        changed++;
      }
      return changed;
    });
  }

  reassignCreator(workspace: string, from: string, to: string): Promise<number> {
    // Rewritten in JS (rows locked) so the stored JSON keeps the shape `add` wrote.
    return this.#db.run({ workspace }, async (c) => {
      const rows = (
        await c.query<{ id: string; data: string }>(
          'SELECT id, data FROM case_attachments WHERE workspace = $1 FOR UPDATE',
          [workspace],
        )
      ).rows;
      let changed = 0;
      for (const row of rows) {
        const meta = parse(row);
        if (meta.createdBy !== from) continue;
        await c.query('UPDATE case_attachments SET data = $1 WHERE workspace = $2 AND id = $3', [
          JSON.stringify({ ...meta, createdBy: to }),
          workspace,
          row.id,
        ]);
        changed++;
      }
      return changed;
    });
  }

  delete(workspace: string, id: string): Promise<boolean> {
    return this.#db.run({ workspace }, async (c) => {
      const result = await c.query('DELETE FROM case_attachments WHERE workspace = $1 AND id = $2', [
        workspace,
        id,
      ]);
      return (result.rowCount ?? 0) > 0;
    });
  }
}
