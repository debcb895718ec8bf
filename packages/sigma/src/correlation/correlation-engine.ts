import { decidesEagerly, windowTest } from './correlation-condition.ts';
import { correlationGraph } from './correlation-graph.ts';
import type { CorrelationHit, CorrelationMatch, CorrelationRule } from './correlation-rule.ts';
import { GroupWindow } from './correlation-window.ts';
import type { WindowTest } from './correlation-window.ts';
import { readMatchValues } from './match-values.ts';
import { MinHeap } from './min-heap.ts';
import { suppressedRuleRefs } from './suppressed-rule-refs.ts';
import type { WindowEntry } from './window-aggregate.ts';

export interface CorrelationEngineOptions {
  /** How far (ms) behind the latest event time a match may arrive and still count. Default 0. */
  latenessMs?: number | undefined;
  /** Groups kept per correlation rule; beyond it the least recently updated group is evicted. Default 100000. */
  maxGroupsPerRule?: number | undefined;
  /** Reads a field of an event (the caller knows the event shapes and field mappings). */
  fieldValue: (event: unknown, field: string) => unknown;
  /** Also return hits of correlations that are referenced only by non-generating correlations. Default false. */
  emitSuppressed?: boolean | undefined;
}

export interface CorrelationStats {
  /** Groups currently held, all rules together. */
  groups: number;
  /** Matches currently held in windows. */
  entries: number;
  /** Groups dropped because a rule reached maxGroupsPerRule. */
  evictedGroups: number;
  /** Groups dropped because event time moved past their window. */
  expiredGroups: number;
  /** Matches that arrived more than latenessMs behind the latest event time. */
  lateDropped: number;
  /** Matches skipped because a group-by field was missing (undefined or null). */
  missingGroupBy: number;
  /** Matches skipped by value_* rules because the field was missing or not numeric. */
  missingValue: number;
  /** Matches with a time that is not a finite number. */
  invalidTime: number;
  hits: number;
}

interface RuleState {
  rule: CorrelationRule;
  /** Fire as soon as the condition holds (see decidesEagerly); else evaluate complete windows. */
  eager: boolean;
  groups: Map<string, GroupWindow>;
  /** Closed-window mode: when each group's oldest pending window ends (stale items are skipped). */
  closing: MinHeap<{ at: number; key: string }>;
  /** Correlations that reference this one, with this rule's index in their `rules`. */
  outer: Target[];
  emit: boolean;
  test: WindowTest;
}

interface Target {
  state: RuleState;
  ruleIdx: number;
}

/** A match on its way into a correlation: from a base rule or from an inner correlation's hit. */
interface Input {
  refs: readonly string[];
  time: number;
  key: string;
  eventIndexes: readonly number[];
  read: (field: string) => unknown;
}

const maxChainDepth = 16;

/**
 * Evaluates Sigma correlation rules over a stream of rule matches, in event time. Pure: no
 * timers and no I/O; the caller feeds matches (in roughly time order) and calls flush() at the end.
 *
 * Semantics:
 * - Windows slide in event time; matches are at most `timespan` apart (inclusive) to be correlated.
 * - A match more than `latenessMs` behind the latest time seen is dropped and counted (`lateDropped`).
 * - Matches lacking a group-by field (undefined or null) are skipped and counted (`missingGroupBy`),
 *   like `stats … by` in Splunk or a terms aggregation in Elasticsearch: no group has that value.
 * - When the metric only grows and the condition has only lower bounds (gt/gte on event_count,
 *   value_count, temporal, temporal_ordered, value_sum), a hit fires as soon as some window holding
 *   the new match satisfies the condition. Otherwise (lt/lte/eq/neq, value_avg, value_percentile) a
 *   later match could still change the verdict, so windows are tumbling windows starting at a group's
 *   oldest pending match, judged once complete (event time past their end plus lateness) or at flush().
 * - Re-firing: a hit consumes the matches up to the end of its window (the group is reset), so the next
 *   hit of that group needs a fresh set of matches; a burst of 500 matches with `gte: 100` gives 5 hits,
 *   not 401 (the suppression behaviour of streaming engines such as Hayabusa).
 * - Hits of a correlation feed the correlations that reference it, with the hit's time and its group
 *   values as the event (group-by reads those values directly).
 */
export class CorrelationEngine {
  private readonly states: RuleState[] = [];
  private readonly byRef = new Map<string, Target[]>();
  private readonly latenessMs: number;
  private readonly maxGroups: number;
  private readonly fieldValue: (event: unknown, field: string) => unknown;
  private maxSeen = Number.NEGATIVE_INFINITY;
  private seq = 0;
  private hitSeq = 0;
  private readonly counters = {
    evictedGroups: 0,
    expiredGroups: 0,
    lateDropped: 0,
    missingGroupBy: 0,
    missingValue: 0,
    invalidTime: 0,
    hits: 0,
  };

