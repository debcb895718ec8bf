import type { Group, GroupMember } from './group.ts';
import { groupNameKey } from './group.ts';
import { groupNameTaken } from './group.error.ts';
import type { GroupStore } from './group.port.ts';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const key = (...parts: string[]) => JSON.stringify(parts);

/** In-memory `GroupStore` for tests and the reference behaviour for adapters. */
export class MemoryGroupStore implements GroupStore {
  readonly #groups = new Map<string, Group>();
  readonly #members = new Map<string, GroupMember>();

  #clash(group: Group): boolean {
    const k = groupNameKey(group.name);
    return [...this.#groups.values()].some(
      (g) => g.workspaceId === group.workspaceId && g.id !== group.id && groupNameKey(g.name) === k,
    );
  }

  create(group: Group): Promise<void> {
    if (this.#clash(group) || this.#groups.has(key(group.workspaceId, group.id))) {
      return Promise.reject(groupNameTaken(group.name));
    }
    this.#groups.set(key(group.workspaceId, group.id), { ...group });
    return Promise.resolve();
  }
  get(workspaceId: string, groupId: string): Promise<Group | undefined> {
    const g = this.#groups.get(key(workspaceId, groupId));
    return Promise.resolve(g && { ...g });
  }
  list(workspaceId: string): Promise<Group[]> {
    const rows = [...this.#groups.values()]
      .filter((g) => g.workspaceId === workspaceId)
      .sort((a, b) => cmp(groupNameKey(a.name), groupNameKey(b.name)) || cmp(a.id, b.id));
    return Promise.resolve(rows.map((g) => ({ ...g })));
  }
  update(group: Group): Promise<boolean> {
    const k = key(group.workspaceId, group.id);
    const row = this.#groups.get(k);
    if (!row) return Promise.resolve(false);
    if (this.#clash(group)) return Promise.reject(groupNameTaken(group.name));
    const { ssoGroup: _old, ...rest } = row;
    this.#groups.set(k, {
      ...rest,
      name: group.name,
      ...(group.ssoGroup === undefined ? {} : { ssoGroup: group.ssoGroup }),
    });
    return Promise.resolve(true);
  }
  delete(workspaceId: string, groupId: string): Promise<boolean> {
    for (const [k, m] of this.#members) {
      if (m.workspaceId === workspaceId && m.groupId === groupId) this.#members.delete(k);
    }
    return Promise.resolve(this.#groups.delete(key(workspaceId, groupId)));
  }
  addMember(member: GroupMember): Promise<boolean> {
    if (!this.#groups.has(key(member.workspaceId, member.groupId))) return Promise.resolve(false);
    const k = key(member.workspaceId, member.groupId, member.userId);
    if (!this.#members.has(k)) this.#members.set(k, { ...member });
    return Promise.resolve(true);
  }
  removeMember(workspaceId: string, groupId: string, userId: string): Promise<boolean> {
    return Promise.resolve(this.#members.delete(key(workspaceId, groupId, userId)));
  }
  listMembers(workspaceId: string, groupId: string): Promise<GroupMember[]> {
    const rows = [...this.#members.values()]
      .filter((m) => m.workspaceId === workspaceId && m.groupId === groupId)
      .sort((a, b) => cmp(a.userId, b.userId));
    return Promise.resolve(rows.map((m) => ({ ...m })));
  }
  listForUser(userId: string): Promise<GroupMember[]> {
    const rows = [...this.#members.values()]
      .filter((m) => m.userId === userId)
      .sort((a, b) => cmp(a.workspaceId, b.workspaceId) || cmp(a.groupId, b.groupId));
    return Promise.resolve(rows.map((m) => ({ ...m })));
  }
  deleteWorkspace(workspaceId: string): Promise<number> {
    for (const [k, m] of this.#members) if (m.workspaceId === workspaceId) this.#members.delete(k);
    let n = 0;
    for (const [k, g] of this.#groups) {
      if (g.workspaceId === workspaceId) {
        this.#groups.delete(k);
        n++;
      }
    }
    return Promise.resolve(n);
  }
}
