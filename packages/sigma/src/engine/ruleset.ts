import { AtomTable, EvalState } from '../compile/atom-table.ts';
import { DetectionCompiler } from '../compile/compile-detection.ts';
import type { Pred } from '../compile/compile-detection.ts';
import type { CorrelationRule } from '../correlation/index.ts';
import { eventView } from '../logsource/event-view.ts';
import { routeKeys } from '../logsource/route-event.ts';
import { routeRule } from '../logsource/route-rule.ts';
import type { Logsource, SigmaFilter, SigmaRule } from '../parse/sigma-rule.ts';
import { Bucket } from './bucket.ts';
import type { AutomatonCache, BucketEntry } from './bucket.ts';

/** What a match reports about its rule. */
export interface RuleRef {
  /** Position of the rule in the ruleset. */
  index: number;
  id: string;
  name?: string;
  title: string;
  level?: string;
}

export interface RuleInfo extends RuleRef {
  file: string;
  logsource: Logsource;
  tags: readonly string[];
  /** False when Vigil knows no event source for the rule's logsource (it can never match). */
  routed: boolean;
}

/** What a compiled ruleset is made of (see Ruleset.build). */
export interface RulesetParts {
  rules: readonly RuleInfo[];
  correlations: readonly CorrelationRule[];
  atoms: AtomTable;
  state: EvalState;
  buckets: ReadonlyMap<string, Bucket>;
}

export interface RulesetStats {
  rules: number;
  buckets: number;
  atoms: number;
  /** Rules evaluated on every event of their route (no index trigger could be derived). */
  untriggered: number;
  /** Size of the substring automata's tables (shared tables counted once). */
  automatonBytes: number;
}

/**
 * A compiled set of Sigma rules. `match` evaluates one event: normalise its shape, route it by
 * logsource, run the per-field index pass and the triggered rules. Not thread-safe (one state).
 * Example: `ruleset.match({EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational', Image: 'C:\\x\\cmd.exe'})`.
 */
export class Ruleset {
  readonly rules: readonly RuleInfo[];
  readonly correlations: readonly CorrelationRule[];
  private readonly buckets = new Map<string, Bucket>();
  private readonly state: EvalState;
  private readonly atoms: AtomTable;
  private readonly seen: Uint32Array;
  private seenGen = 0;

  /** Use `Ruleset.compile` (or `Ruleset.build` to compile in steps); this only assembles the parts. */
  constructor(parts: RulesetParts) {
    this.rules = parts.rules;
    this.correlations = parts.correlations;
    this.atoms = parts.atoms;
    this.state = parts.state;
    for (const [k, b] of parts.buckets) this.buckets.set(k, b);
    this.seen = new Uint32Array(parts.rules.length);
  }

  /** Compiles rules (with their filters) at once; `onCompileError` hears about each rule refused. */
  static compile(
    rules: readonly SigmaRule[],
    filters: readonly SigmaFilter[],
    correlations: readonly CorrelationRule[],
    onCompileError: (rule: SigmaRule, reason: string) => void = () => undefined,
  ): Ruleset {
    const steps = Ruleset.build(rules, filters, correlations, onCompileError);
    for (;;) {
      const r = steps.next();
      if (r.done === true) return r.value;
    }
  }

  /**
   * Compiles in small steps: the generator yields after each rule and each field index, so a caller
   * can spread a large ruleset over several event-loop turns (see loadRulesSliced).
   */
  static *build(
    rules: readonly SigmaRule[],
    filters: readonly SigmaFilter[],
    correlations: readonly CorrelationRule[],
    onCompileError: (rule: SigmaRule, reason: string) => void = () => undefined,
  ): Generator<undefined, Ruleset, undefined> {
    const atoms = new AtomTable();
    const filtersOf = new Map<string, SigmaFilter[]>();
    for (const f of filters) {
      for (const ref of f.rules) {
        const list = filtersOf.get(ref) ?? [];
        list.push(f);
        filtersOf.set(ref, list);
      }
    }
    const infos: RuleInfo[] = [];
    const perKey = new Map<string, BucketEntry[]>();
    for (const rule of rules) {
      yield;
      const info = compileRule(rule, filtersOf, atoms, infos.length, perKey, onCompileError);
      if (info !== undefined) infos.push(info);
    }
    const state = new EvalState(atoms);
    const cache: AutomatonCache = new Map();
    const buckets = new Map<string, Bucket>();
    for (const [key, entries] of perKey) {
      buckets.set(key, yield* Bucket.build(entries, atoms, state, cache));
    }
    return new Ruleset({ rules: infos, correlations, atoms, state, buckets });
  }