  constructor(rules: CorrelationRule[], options: CorrelationEngineOptions) {
    this.latenessMs = Math.max(0, options.latenessMs ?? 0);
    this.maxGroups = Math.max(1, options.maxGroupsPerRule ?? 100_000);
    this.fieldValue = options.fieldValue;
    const suppressed = suppressedRuleRefs(rules);
    const graph = correlationGraph(rules);
    const stateOf = new Map<CorrelationRule, RuleState>();
    // Inner correlations first, so that flush() feeds their last hits to outer ones before those flush.
    for (const rule of graph.order) {
      const emit =
        options.emitSuppressed === true ||
        !(suppressed.has(rule.id) || (rule.name !== undefined && suppressed.has(rule.name)));
      const state: RuleState = {
        rule,
        eager: decidesEagerly(rule.type, rule.condition),
        groups: new Map(),
        closing: new MinHeap(),
        outer: [],
        emit,
        test: windowTest(rule),
      };
      stateOf.set(rule, state);
      this.states.push(state);
    }
    for (const state of this.states) {
      const inner = graph.inner.get(state.rule) ?? [];
      state.rule.rules.forEach((ref, ruleIdx) => {
        const dep = inner.find((r) => r.id === ref || r.name === ref);
        const depState = dep === undefined ? undefined : stateOf.get(dep);
        if (depState !== undefined) depState.outer.push({ state, ruleIdx });
        else if (dep === undefined) {
          const list = this.byRef.get(ref) ?? [];
          list.push({ state, ruleIdx });
          this.byRef.set(ref, list);
        }
      });
    }
  }

  /** Feeds one single-event rule match; returns the correlation hits it completes. */
  onMatch(m: CorrelationMatch): CorrelationHit[] {
    const targets = this.targetsOf(m.ruleId, m.ruleName);
    if (!Number.isFinite(m.time)) {
      if (targets.length > 0) this.counters.invalidTime++;
      return [];
    }
    if (m.time < this.maxSeen - this.latenessMs) {
      if (targets.length > 0) this.counters.lateDropped++;
      return [];
    }
    const hits: CorrelationHit[] = [];
    if (m.time > this.maxSeen) {
      this.maxSeen = m.time;
      this.sweep(hits);
    }
    if (targets.length === 0) return hits;
    const refs = m.ruleName === undefined ? [m.ruleId] : [m.ruleId, m.ruleName];
    const input: Input = {
      refs,
      time: m.time,
      key: `e${m.eventIndex}`,
      eventIndexes: [m.eventIndex],
      read: (field) => this.fieldValue(m.event, field),
    };
    for (const t of targets) this.feed(t, input, hits, 0);
    return hits;
  }

  /**
   * Event time is known to have reached `time` although no match says so (an idle source; the caller
   * estimates it, e.g. from wall-clock time elapsed since the latest match). Judges the windows that
   * are complete by then (their end plus `latenessMs` passed) and returns the hits. Matches older than
   * `time - latenessMs` arriving afterwards count as late, as if a match at `time` had been seen.
   */
  advance(time: number): CorrelationHit[] {
    const hits: CorrelationHit[] = [];
    if (!Number.isFinite(time) || time <= this.maxSeen) return hits;
    this.maxSeen = time;
    this.sweep(hits);
    return hits;
  }

  /** Latest event time seen or advanced to (-Infinity before the first match). */
  get eventTime(): number {
    return this.maxSeen;
  }

  /** End of input: judges every pending window, returns the hits, and clears all state. */
  flush(): CorrelationHit[] {
    const hits: CorrelationHit[] = [];
    for (const state of this.states) {
      if (!state.eager) {
        for (const group of state.groups.values()) this.drain(state, group, hits, 0, () => true);
      }
      state.groups.clear();
      state.closing.clear();
    }
    return hits;
  }

  stats(): CorrelationStats {
    let groups = 0;
    let entries = 0;
    for (const s of this.states) {
      groups += s.groups.size;
      for (const g of s.groups.values()) entries += g.entries.length;
    }
    return { groups, entries, ...this.counters };
  }

  private targetsOf(ruleId: string, ruleName: string | undefined): Target[] {
    const byId = this.byRef.get(ruleId) ?? [];
    const byName = ruleName === undefined ? undefined : this.byRef.get(ruleName);
    if (byName === undefined) return byId;
    // A correlation listing the rule by both id and name gets the match once.
    return [...byId, ...byName.filter((t) => !byId.some((b) => b.state === t.state))];
  }

  /** Event time before which no accepted match can arrive any more. */
  private watermark(): number {
    return this.maxSeen - this.latenessMs;
  }

