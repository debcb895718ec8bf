import { userError } from '@vigil/core';
import { CorrelationEngine, eventTime, fieldValue, loadRules } from '@vigil/sigma';
import type { Rejection } from '@vigil/sigma';
import { compileWorkspace } from '../detection/compile-workspace.ts';
import type { CompiledWorkspace } from '../detection/compile-workspace.ts';
import { correlationExceptionsOf } from '../detection/correlation-exceptions.ts';
import type { ExceptionStore } from './exception-store.ts';
import { sha256, splitRuleFile, summarize } from './rule-documents.ts';
import type { RuleStore } from './rule-store.ts';
import type { StoredRule } from './stored-rule.ts';

/** What a probe (test or backtest) reports per matching event. */
export interface ProbeMatch {
  index: number;
  rules: string[];
}

export interface ProbeSuppressed {
  index: number;
  ruleId: string;
  exceptions: string[];
}

export interface ProbeCorrelation {
  ruleId: string;
  title: string;
  type: string;
  group: Record<string, unknown>;
  eventIndexes: number[];
}

/** The rules under test, compiled with their dependencies and the workspace's active exceptions. */
export interface Probe {
  compiled: CompiledWorkspace;
  rules: { id: string; title: string; type: string; version: number }[];
  rejected: Rejection[];
}

/** The file name pasted rule texts are reported under. */
const TEST_FILE = '(test)';

function ruleFromText(
  doc: { path: string; text: string },
  data: Record<string, unknown>,
): StoredRule | undefined {
  const s = summarize(data);
  if (!s) return undefined;
  return {
    ...s,
    file: doc.path,
    text: doc.text,
    sha256: sha256(doc.text),
    ruleVersion: 0,
    enabled: true,
    importedAt: 0,
  };
}

/**
 * Prepares a probe of a stored rule (`ruleId`) or of a pasted rule text (several documents allowed:
 * a correlation with its base rules). Other stored rules are available as (disabled) dependencies of
 * correlations; the workspace's active exceptions of the tested rules apply.
 */
export async function prepareProbe(
  rules: RuleStore,
  exceptions: ExceptionStore,
  workspace: string,
  subject: { ruleId?: string | undefined; text?: string | undefined },
): Promise<Probe> {
  const stored = (await rules.all(workspace)).map((r) => ({ ...r.data, enabled: false }));
  const targets: StoredRule[] = [];
  const unreadable: Rejection[] = [];
  if (subject.text !== undefined) {
    for (const doc of splitRuleFile(TEST_FILE, subject.text)) {
      const rule = doc.data === undefined ? undefined : ruleFromText(doc, doc.data);
      if (rule) targets.push(rule);
      else
        unreadable.push(
          ...loadRules([{ path: doc.path, text: doc.text }], {
            placeholders: await rules.placeholders(workspace),
          }).rejected,
        );
    }
  } else if (subject.ruleId !== undefined) {
    const found = stored.find((r) => r.id === subject.ruleId);
    if (!found)
      throw userError('RULE_NOT_FOUND', `rule ${JSON.stringify(subject.ruleId)} was not found`, {
        status: 404,
        details: { id: subject.ruleId },
      });
    targets.push({ ...found, enabled: true });
  } else
    throw userError('RULE_TEST_INVALID', 'send "rule" (YAML text) or "ruleId"', {
      details: { field: 'rule' },
    });
  const ids = new Set(targets.map((t) => t.id));
  const all = [...targets, ...stored.filter((r) => !ids.has(r.id))];
  const placeholders = await rules.placeholders(workspace);
  const compiled = compileWorkspace(0, all, await exceptions.active(workspace), placeholders);
  const loaded = new Set(compiled.ruleset.rules.map((r) => r.id));
  for (const c of compiled.correlations) loaded.add(c.id);
  const rejected = [
    ...unreadable,
    ...compiled.rejected.filter((r) => targets.some((t) => t.file === r.file)),
  ];
  const ok = targets.filter((t) => loaded.has(t.id) || t.type === 'filter');
  if (ok.length === 0) {
    throw userError('RULE_INVALID', rejected[0]?.reason ?? 'the rule text holds no Sigma rule', {
      details: { field: 'rule', rejected },
    });
  }
  return {
    compiled,
    rules: ok.map((t) => ({ id: t.id, title: t.title, type: t.type, version: t.ruleVersion })),
    rejected,
  };
}

/** Runs a probe over events in order (index = position), collecting matches, suppressions and correlation hits. */
export class ProbeRun {
  readonly matches: ProbeMatch[] = [];
  readonly suppressed: ProbeSuppressed[] = [];
  readonly correlations: ProbeCorrelation[] = [];
  hits = 0;
  private readonly engine: CorrelationEngine | undefined;
  private readonly probe: Probe;
  private readonly keepMatches: number;

  constructor(probe: Probe, keepMatches: number, latenessMs: number) {
    this.probe = probe;
    this.keepMatches = keepMatches;
    const c = probe.compiled;
    this.engine =
      c.correlations.length === 0
        ? undefined
        : new CorrelationEngine(c.correlations, { latenessMs, fieldValue });
  }

  /** Evaluates one event; true when a tested rule matched it (not suppressed). */
  feed(event: unknown, index: number): boolean {
    const { ruleset, entries } = this.probe.compiled;
    const idx = ruleset.matchIndexes(event);
    if (idx.length === 0) return false;
    const excepted = new Map<string, string[]>();
    for (const i of idx) {
      const e = entries[i];
      if (e?.kind === 'exception')
        excepted.set(e.exception.ruleId, [...(excepted.get(e.exception.ruleId) ?? []), e.exception.id]);
    }
    const matched: string[] = [];
    for (const i of idx) {
      const e = entries[i];
      if (e?.kind !== 'rule') continue;
      const by = excepted.get(e.rule.id);
      if (by) {
        if (e.rule.enabled) this.suppressed.push({ index, ruleId: e.rule.id, exceptions: by });
        continue;
      }
      if (e.rule.enabled) matched.push(e.rule.id);
      if (this.engine) {
        const m = {
          ruleId: e.rule.id,
          ruleName: e.rule.name,
          eventIndex: index,
          time: eventTime(event) ?? Number.NaN,
          event,
        };
        this.onHits(this.engine.onMatch(m));
      }
    }
    if (matched.length === 0) return false;
    this.hits++;
    if (this.matches.length < this.keepMatches) this.matches.push({ index, rules: matched });
    return true;
  }

  /** End of input: judges pending correlation windows. */
  finish(): void {
    if (this.engine) this.onHits(this.engine.flush());
  }

  private onHits(hits: ReturnType<CorrelationEngine['flush']>): void {
    for (const h of hits) {
      if (!this.probe.compiled.emitCorrelations.has(h.ruleId)) continue;
      // The probe compiled the exceptions active when it started: none expires during it.
      const by = correlationExceptionsOf(this.probe.compiled.outputExceptions, h, Number.NEGATIVE_INFINITY);
      if (by.length > 0) {
        const index = h.eventIndexes[h.eventIndexes.length - 1] ?? 0;
        this.suppressed.push({ index, ruleId: h.ruleId, exceptions: by });
        continue;
      }
      this.hits++;
      if (this.correlations.length < this.keepMatches)
        this.correlations.push({
          ruleId: h.ruleId,
          title: h.ruleTitle,
          type: h.type,
          group: h.group,
          eventIndexes: h.eventIndexes,
        });
    }
  }
}
