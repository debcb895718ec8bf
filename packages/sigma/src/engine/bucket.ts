import { AhoCorasick } from '../compile/aho-corasick.ts';
import type { AtomTable, EvalState } from '../compile/atom-table.ts';
import type { Pred } from '../compile/compile-detection.ts';
import { foldCase } from '../compile/fold-case.ts';
import { needlePrefilter } from '../compile/needle-prefilter.ts';
import type { NeedlePrefilter } from '../compile/needle-prefilter.ts';
import { KEYWORDS_FIELD } from '../logsource/field-getter.ts';
import type { FieldGetter } from '../logsource/field-getter.ts';
import type { EventView } from '../logsource/event-view.ts';
import { ecsFieldMap, fieldAliases } from '../logsource/ecs-field-map.ts';

/** One rule as compiled for one route (logsource target). */
export interface BucketEntry {
  rule: number;
  pred: Pred;
  trig: ReadonlySet<number> | null;
  /** Every valid trigger set (`trig` is one); a bucket re-chooses among them by observed hit rates. */
  alts: readonly ReadonlySet<number>[];
  /** Index atoms the predicate reads. */
  atoms: ReadonlySet<number>;
}

interface FieldIndex {
  field: string;
  get: FieldGetter;
  exact: Map<string, Int32Array> | null;
  /** Longest exact key: folding never shortens a string, so longer values cannot equal one. */
  exactMaxLength: number;
  ac: AhoCorasick | null;
  /** Native prefilter of the automaton; dropped when it passes most texts anyway. */
  prefilter: NeedlePrefilter | null;
  tests: number;
  passes: number;
  /** Per needle: atom ids for contains / prefix / suffix (-1 when none). */
  containsAtom: Int32Array;
  prefixAtom: Int32Array;
  suffixAtom: Int32Array;
}

/** Cache of automata by needle list, shared between buckets (process_creation compiles twice). */
export type AutomatonCache = Map<string, AhoCorasick>;

/**
 * The rules of one route key with per-field indexes: an exact map and one Aho–Corasick automaton
 * per field (contains, prefix and suffix needles together). Evaluating an event: one index pass over
 * the fields the rules use, then only the rules triggered by a true atom (plus those with no trigger).
 */
export class Bucket {
  readonly entries: readonly BucketEntry[];
  private readonly fields: FieldIndex[] = [];
  /** Fields read straight from the flat view (no alias, dotted path or ECS fallback), by name. */
  private readonly direct = new Map<string, FieldIndex>();
  /** The other fields, read through their getters. */
  private readonly indirect: FieldIndex[] = [];
  private triggers = new Map<number, Int32Array>();
  /**
   * Bucket runs observed before trigger sets are re-chosen from how often their atoms held (the static
   * estimate cannot know that, say, `Image|endswith '\\powershell.exe'` is common in this data).
   */
  static learnRuns = 2048;
  private runs = 0;
  /** Per index atom, the runs in which it held; null once the trigger sets are re-chosen. */
  private seen: Map<number, number> | null = null;
  private readonly always: Int32Array;
  private readonly cand: Uint32Array;
  private readonly candidates: number[] = [];
  private state: EvalState | undefined;
  private curLen = 0;
  private curField: FieldIndex | undefined;
  /** Marks a needle's atoms; true when its later occurrences in the same text cannot add anything. */
  private readonly onNeedle = (needle: number, end: number): boolean => {
    const fi = this.curField as FieldIndex;
    const c = fi.containsAtom[needle] as number;
    if (c >= 0) this.mark(c);
    // Occurrences are reported by end position, so only the first can start at 0.
    const p = fi.prefixAtom[needle] as number;
    if (p >= 0 && end + 1 === (fi.ac as AhoCorasick).lengths[needle]) this.mark(p);
    const s = fi.suffixAtom[needle] as number;
    if (s < 0) return true;
    if (end === this.curLen - 1) this.mark(s);
    const st = this.state as EvalState;
    return st.hit[s] === st.gen;
  };

  /** Use `Bucket.build`: this only assembles the field indexes it made. */
  constructor(entries: BucketEntry[], state: EvalState, fields: readonly FieldIndex[]) {
    this.entries = entries;
    this.state = state;
    this.cand = state.stampArray(entries.length);
    const always: number[] = [];
    const trig = new Map<number, number[]>();
    entries.forEach((e, i) => {
      if (e.trig === null) always.push(i);
      else
        for (const a of e.trig) {
          const list = trig.get(a);
          if (list) list.push(i);
          else trig.set(a, [i]);
        }
    });
    this.always = Int32Array.from(always);
    for (const [a, list] of trig) this.triggers.set(a, Int32Array.from(list));
    if (entries.some((e) => e.alts.length > 1)) this.seen = new Map();
    this.fields.push(...fields);
    this.classifyFields();
  }

