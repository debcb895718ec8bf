import { randomUUID } from 'node:crypto';
import { userError } from '@vigil/core';
import type { RecordRepository, StoredRecord } from '@vigil/core';
import { loadRules } from '@vigil/sigma';
import { CORRELATION_OUTPUT_LOGSOURCE, exceptionRuleText, isActiveException } from './rule-exception.ts';
import type { RuleException } from './rule-exception.ts';
import type { RuleStore } from './rule-store.ts';
import { RULE_EXCEPTION_KIND } from './stored-rule.ts';

export interface NewException {
  ruleId: string;
  conditions: Record<string, unknown> | Record<string, unknown>[];
  reason: string;
  owner?: string;
  expiresAt?: number;
  by?: string;
}

function notFound(id: string) {
  return userError('EXCEPTION_NOT_FOUND', `exception ${JSON.stringify(id)} was not found`, {
    status: 404,
    details: { id },
  });
}

/**
 * Local exceptions of a workspace (kind `rule-exception`, id a UUID). Creating one compiles its
 * conditions with the rule's logsource (a correlation's: its output, see correlationOutputDocument),
 * so a bad modifier is refused at once, not at detection time.
 */
export class ExceptionStore {
  readonly repo: RecordRepository<RuleException>;
  private readonly rules: RuleStore;

  constructor(rules: RuleStore) {
    this.rules = rules;
    this.repo = rules.metadata.repository<RuleException>(RULE_EXCEPTION_KIND);
  }

  async all(workspace: string): Promise<RuleException[]> {
    const out: RuleException[] = [];
    for (let after: string | undefined; ;) {
      const page = await this.repo.list(workspace, {
        limit: 1000,
        ...(after === undefined ? {} : { after }),
      });
      out.push(...page.map((r) => r.data));
      if (page.length < 1000) return out;
      after = page[page.length - 1]?.id;
    }
  }

  async ofRule(workspace: string, ruleId: string): Promise<RuleException[]> {
    return (await this.all(workspace)).filter((e) => e.ruleId === ruleId);
  }

  /** Exceptions in force now, grouped by rule id. */
  async active(workspace: string): Promise<Map<string, RuleException[]>> {
    const now = this.rules.clock.now();
    const out = new Map<string, RuleException[]>();
    for (const e of await this.all(workspace)) {
      if (!isActiveException(e, now)) continue;
      const list = out.get(e.ruleId) ?? [];
      list.push(e);
      out.set(e.ruleId, list);
    }
    return out;
  }

  async create(workspace: string, input: NewException): Promise<StoredRecord<RuleException>> {
    const rule = await this.rules.get(workspace, input.ruleId);
    if (rule.data.type === 'filter') {
      throw userError(
        'EXCEPTION_UNSUPPORTED',
        'exceptions apply to detection and correlation rules; add it to the rules this filter references',
        { details: { field: 'ruleId', ruleId: input.ruleId, type: rule.data.type } },
      );
    }
    // A correlation's exception is judged on its output (group-by values), not on events.
    const logsource =
      rule.data.type === 'correlation' ? CORRELATION_OUTPUT_LOGSOURCE : (rule.data.logsource ?? {});
    const now = this.rules.clock.now();
    if (input.expiresAt !== undefined && input.expiresAt <= now)
      throw userError('EXCEPTION_INVALID', 'expiresAt is in the past', { details: { field: 'expiresAt' } });
    const id = randomUUID();
    const { rejected } = loadRules(
      [
        {
          path: 'exception',
          text: exceptionRuleText({ id, conditions: input.conditions }, logsource),
        },
      ],
      { placeholders: await this.rules.placeholders(workspace) },
    );
    if (rejected.length > 0) {
      throw userError(
        'EXCEPTION_INVALID',
        `conditions do not compile: ${rejected.map((r) => r.reason).join('; ')}`,
        {
          details: { field: 'conditions', problems: rejected.map((r) => r.reason) },
        },
      );
    }
    const data: RuleException = {
      id,
      ruleId: input.ruleId,
      conditions: input.conditions,
      reason: input.reason,
      owner: input.owner ?? input.by ?? 'unknown',
      createdAt: now,
      ...(input.expiresAt === undefined ? {} : { expiresAt: input.expiresAt }),
      ...(input.by === undefined ? {} : { createdBy: input.by }),
    };
    const created = await this.repo.create(workspace, id, data);
    await this.rules.touch(workspace);
    return created;
  }

  async get(workspace: string, id: string): Promise<RuleException> {
    const found = await this.repo.get(workspace, id);
    if (!found) throw notFound(id);
    return found.data;
  }

  async delete(workspace: string, id: string): Promise<void> {
    if (!(await this.repo.delete(workspace, id))) throw notFound(id);
    await this.rules.touch(workspace);
  }
}
