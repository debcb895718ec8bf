import { createHash } from 'node:crypto';
import type { VigilEvent } from '@vigil/core';
import { CorrelationEngine, eventTime, fieldValue } from '@vigil/sigma';
import type { CorrelationHit, CorrelationStats } from '@vigil/sigma';
import type { StoredRule } from '../rules/stored-rule.ts';
import type { WorkspaceRules } from './compile-workspace.ts';
import { correlationExceptionsOf } from './correlation-exceptions.ts';
import { MAX_DETECTION_EVENTS } from './detection-event.ts';
import type { Detection, DetectionRule } from './detection-event.ts';

export interface DetectorOptions {
  /** How far (ms) out of event-time order a match may arrive and still count in correlations. */
  latenessMs: number;
  maxGroupsPerRule: number;
  /** Matches remembered for correlations (event id per match) before the oldest are forgotten. */
  maxTrackedMatches: number;
}

/** Per-rule counters of a workspace, kept across recompilations. */
export interface RuleCounters {
  matches: number;
  /** Matches an exception suppressed, in total and per exception id. */
  suppressed: number;
  byException: Record<string, number>;
}

interface EventRef {
  id: string;
  dataSpace: string;
  time: number;
  event: VigilEvent;
}

function detectionId(parts: readonly (string | number)[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

export function detectionRule(r: StoredRule): DetectionRule {
  return {
    id: r.id,
    ...(r.name === undefined ? {} : { name: r.name }),
    title: r.title,
    level: r.level ?? 'medium',
    ...(r.status === undefined ? {} : { status: r.status }),
    tags: [...r.tags],
    version: r.ruleVersion,
  };
}

/**
 * Runs one workspace's compiled rules over its event batches: single-event matches (minus those an
 * exception suppresses) and correlation hits in event time, turned into Detection domain events.
 * The correlation engine survives recompilation when the set of correlation rules is unchanged.
 */
export class WorkspaceDetector {
  /** Counter changes since they were last persisted (see RuleStatsStore). */
  private pending = new Map<string, RuleCounters>();
  /** Matches and suppressions in this process since it started, all rules together. */
  readonly totals = { matches: 0, suppressed: 0 };
  private compiled: WorkspaceRules;
  private engine: CorrelationEngine | undefined;
  private seq = 0;
  private readonly refs = new Map<number, EventRef>();
  private maxTime = Number.NEGATIVE_INFINITY;
  /** Clock time (ms) when `maxTime` last moved. */
  private maxTimeAt = 0;
  private readonly maxTimespan: () => number;
  readonly workspace: string;
  private readonly options: DetectorOptions;
  private readonly now: () => number;

  constructor(workspace: string, compiled: WorkspaceRules, options: DetectorOptions, now: () => number) {
    this.workspace = workspace;
    this.options = options;
    this.now = now;
    this.compiled = compiled;
    this.engine = this.newEngine(compiled);
    this.maxTimespan = () => Math.max(0, ...this.compiled.correlations.map((c) => c.timespanMs));
  }

  get current(): WorkspaceRules {
    return this.compiled;
  }

  /** Swaps in a recompiled ruleset; correlation state is kept when the correlations did not change. */
  replace(compiled: WorkspaceRules): void {
    if (compiled.correlationKey !== this.compiled.correlationKey) {
      this.engine = this.newEngine(compiled);
      this.refs.clear();
    }
    this.compiled = compiled;
  }

  correlationStats(): CorrelationStats | undefined {
    return this.engine?.stats();
  }

  private newEngine(c: WorkspaceRules): CorrelationEngine | undefined {
    if (c.correlations.length === 0) return undefined;
    return new CorrelationEngine(c.correlations, {
      latenessMs: this.options.latenessMs,
      maxGroupsPerRule: this.options.maxGroupsPerRule,
      fieldValue,
    });
  }

  private counter(ruleId: string): RuleCounters {
    let c = this.pending.get(ruleId);
    if (!c) {
      c = { matches: 0, suppressed: 0, byException: {} };
      this.pending.set(ruleId, c);
    }
    return c;
  }

  /** Counter changes since the last call (to persist them), keyed by rule id. */
  takePending(): Map<string, RuleCounters> {
    const out = this.pending;
    this.pending = new Map();
    return out;
  }

  /** Counter changes not yet taken for persistence. */
  pendingOf(ruleId: string): RuleCounters | undefined {
    return this.pending.get(ruleId);
  }

  /** Detections of one batch of this workspace's events (input order), matched on this thread. */
  detect(events: readonly VigilEvent[]): Detection[] {
    const compiled = this.compiled;
    const { ruleset } = compiled;
    if (!ruleset) throw new Error('this ruleset is compiled in the match workers, not on this thread');
    return this.apply(
      events,
      events.map((e) => ruleset.matchIndexes(e)),
      compiled,
    );
  }

  /**
   * Detections of one batch given each event's hits (ruleset indexes of `compiled`, the version
   * they were matched with — matching in a worker may have overlapped a swap).
   */
  apply(
    events: readonly VigilEvent[],
    hitLists: readonly (readonly number[])[],
    compiled: WorkspaceRules,
  ): Detection[] {
    const { entries } = compiled;
    const out: Detection[] = [];
    const now = this.now();
    const detectedAt = new Date(now).toISOString();
    for (let k = 0; k < events.length; k++) {
      const event = events[k] as VigilEvent;
      const hits = hitLists[k] ?? [];
      if (hits.length === 0) continue;
      let excepted: Map<string, string[]> | undefined;
      for (const i of hits) {
        const e = entries[i];
        if (e?.kind !== 'exception') continue;
        // Expired exceptions stop suppressing at once, even before the recompile drops them.
        if (e.exception.expiresAt !== undefined && e.exception.expiresAt <= now) continue;
        excepted ??= new Map();
        const list = excepted.get(e.exception.ruleId) ?? [];
        list.push(e.exception.id);
        excepted.set(e.exception.ruleId, list);
      }
      const time = eventTime(event);
      const ref: EventRef = {
        id: event.vigil.id,
        dataSpace: event.vigil.data_space,
        time: time ?? Number.NaN,
        event,
      };
      for (const i of hits) {
        const e = entries[i];
        if (e?.kind !== 'rule') continue;
        const c = this.counter(e.rule.id);
        const by = excepted?.get(e.rule.id);
        if (by) {
          c.suppressed++;
          this.totals.suppressed++;
          for (const id of by) c.byException[id] = (c.byException[id] ?? 0) + 1;
          continue;
        }
        c.matches++;
        this.totals.matches++;
        if (e.emit) {
          out.push({
            id: detectionId([this.workspace, e.rule.id, e.rule.ruleVersion, ref.id]),
            kind: 'match',
            workspace: this.workspace,
            dataSpace: ref.dataSpace,
            dataSpaces: [ref.dataSpace],
            rule: detectionRule(e.rule),
            eventIds: [ref.id],
            events: [event],
            time: new Date(time ?? Date.parse(event['@timestamp'])).toISOString(),
            detectedAt,
          });
        }
        if (this.engine) {
          const seq = this.seq++;
          this.refs.set(seq, ref);
          const m = { ruleId: e.rule.id, ruleName: e.rule.name, eventIndex: seq, time: ref.time, event };
          for (const h of this.engine.onMatch(m)) this.onHit(h, out, detectedAt);
        }
      }
      if (time !== undefined && time > this.maxTime) {
        this.maxTime = time;
        this.maxTimeAt = now;
      }
    }
    this.pruneRefs();
    return out;
  }

  /**
   * Idle flush: estimates that event time moved on with the clock since it last moved (sources go
   * quiet, time does not stop) and judges the correlation windows complete by then, so conditions
   * decided at window end (`lt`, `eq`, averages…) fire without waiting for a later event. A window is
   * complete once its end plus the lateness has passed, so this never judges one a match could still
   * reach in time.
   */
  flushIdle(): Detection[] {
    if (!this.engine || !Number.isFinite(this.maxTime)) return [];
    const now = this.now();
    const estimate = this.maxTime + (now - this.maxTimeAt);
    if (!(estimate > this.maxTime)) return [];
    const out: Detection[] = [];
    const detectedAt = new Date(now).toISOString();
    for (const h of this.engine.advance(estimate)) this.onHit(h, out, detectedAt);
    this.maxTime = estimate;
    this.maxTimeAt = now;
    this.pruneRefs();
    return out;
  }

  private onHit(h: CorrelationHit, out: Detection[], detectedAt: string): void {
    const rule = this.compiled.stored.get(h.ruleId);
    const c = this.counter(h.ruleId);
    const by = correlationExceptionsOf(this.compiled.outputExceptions, h, this.now());
    if (by.length > 0) {
      c.suppressed++;
      this.totals.suppressed++;
      for (const id of by) c.byException[id] = (c.byException[id] ?? 0) + 1;
      return;
    }
    c.matches++;
    if (!rule || !this.compiled.emitCorrelations.has(h.ruleId)) return;
    const refs = h.eventIndexes.map((i) => this.refs.get(i)).filter((r): r is EventRef => r !== undefined);
    const eventIds = refs.map((r) => r.id);
    const dataSpaces = [...new Set(refs.map((r) => r.dataSpace))];
    out.push({
      id: detectionId([this.workspace, h.ruleId, rule.ruleVersion, h.time, ...eventIds]),
      kind: 'correlation',
      workspace: this.workspace,
      dataSpace: refs[refs.length - 1]?.dataSpace ?? dataSpaces[0] ?? 'default',
      dataSpaces,
      rule: detectionRule(rule),
      eventIds,
      events: refs.slice(0, MAX_DETECTION_EVENTS).map((r) => r.event),
      time: new Date(h.time).toISOString(),
      detectedAt,
      correlation: { type: h.type, group: h.group },
    });
  }

  /** Forgets matches no correlation window can still hold (older than lateness + the longest timespan). */
  private pruneRefs(): void {
    if (this.refs.size === 0) return;
    const horizon = this.maxTime - this.options.latenessMs - this.maxTimespan();
    for (const [seq, ref] of this.refs) {
      if (this.refs.size > this.options.maxTrackedMatches || !(ref.time >= horizon)) this.refs.delete(seq);
      else break;
    }
  }
}