  /**
   * Builds the bucket of `entries`, yielding after each field index (one automaton each: the largest
   * take ~0.1 s to build, so a sliced compile pauses between them).
   */
  static *build(
    entries: BucketEntry[],
    atoms: AtomTable,
    state: EvalState,
    cache: AutomatonCache,
  ): Generator<undefined, Bucket, undefined> {
    // Index atoms of the bucket, by field: exact values in a map, substrings in the field's automaton.
    type Needles = Map<string, [number, number, number]>;
    const byField = new Map<string, { exact: Map<string, number[]>; needles: Needles }>();
    for (const id of collectAtoms(entries)) {
      const atom = atoms.index[id];
      if (!atom) continue;
      let f = byField.get(atom.field);
      if (!f) {
        f = { exact: new Map(), needles: new Map() };
        byField.set(atom.field, f);
      }
      if (atom.kind === 'eq') {
        const l = f.exact.get(atom.text);
        if (l) l.push(id);
        else f.exact.set(atom.text, [id]);
      } else {
        const n = f.needles.get(atom.text) ?? [-1, -1, -1];
        n[atom.kind === 'contains' ? 0 : atom.kind === 'prefix' ? 1 : 2] = id;
        f.needles.set(atom.text, n);
      }
    }
    const fields: FieldIndex[] = [];
    for (const [field, f] of byField) {
      yield;
      fields.push(fieldIndex(field, f.exact, f.needles, atoms, cache));
    }
    return new Bucket(entries, state, fields);
  }

  private classifyFields(): void {
    for (const fi of this.fields) {
      if (isDirectField(fi.field)) this.direct.set(fi.field, fi);
      else this.indirect.push(fi);
    }
  }

  private scanField(fi: FieldIndex, view: EventView): void {
    if (fi.field === KEYWORDS_FIELD) {
      this.scanAll(fi, view.fields, 0);
      const msg = view.doc['message'];
      if (view.doc !== view.fields && typeof msg === 'string') this.scan(fi, msg);
      return;
    }
    const v = fi.get(view);
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) for (const el of v) this.scan(fi, el);
    else this.scan(fi, v);
  }

  private mark(id: number): void {
    const s = this.state as EvalState;
    if (s.hit[id] === s.gen) return;
    s.hit[id] = s.gen;
    if (this.seen !== null) this.seen.set(id, (this.seen.get(id) ?? 0) + 1);
    const list = this.triggers.get(id);
    if (list === undefined) return;
    const gen = s.gen;
    for (let i = 0; i < list.length; i++) {
      const e = list[i] as number;
      if (this.cand[e] !== gen) {
        this.cand[e] = gen;
        this.candidates.push(e);
      }
    }
  }

  private scan(fi: FieldIndex, v: unknown): void {
    let text: string;
    if (typeof v === 'string') text = v;
    else if (typeof v === 'number' || typeof v === 'boolean') text = String(v);
    else return;
    if (fi.exact !== null && text.length <= fi.exactMaxLength) {
      const ids = fi.exact.get(foldCase(text));
      if (ids !== undefined) for (let i = 0; i < ids.length; i++) this.mark(ids[i] as number);
    }
    if (fi.ac !== null && text.length >= fi.ac.minLength) {
      let from = 0;
      const pre = fi.prefilter;
      if (pre !== null) {
        // `test` is the cheap native check; `search` (slower builtin) only for texts that pass.
        const pass = pre.test(text);
        if (pass) fi.passes++;
        if (++fi.tests === 2048) {
          if (fi.passes > 1024) fi.prefilter = null;
          fi.tests = 0;
          fi.passes = 0;
        }
        if (!pass) return;
        from = pre.search(text);
      }
      // The automaton folds case itself, so the text is scanned as is (positions are the text's).
      this.curLen = text.length;
      this.curField = fi;
      fi.ac.scan(text, from, this.onNeedle);
    }
  }

  /** Keyword scan of every string (and number) value; the prefilter is tried first on each. */
  private scanAll(fi: FieldIndex, x: unknown, depth: number): void {
    if (typeof x === 'string') {
      if (fi.ac === null || x.length < fi.ac.minLength) return;
      const pre = fi.prefilter;
      if (pre === null || pre.test(x)) this.scanText(fi, x, pre === null ? 0 : pre.search(x));
    } else if (typeof x === 'number') this.scan(fi, x);
    else if (x !== null && typeof x === 'object' && depth < 8) {
      if (Array.isArray(x)) for (const el of x) this.scanAll(fi, el, depth + 1);
      else {
        const o = x as Record<string, unknown>;
        for (const k in o) this.scanAll(fi, o[k], depth + 1);
      }
    }
  }

  private scanText(fi: FieldIndex, text: string, from: number): void {
    if (fi.ac === null || from < 0) return;
    this.curLen = text.length;
    this.curField = fi;
    fi.ac.scan(text, from, this.onNeedle);
  }

  /** Evaluates the bucket's rules on the state's current view; pushes matching rule numbers to `out`. */
  run(state: EvalState, out: number[]): void {
    if (this.seen !== null && ++this.runs > Bucket.learnRuns) this.retrigger(this.seen);
    this.state = state;
    state.next();
    this.candidates.length = 0;
    const view = state.view;
    const fields = view.fields;
    if (this.direct.size > 8) {
      // Many indexed fields: walking the event's own keys is cheaper than probing every field.
      for (const k in fields) {
        const fi = this.direct.get(k);
        if (fi === undefined) continue;
        const v = fields[k];
        if (v === undefined || v === null) continue;
        if (Array.isArray(v)) for (const el of v) this.scan(fi, el);
        else this.scan(fi, v);
      }
    } else {
      for (const fi of this.direct.values()) {
        const v = fields[fi.field];
        if (v === undefined || v === null) continue;
        if (Array.isArray(v)) for (const el of v) this.scan(fi, el);
        else this.scan(fi, v);
      }
    }
    // Full-text search scans every string (and number) value, one by one without copying.
    for (const fi of this.indirect) this.scanField(fi, view);
    const entries = this.entries;
    for (let i = 0; i < this.always.length; i++) {
      const e = entries[this.always[i] as number] as BucketEntry;
      if (e.pred(state)) out.push(e.rule);
    }
    const cands = this.candidates;
    for (let i = 0; i < cands.length; i++) {
      const e = entries[cands[i] as number] as BucketEntry;
      if (e.pred(state)) out.push(e.rule);
    }
  }

  /**
   * Re-chooses each rule's trigger set by observed hit rate. Any alternative is valid (each is
   * necessary for the rule), so this only changes which rules are evaluated, never a result; the
   * static choice is kept unless another held on fewer than half as many runs.
   */
  private retrigger(seen: ReadonlyMap<number, number>): void {
    this.seen = null;
    const rate = (t: ReadonlySet<number>): number => {
      let n = 0;
      for (const a of t) n += seen.get(a) ?? 0;
      return n;
    };
    const trig = new Map<number, number[]>();
    this.entries.forEach((e, i) => {
      if (e.trig === null) return;
      let best = e.trig;
      let bestRate = rate(best);
      for (const alt of e.alts) {
        const r = rate(alt);
        if (2 * r < bestRate) {
          best = alt;
          bestRate = r;
        }
      }
      for (const a of best) {
        const list = trig.get(a);
        if (list) list.push(i);
        else trig.set(a, [i]);
      }
    });
    const triggers = new Map<number, Int32Array>();
    for (const [a, list] of trig) triggers.set(a, Int32Array.from(list));
    this.triggers = triggers;
  }

  /** The automata of this bucket's fields (shared between buckets when their needles are equal). */
  automata(): AhoCorasick[] {
    return this.fields.flatMap((f) => (f.ac === null ? [] : [f.ac]));
  }

  stats(): { rules: number; always: number; fields: number; automatonBytes: number } {
    let bytes = 0;
    for (const f of this.fields) bytes += f.ac?.bytes ?? 0;
    return {
      rules: this.entries.length,
      always: this.always.length,
      fields: this.fields.length,
      automatonBytes: bytes,
    };
  }
}

