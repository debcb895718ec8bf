import type { DatabaseSync } from 'node:sqlite';
import { groupNameKey, groupNameTaken } from '@vigil/identity';
import type { Group, GroupMember, GroupStore } from '@vigil/identity';
import type { WriteQueue } from '../connection/write-queue.ts';
import { writeTransaction } from '../connection/sqlite-transaction.ts';
import { bind, isUniqueViolation, opt } from './sqlite-identity-row.ts';

interface GroupRow {
  workspace: string;
  id: string;
  name: string;
  sso_group: string | null;
  created_at: number;
}
interface MemberRow {
  workspace: string;
  group_id: string;
  user_id: string;
  added_by: string;
  added_at: number;
}

const GROUP_COLUMNS = 'workspace, id, name, sso_group, created_at';
const MEMBER_COLUMNS = 'workspace, group_id, user_id, added_by, added_at';

/** Groups and memberships, keyed by workspace so a group of A is never found under B. */
export class SqliteGroupStore implements GroupStore {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  create(g: Group): Promise<void> {
    return this.#writes.run(() => {
      try {
        this.#db
          .prepare(`INSERT INTO user_groups (${GROUP_COLUMNS}, name_key) VALUES (?, ?, ?, ?, ?, ?)`)
          .run(g.workspaceId, g.id, g.name, bind(g.ssoGroup), g.createdAt, groupNameKey(g.name));
      } catch (error) {
        if (isUniqueViolation(error)) throw groupNameTaken(g.name);
        throw error;
      }
    });
  }

  get(workspaceId: string, groupId: string): Promise<Group | undefined> {
    return Promise.resolve().then(() => {
      const row = this.#db
        .prepare(`SELECT ${GROUP_COLUMNS} FROM user_groups WHERE workspace = ? AND id = ?`)
        .get(workspaceId, groupId) as GroupRow | undefined;
      return row && toGroup(row);
    });
  }

  list(workspaceId: string): Promise<Group[]> {
    return Promise.resolve().then(() =>
      (
        this.#db
          .prepare(`SELECT ${GROUP_COLUMNS} FROM user_groups WHERE workspace = ? ORDER BY name_key, id`)
          .all(workspaceId) as unknown as GroupRow[]
      ).map(toGroup),
    );
  }

  update(g: Group): Promise<boolean> {
    return this.#writes.run(() => {
      try {
        const result = this.#db
          .prepare(
            'UPDATE user_groups SET name = ?, name_key = ?, sso_group = ? WHERE workspace = ? AND id = ?',
          )
          .run(g.name, groupNameKey(g.name), bind(g.ssoGroup), g.workspaceId, g.id);
        return Number(result.changes) > 0;
      } catch (error) {
        if (isUniqueViolation(error)) throw groupNameTaken(g.name);
        throw error;
      }
    });
  }

  delete(workspaceId: string, groupId: string): Promise<boolean> {
    return this.#writes.run(() =>
      writeTransaction(this.#db, () => {
        this.#db
          .prepare('DELETE FROM user_group_members WHERE workspace = ? AND group_id = ?')
          .run(workspaceId, groupId);
        const result = this.#db
          .prepare('DELETE FROM user_groups WHERE workspace = ? AND id = ?')
          .run(workspaceId, groupId);
        return Number(result.changes) > 0;
      }),
    );
  }

  addMember(m: GroupMember): Promise<boolean> {
    return this.#writes.run(() =>
      writeTransaction(this.#db, () => {
        const exists = this.#db
          .prepare('SELECT 1 FROM user_groups WHERE workspace = ? AND id = ?')
          .get(m.workspaceId, m.groupId);
        if (!exists) return false;
        this.#db
          .prepare(
            `INSERT INTO user_group_members (${MEMBER_COLUMNS}) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
          )
          .run(m.workspaceId, m.groupId, m.userId, m.addedBy, m.addedAt);
        return true;
      }),
    );
  }

  removeMember(workspaceId: string, groupId: string, userId: string): Promise<boolean> {
    return this.#writes.run(() => {
      const result = this.#db
        .prepare('DELETE FROM user_group_members WHERE workspace = ? AND group_id = ? AND user_id = ?')
        .run(workspaceId, groupId, userId);
      return Number(result.changes) > 0;
    });
  }

  listMembers(workspaceId: string, groupId: string): Promise<GroupMember[]> {
    return Promise.resolve().then(() =>
      (
        this.#db
          .prepare(
            `SELECT ${MEMBER_COLUMNS} FROM user_group_members WHERE workspace = ? AND group_id = ? ORDER BY user_id`,
          )
          .all(workspaceId, groupId) as unknown as MemberRow[]
      ).map(toMember),
    );
  }

  listForUser(userId: string): Promise<GroupMember[]> {
    return Promise.resolve().then(() =>
      (
        this.#db
          .prepare(
            `SELECT ${MEMBER_COLUMNS} FROM user_group_members WHERE user_id = ? ORDER BY workspace, group_id`,
          )
          .all(userId) as unknown as MemberRow[]
      ).map(toMember),
    );
  }

  deleteWorkspace(workspaceId: string): Promise<number> {
    return this.#writes.run(() =>
      writeTransaction(this.#db, () => {
        this.#db.prepare('DELETE FROM user_group_members WHERE workspace = ?').run(workspaceId);
        return Number(
          this.#db.prepare('DELETE FROM user_groups WHERE workspace = ?').run(workspaceId).changes,
        );
      }),
    );
  }
}

function toGroup(r: GroupRow): Group {
  return {
    id: r.id,
    workspaceId: r.workspace,
    name: r.name,
    ...opt('ssoGroup', r.sso_group),
    createdAt: r.created_at,
  };
}

function toMember(r: MemberRow): GroupMember {
  return {
    workspaceId: r.workspace,
    groupId: r.group_id,
    userId: r.user_id,
    addedBy: r.added_by,
    addedAt: r.added_at,
  };
}
