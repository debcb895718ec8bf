import { groupNameKey, groupNameTaken } from '@vigil/identity';
import type { Group, GroupMember, GroupStore } from '@vigil/identity';
import type { PgScopedDb } from './pg-scoped-db.ts';
import { isUniqueViolation, opt } from './pg-identity-row.ts';

interface GroupRow {
  workspace: string;
  id: string;
  name: string;
  sso_group: string | null;
  created_at: string;
}
interface MemberRow {
  workspace: string;
  group_id: string;
  user_id: string;
  added_by: string;
  added_at: string;
}

const GROUP_COLUMNS = 'workspace, id, name, sso_group, created_at';
const MEMBER_COLUMNS = 'workspace, group_id, user_id, added_by, added_at';

/** Groups and memberships; every statement runs in the group's workspace scope (RLS). */
export class PgGroupStore implements GroupStore {
  readonly #db: PgScopedDb;

  constructor(db: PgScopedDb) {
    this.#db = db;
  }

  async create(g: Group): Promise<void> {
    try {
      await this.#db.run({ workspace: g.workspaceId }, (c) =>
        c.query(`INSERT INTO user_groups (${GROUP_COLUMNS}, name_key) VALUES ($1, $2, $3, $4, $5, $6)`, [
          g.workspaceId,
          g.id,
          g.name,
          g.ssoGroup ?? null,
          g.createdAt,
          groupNameKey(g.name),
        ]),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw groupNameTaken(g.name);
      throw error;
    }
  }

  get(workspaceId: string, groupId: string): Promise<Group | undefined> {
    return this.#db.run({ workspace: workspaceId }, async (c) => {
      const row = (
        await c.query<GroupRow>(`SELECT ${GROUP_COLUMNS} FROM user_groups WHERE workspace = $1 AND id = $2`, [
          workspaceId,
          groupId,
        ])
      ).rows[0];
      return row && toGroup(row);
    });
  }

  list(workspaceId: string): Promise<Group[]> {
    return this.#db.run({ workspace: workspaceId }, async (c) => {
      const result = await c.query<GroupRow>(
        `SELECT ${GROUP_COLUMNS} FROM user_groups WHERE workspace = $1 ORDER BY name_key, id`,
        [workspaceId],
      );
      return result.rows.map(toGroup);
    });
  }

  async update(g: Group): Promise<boolean> {
    try {
      return await this.#db.run({ workspace: g.workspaceId }, async (c) => {
        const result = await c.query(
          'UPDATE user_groups SET name = $1, name_key = $2, sso_group = $3 WHERE workspace = $4 AND id = $5',
          [g.name, groupNameKey(g.name), g.ssoGroup ?? null, g.workspaceId, g.id],
        );
        return (result.rowCount ?? 0) > 0;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw groupNameTaken(g.name);
      throw error;
    }
  }

  delete(workspaceId: string, groupId: string): Promise<boolean> {
    return this.#db.run({ workspace: workspaceId }, async (c) => {
      await c.query('DELETE FROM user_group_members WHERE workspace = $1 AND group_id = $2', [
        workspaceId,
        groupId,
      ]);
      const result = await c.query('DELETE FROM user_groups WHERE workspace = $1 AND id = $2', [
        workspaceId,
        groupId,
      ]);
      return (result.rowCount ?? 0) > 0;
    });
  }

  addMember(m: GroupMember): Promise<boolean> {
    return this.#db.run({ workspace: m.workspaceId }, async (c) => {
      // Share-lock the group so a concurrent delete cannot leave this membership behind.
      const group = await c.query('SELECT 1 FROM user_groups WHERE workspace = $1 AND id = $2 FOR SHARE', [
        m.workspaceId,
        m.groupId,
      ]);
      if ((group.rowCount ?? 0) === 0) return false;
      await c.query(
        `INSERT INTO user_group_members (${MEMBER_COLUMNS}) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [m.workspaceId, m.groupId, m.userId, m.addedBy, m.addedAt],
      );
      return true;
    });
  }

  removeMember(workspaceId: string, groupId: string, userId: string): Promise<boolean> {
    return this.#db.run({ workspace: workspaceId }, async (c) => {
      const result = await c.query(
        'DELETE FROM user_group_members WHERE workspace = $1 AND group_id = $2 AND user_id = $3',
        [workspaceId, groupId, userId],
      );
      return (result.rowCount ?? 0) > 0;
    });
  }

  listMembers(workspaceId: string, groupId: string): Promise<GroupMember[]> {
    return this.#db.run({ workspace: workspaceId }, async (c) => {
      const result = await c.query<MemberRow>(
        `SELECT ${MEMBER_COLUMNS} FROM user_group_members WHERE workspace = $1 AND group_id = $2 ORDER BY user_id`,
        [workspaceId, groupId],
      );
      return result.rows.map(toMember);
    });
  }

  listForUser(userId: string): Promise<GroupMember[]> {
    // Resolving who someone is crosses workspaces by nature, so it runs at platform scope.
    return this.#db.run('platform', async (c) => {
      const result = await c.query<MemberRow>(
        `SELECT ${MEMBER_COLUMNS} FROM user_group_members WHERE user_id = $1 ORDER BY workspace, group_id`,
        [userId],
      );
      return result.rows.map(toMember);
    });
  }

  deleteWorkspace(workspaceId: string): Promise<number> {
    return this.#db.run({ workspace: workspaceId }, async (c) => {
      await c.query('DELETE FROM user_group_members WHERE workspace = $1', [workspaceId]);
      const result = await c.query('DELETE FROM user_groups WHERE workspace = $1', [workspaceId]);
      return result.rowCount ?? 0;
    });
  }
}

function toGroup(r: GroupRow): Group {
  return {
    id: r.id,
    workspaceId: r.workspace,
    name: r.name,
    ...opt('ssoGroup', r.sso_group),
    createdAt: Number(r.created_at),
  };
}

function toMember(r: MemberRow): GroupMember {
  return {
    workspaceId: r.workspace,
    groupId: r.group_id,
    userId: r.user_id,
    addedBy: r.added_by,
    addedAt: Number(r.added_at),
  };
}