/** True when a field is read as `view.fields[name]` alone (see fieldGetter). */
function isDirectField(name: string): boolean {
  return (
    !name.includes('.') &&
    !name.includes('\u0000') &&
    ecsFieldMap[name] === undefined &&
    fieldAliases[name] === undefined &&
    name !== '__proto__'
  );
}

function fieldIndex(
  field: string,
  exactIds: Map<string, number[]>,
  needleMap: Map<string, [number, number, number]>,
  atoms: AtomTable,
  cache: AutomatonCache,
): FieldIndex {
  const needles = [...needleMap.keys()].sort();
  let ac: AhoCorasick | null = null;
  if (needles.length > 0) {
    const key = needles.join('\u0000');
    ac = cache.get(key) ?? new AhoCorasick(needles);
    cache.set(key, ac);
  }
  const exact = new Map<string, Int32Array>();
  for (const [t, ids] of exactIds) exact.set(t, Int32Array.from(ids));
  const at = (n: string, k: number): number => (needleMap.get(n) as number[])[k] as number;
  return {
    field,
    get: atoms.getter(field),
    exact: exact.size > 0 ? exact : null,
    exactMaxLength: Math.max(0, ...[...exact.keys()].map((k) => k.length)),
    ac,
    prefilter: ac === null ? null : needlePrefilter(needles, field === KEYWORDS_FIELD),
    tests: 0,
    passes: 0,
    containsAtom: Int32Array.from(needles, (n) => at(n, 0)),
    prefixAtom: Int32Array.from(needles, (n) => at(n, 1)),
    suffixAtom: Int32Array.from(needles, (n) => at(n, 2)),
  };
}

function collectAtoms(entries: readonly BucketEntry[]): Set<number> {
  const out = new Set<number>();
  for (const e of entries) for (const a of e.atoms) out.add(a);
  return out;
}