  private feed(target: Target, input: Input, hits: CorrelationHit[], depth: number): void {
    const { state, ruleIdx } = target;
    const { rule } = state;
    const read = readMatchValues(rule, input.refs, input.read);
    if ('missing' in read) {
      if (read.missing === 'group-by') this.counters.missingGroupBy++;
      else this.counters.missingValue++;
      return;
    }
    const { group, groupKey, value } = read;
    let window = state.groups.get(groupKey);
    if (window === undefined) {
      if (state.groups.size >= this.maxGroups) this.evictOldest(state);
      window = new GroupWindow(rule.type, rule.timespanMs, group, state.eager);
    } else state.groups.delete(groupKey);
    state.groups.set(groupKey, window); // Map order = least recently updated first
    const entry: WindowEntry = {
      time: input.time,
      seq: this.seq++,
      ruleIdx,
      key: input.key,
      eventIndexes: input.eventIndexes,
      value,
    };
    const idx = window.insert(entry);
    if (!state.eager) {
      // Its window is judged by sweep() once event time has passed its end.
      if (idx === 0) state.closing.push({ at: entry.time + rule.timespanMs, key: groupKey });
      return;
    }
    const span =
      idx === window.entries.length - 1
        ? window.testNewest(state.test)
        : window.testContaining(idx, state.test);
    if (span !== undefined) {
      this.fire(state, window, window.entries.slice(span.from, span.to), hits, depth);
      window.consume(span.to);
    }
    window.prune(this.watermark() - rule.timespanMs);
  }

  /** Closed-window mode: judges the group's complete windows (`isComplete(windowEnd)`), oldest first. */
  private drain(
    state: RuleState,
    window: GroupWindow,
    hits: CorrelationHit[],
    depth: number,
    isComplete: (end: number) => boolean,
  ): void {
    for (
      let first = window.entries[0];
      first !== undefined && isComplete(first.time + state.rule.timespanMs);
      first = window.entries[0]
    ) {
      const taken = window.takeOldestWindow();
      if (state.test(taken.agg, taken.entries, 0, taken.entries.length))
        this.fire(state, window, taken.entries, hits, depth);
    }
  }

  /** Judges closed windows that event time has passed; drops groups it has left behind. */
  private sweep(hits: CorrelationHit[]): void {
    const end = this.watermark();
    for (const state of this.states) {
      if (!state.eager) {
        this.closeWindows(state, end, hits);
        continue;
      }
      for (const [key, window] of state.groups) {
        if (window.newest + state.rule.timespanMs >= end) break; // later groups were updated more recently
        state.groups.delete(key);
        this.counters.expiredGroups++;
      }
    }
  }

  /** Closed-window mode: judges the windows whose end event time has passed, oldest end first. */
  private closeWindows(state: RuleState, end: number, hits: CorrelationHit[]): void {
    const span = state.rule.timespanMs;
    for (let next = state.closing.peek(); next !== undefined && next.at < end; next = state.closing.peek()) {
      state.closing.pop();
      const window = state.groups.get(next.key);
      const first = window?.entries[0];
      if (window === undefined || first === undefined || first.time + span !== next.at) continue; // stale
      this.drain(state, window, hits, 0, (w) => w < end);
      const pending = window.entries[0];
      if (pending !== undefined) state.closing.push({ at: pending.time + span, key: next.key });
      else if (state.groups.get(next.key) === window) {
        state.groups.delete(next.key);
        this.counters.expiredGroups++;
      }
    }
  }

  private evictOldest(state: RuleState): void {
    const oldest = state.groups.keys().next();
    if (oldest.done === true) return;
    state.groups.delete(oldest.value);
    this.counters.evictedGroups++;
  }

  private fire(
    state: RuleState,
    window: GroupWindow,
    entries: readonly WindowEntry[],
    hits: CorrelationHit[],
    depth: number,
  ): void {
    const { rule } = state;
    const indexes = new Set<number>();
    let time = Number.NEGATIVE_INFINITY;
    for (const e of entries) {
      for (const i of e.eventIndexes) indexes.add(i);
      if (e.time > time) time = e.time;
    }
    const hit: CorrelationHit = {
      ruleId: rule.id,
      ruleTitle: rule.title,
      level: rule.level ?? 'medium',
      type: rule.type,
      group: { ...window.group },
      eventIndexes: [...indexes].sort((a, b) => a - b),
      time,
    };
    this.counters.hits++;
    if (state.emit) hits.push(hit);
    if (depth >= maxChainDepth || state.outer.length === 0) return;
    // Chained input skips the lateness check: it derives from matches that were accepted already.
    const input: Input = {
      refs: rule.name === undefined ? [rule.id] : [rule.id, rule.name],
      time,
      key: `h${this.hitSeq++}`,
      eventIndexes: hit.eventIndexes,
      read: (field) => hit.group[field],
    };
    for (const t of state.outer) this.feed(t, input, hits, depth + 1);
  }
}
