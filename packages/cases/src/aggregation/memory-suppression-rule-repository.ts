import { userError } from '@vigil/core';
import type { SuppressionRule } from './suppression-rule.ts';
import type { SuppressionRuleRepository } from './suppression-rule.port.ts';

/** In-memory `SuppressionRuleRepository` for tests. */
export class MemorySuppressionRuleRepository implements SuppressionRuleRepository {
  readonly #rows = new Map<string, SuppressionRule>();

  create(rule: SuppressionRule): Promise<void> {
    const key = `${rule.workspace}\u0000${rule.id}`;
    if (this.#rows.has(key)) {
      return Promise.reject(
        userError('SUPPRESSION_EXISTS', 'A suppression rule with this id exists', { status: 409 }),
      );
    }
    this.#rows.set(key, structuredClone(rule));
    return Promise.resolve();
  }
  get(workspace: string, id: string): Promise<SuppressionRule | undefined> {
    const row = this.#rows.get(`${workspace}\u0000${id}`);
    return Promise.resolve(row && structuredClone(row));
  }
  listActive(workspace: string, now: number): Promise<SuppressionRule[]> {
    return this.list(workspace).then((rows) => rows.filter((r) => r.startsAt <= now && now < r.expiresAt));
  }
  list(workspace: string): Promise<SuppressionRule[]> {
    const rows = [...this.#rows.values()]
      .filter((r) => r.workspace === workspace)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return Promise.resolve(structuredClone(rows));
  }
  update(rule: SuppressionRule): Promise<boolean> {
    const key = `${rule.workspace}\u0000${rule.id}`;
    if (!this.#rows.has(key)) return Promise.resolve(false);
    this.#rows.set(key, structuredClone(rule));
    return Promise.resolve(true);
  }
  delete(workspace: string, id: string): Promise<boolean> {
    return Promise.resolve(this.#rows.delete(`${workspace}\u0000${id}`));
  }
}
