import type { Clock, MetadataStore, RecordRepository } from '@vigil/core';

/** An in-app notification for one user of one workspace (today: being mentioned in an incident comment). */
export interface UserNotification {
  id: string;
  userId: string;
  kind: 'mention';
  /** Epoch ms. */
  at: number;
  /** Who caused it (user id or `system:…`). */
  actor: string;
  incidentId: string;
  incidentTitle: string;
  /** The start of the comment. */
  excerpt: string;
  readAt?: number;
}

export const USER_NOTIFICATION_KIND = 'user-notification';
/** Notifications kept per user and workspace: older ones are dropped as new ones arrive. */
export const KEEP_USER_NOTIFICATIONS = 200;
const EXCERPT = 200;
const LATEST = 9_999_999_999_999;

/**
 * Users' notifications in the records table. Ids are `userId:(inverted time):n`, so one user's records
 * are contiguous and newest first in id order: a list is one keyset read starting after `userId:`.
 */
export class UserNotificationStore {
  readonly #repo: RecordRepository<UserNotification>;
  readonly #clock: Clock;
  #seq = 0;

  constructor(metadata: MetadataStore, clock: Clock) {
    this.#repo = metadata.repository<UserNotification>(USER_NOTIFICATION_KIND);
    this.#clock = clock;
  }

  /** Notifies each user once that `actor` mentioned them on an incident. */
  async mention(
    workspace: string,
    userIds: readonly string[],
    facts: { actor: string; incidentId: string; incidentTitle: string; text: string },
  ): Promise<UserNotification[]> {
    const at = this.#clock.now();
    const out: UserNotification[] = [];
    for (const userId of new Set(userIds)) {
      this.#seq = (this.#seq + 1) % 1_000_000;
      const id = `${userId}:${String(LATEST - at).padStart(13, '0')}:${String(this.#seq).padStart(6, '0')}${Math.random().toString(36).slice(2, 6)}`;
      const n: UserNotification = {
        id,
        userId,
        kind: 'mention',
        at,
        actor: facts.actor,
        incidentId: facts.incidentId,
        incidentTitle: facts.incidentTitle,
        excerpt: facts.text.length > EXCERPT ? `${facts.text.slice(0, EXCERPT - 1)}…` : facts.text,
      };
      await this.#repo.create(workspace, id, n);
      out.push(n);
      await this.#trim(workspace, userId);
    }
    return out;
  }

  /** A user's notifications, newest first. */
  async list(workspace: string, userId: string, limit = 50): Promise<UserNotification[]> {
    return (await this.#own(workspace, userId, limit)).map((r) => r.data);
  }

  /** Marks some (or, without ids, all) of a user's notifications read; returns how many changed. */
  async markRead(workspace: string, userId: string, ids?: readonly string[]): Promise<number> {
    const now = this.#clock.now();
    const wanted = ids === undefined ? undefined : new Set(ids);
    let changed = 0;
    for (const r of await this.#own(workspace, userId, KEEP_USER_NOTIFICATIONS)) {
      if (r.data.readAt !== undefined || (wanted !== undefined && !wanted.has(r.id))) continue;
      await this.#repo.update(workspace, r.id, r.version, { ...r.data, readAt: now });
      changed += 1;
    }
    return changed;
  }

  async #own(workspace: string, userId: string, limit: number) {
    const prefix = `${userId}:`;
    const page = await this.#repo.list(workspace, { after: prefix, limit: Math.min(limit, 1000) });
    return page.filter((r) => r.id.startsWith(prefix) && r.data.userId === userId);
  }

  async #trim(workspace: string, userId: string): Promise<void> {
    const prefix = `${userId}:`;
    const page = await this.#repo.list(workspace, { after: prefix, limit: KEEP_USER_NOTIFICATIONS + 20 });
    const own = page.filter((r) => r.id.startsWith(prefix));
    for (const r of own.slice(KEEP_USER_NOTIFICATIONS)) await this.#repo.delete(workspace, r.id);
  }
}