  /** Indexes (into `rules`) of the rules matching one event, ascending. Non-objects match nothing. */
  matchIndexes(event: unknown): number[] {
    const view = eventView(event);
    if (view === undefined) return [];
    this.state.view = view;
    const out: number[] = [];
    for (const key of routeKeys(view)) this.buckets.get(key)?.run(this.state, out);
    if (out.length > 1) {
      if (++this.seenGen >= 0xfffffff0) {
        this.seen.fill(0);
        this.seenGen = 1;
      }
      const gen = this.seenGen;
      const uniq: number[] = [];
      for (const r of out) {
        if (this.seen[r] !== gen) {
          this.seen[r] = gen;
          uniq.push(r);
        }
      }
      return uniq.sort((a, b) => a - b);
    }
    return out;
  }

  /** Rules matching one event. */
  match(event: unknown): RuleRef[] {
    return this.matchIndexes(event).map((i) => this.rules[i] as RuleInfo);
  }

  /** Matches of a batch: one entry per event that matched at least one rule. */
  matchBatch(events: readonly unknown[]): { eventIndex: number; rules: RuleRef[] }[] {
    const out: { eventIndex: number; rules: RuleRef[] }[] = [];
    events.forEach((ev, eventIndex) => {
      const idx = this.matchIndexes(ev);
      if (idx.length > 0) out.push({ eventIndex, rules: idx.map((i) => this.rules[i] as RuleInfo) });
    });
    return out;
  }

  /** `name` values of the rules that have one (correlations may reference rules by name). */
  get names(): ReadonlyMap<string, string> {
    const m = new Map<string, string>();
    for (const r of this.rules) if (r.name !== undefined) m.set(r.name, r.id);
    return m;
  }

  stats(): RulesetStats {
    let untriggered = 0;
    const automata = new Set<{ bytes: number }>();
    for (const b of this.buckets.values()) {
      untriggered += b.stats().always;
      for (const ac of b.automata()) automata.add(ac);
    }
    let automatonBytes = 0;
    for (const ac of automata) automatonBytes += ac.bytes;
    return {
      rules: this.rules.length,
      buckets: this.buckets.size,
      atoms: this.atoms.count,
      untriggered,
      automatonBytes,
    };
  }

  /** Per-route statistics (for tuning and the benchmark). */
  bucketStats(): Record<string, ReturnType<Bucket['stats']>> {
    const out: Record<string, ReturnType<Bucket['stats']>> = {};
    for (const [k, b] of this.buckets) out[k] = b.stats();
    return out;
  }
}

/** Compiles one rule for each of its route targets; on success adds its entries to `perKey`. */
function compileRule(
  rule: SigmaRule,
  filtersOf: ReadonlyMap<string, readonly SigmaFilter[]>,
  atoms: AtomTable,
  index: number,
  perKey: Map<string, BucketEntry[]>,
  onCompileError: (rule: SigmaRule, reason: string) => void,
): RuleInfo | undefined {
  const route = routeRule(rule.logsource);
  const ruleFilters = [
    ...(filtersOf.get(rule.id) ?? []),
    ...(rule.name === undefined ? [] : (filtersOf.get(rule.name) ?? [])),
  ];
  const compiled: [string, BucketEntry][] = [];
  try {
    for (const t of route.targets) {
      const comp = new DetectionCompiler(atoms, t.fieldMap);
      const base = comp.compile(rule.detection);
      let pred: Pred = base.pred;
      for (const f of ruleFilters) {
        const fp = comp.compile(f.detection).pred;
        const inner = pred;
        pred = (s) => inner(s) && !fp(s);
      }
      const alts = base.trig === null ? [] : (base.alts ?? [base.trig]);
      compiled.push([t.key, { rule: index, pred, trig: base.trig, alts, atoms: comp.used }]);
    }
  } catch (e) {
    onCompileError(rule, `compile error: ${(e as Error).message}`);
    return undefined;
  }
  const info: RuleInfo = {
    index,
    id: rule.id,
    title: rule.title,
    file: rule.file,
    logsource: rule.logsource,
    tags: rule.tags,
    routed: route.routed,
  };
  if (rule.name !== undefined) info.name = rule.name;
  if (rule.level !== undefined) info.level = rule.level;
  for (const [key, entry] of compiled) {
    const list = perKey.get(key) ?? [];
    list.push(entry);
    perKey.set(key, list);
  }
  return info;
}
