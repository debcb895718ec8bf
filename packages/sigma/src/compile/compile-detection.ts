import { foldCase } from './fold-case.ts';
import { keywordTest, lazyTest } from './lazy-test.ts';
import type { AtomTable, EvalState, IndexAtom, IndexKind } from './atom-table.ts';
import type { Condition } from '../parse/parse-condition.ts';
import { STAR } from '../parse/sigma-string.ts';
import { KEYWORDS_FIELD } from '../logsource/field-getter.ts';
import { requiredLiteral } from './regex-literal.ts';
import type { SigmaPart } from '../parse/sigma-string.ts';
import type { Detection } from '../parse/sigma-rule.ts';
import type { FieldItem, ValueTest } from '../parse/value-test.ts';

export type Pred = (s: EvalState) => boolean;

/**
 * A compiled boolean node: its predicate, a trigger set (index atoms at least one of which must be
 * true for the node to be true; null when no such set is known) and a cost class for ordering ANDs
 * (0: index lookups only, 1: lazy tests, 2: regex or full-text).
 */
export interface Compiled {
  pred: Pred;
  trig: ReadonlySet<number> | null;
  cost: number;
  /** Set when the node is exactly one index atom (lets ORs of atoms collapse into one loop). */
  atom?: number;
  /** Conjunctions: every valid trigger set (of the operands, recursively); `trig` is one of them. */
  alts?: readonly ReadonlySet<number>[];
}

const TRUE: Compiled = { pred: () => true, trig: null, cost: 0 };
const FALSE: Compiled = { pred: () => false, trig: new Set(), cost: 0 };

function indexNode(id: number): Compiled {
  return { pred: (s) => s.hit[id] === s.gen, trig: new Set([id]), cost: 0, atom: id };
}

function lazyNode(id: number, cost: number, aux?: number): Compiled {
  if (aux === undefined) return { pred: (s) => s.lazyHit(id), trig: null, cost };
  return { pred: (s) => s.hit[aux] === s.gen && s.lazyHit(id), trig: new Set([aux]), cost };
}

export function orNode(items: Compiled[]): Compiled {
  if (items.length === 0) return FALSE;
  if (items.length === 1) return items[0] as Compiled;
  let cost = 0;
  let allAtoms = true;
  let untriggered = false;
  for (const c of items) {
    if (c.cost > cost) cost = c.cost;
    if (c.atom === undefined) allAtoms = false;
    if (c.trig === null) untriggered = true;
  }
  if (allAtoms) {
    const ids = Int32Array.from(items, (c) => c.atom as number);
    return {
      pred: (s) => {
        const hit = s.hit;
        const gen = s.gen;
        for (let i = 0; i < ids.length; i++) if (hit[ids[i] as number] === gen) return true;
        return false;
      },
      trig: new Set(ids),
      cost,
    };
  }
  let trig: Set<number> | null = null;
  if (!untriggered) {
    trig = new Set();
    for (const c of items) for (const t of c.trig as ReadonlySet<number>) trig.add(t);
  }
  const sorted = cost === 0 ? items : [...items].sort((a, b) => a.cost - b.cost);
  const preds = sorted.map((c) => c.pred);
  if (preds.length === 2) {
    const [a, b] = preds as [Pred, Pred];
    return { pred: (s) => a(s) || b(s), trig, cost };
  }
  return {
    pred: (s) => {
      for (let i = 0; i < preds.length; i++) if ((preds[i] as Pred)(s)) return true;
      return false;
    },
    trig,
    cost,
  };
}

const booleanText = new Set(['true', 'false']);

/**
 * Estimated chance that an index atom holds on an event of its route: short substrings (`:`, ` -`)
 * are nearly always present, long ones rarely. Only used to choose among valid trigger sets.
 */
export function atomWeight(atom: IndexAtom | undefined): number {
  if (atom === undefined) return 1;
  // A boolean field (Sysmon's `Initiated`) holds each value on about half of its events.
  if (atom.kind === 'eq') return atom.text.length === 0 || booleanText.has(atom.text) ? 0.5 : 0.02;
  return Math.pow(0.7, atom.text.length);
}

/** A trigger set's weight: the estimated chance that one of its atoms holds. */
export type TriggerWeight = (trig: ReadonlySet<number>) => number;

const bySize: TriggerWeight = (t) => t.size;

/**
 * Conjunction. Any operand's trigger set is a valid trigger for the whole (each is necessary); the
 * one least likely to hold by `weigh` is chosen, so rules are evaluated on fewer events.
 */
export function andNode(items: Compiled[], weigh: TriggerWeight = bySize): Compiled {
  if (items.length === 0) return TRUE;
  if (items.length === 1) return items[0] as Compiled;
  const sorted = [...items].sort((a, b) => a.cost - b.cost);
  let trig: ReadonlySet<number> | null = null;
  let trigWeight = Infinity;
  for (const c of sorted) {
    if (c.trig === null) continue;
    const w = weigh(c.trig);
    if (trig === null || w < trigWeight) {
      trig = c.trig;
      trigWeight = w;
    }
  }
  // Each operand is necessary, so each of its own alternatives is a valid trigger of the whole.
  const alts: ReadonlySet<number>[] = [];
  for (const c of items) if (c.trig !== null) alts.push(...(c.alts ?? [c.trig]));
  const cost = sorted.reduce((m, c) => Math.max(m, c.cost), 0);
  const preds = sorted.map((c) => c.pred);
  if (preds.length === 2) {
    const [a, b] = preds as [Pred, Pred];
    return { pred: (s) => a(s) && b(s), trig, cost, alts };
  }
  return {
    pred: (s) => {
      for (let i = 0; i < preds.length; i++) if (!(preds[i] as Pred)(s)) return false;
      return true;
    },
    trig,
    cost,
    alts,
  };
}

function notNode(item: Compiled): Compiled {
  const p = item.pred;
  return { pred: (s) => !p(s), trig: null, cost: item.cost };
}

function atLeastNode(items: Compiled[], n: number): Compiled {
  const preds = items.map((c) => c.pred);
  const union = orNode(items);
  return {
    pred: (s) => {
      let k = 0;
      for (const p of preds) if (p(s) && ++k >= n) return true;
      return false;
    },
    trig: union.trig,
    cost: union.cost,
  };
}

/** Classifies folded wildcard parts as an index test, when they are one literal with optional `*` ends. */
function indexShape(parts: readonly SigmaPart[]): { kind: IndexKind; text: string } | undefined {
  const n = parts.length;
  const lead = parts[0] === STAR;
  const trail = n > 1 && parts[n - 1] === STAR;
  const inner = parts.slice(lead ? 1 : 0, trail ? n - 1 : n);
  if (inner.length === 0) return n === 0 ? { kind: 'eq', text: '' } : undefined;
  if (inner.length !== 1 || typeof inner[0] !== 'string') return undefined;
  const text = inner[0];
  return { kind: lead && trail ? 'contains' : lead ? 'suffix' : trail ? 'prefix' : 'eq', text };
}

function longestLiteral(parts: readonly SigmaPart[]): string {
  let best = '';
  for (const p of parts) if (typeof p === 'string' && p.length > best.length) best = p;
  return best;
}

/** Compiles detections of one rule (or filter) into predicates over a bucket's atoms. */
export class DetectionCompiler {
  private readonly atoms: AtomTable;
  private readonly fieldMap: Readonly<Record<string, string>> | undefined;
  /** Index atoms referenced by what this compiler compiled (the bucket indexes exactly these). */
  readonly used = new Set<number>();

  constructor(atoms: AtomTable, fieldMap: Readonly<Record<string, string>> | undefined) {
    this.atoms = atoms;
    this.fieldMap = fieldMap;
  }

  /** Weight of a trigger set: the summed estimated chances of its atoms (see atomWeight). */
  private readonly weigh: TriggerWeight = (t) => {
    let w = 0;
    for (const id of t) w += atomWeight(this.atoms.index[id]);
    return w;
  };

  private use(id: number): number {
    this.used.add(id);
    return id;
  }

  private mapField(field: string): string {
    return this.fieldMap?.[field] ?? field;
  }

  compile(det: Detection): Compiled {
    const cache = new Map<string, Compiled>();
    const selection = (name: string): Compiled => {
      let c = cache.get(name);
      if (!c) {
        const sel = det.selections.get(name);
        c = sel
          ? orNode(
              sel.maps.map((m) =>
                andNode(
                  m.map((item) => this.item(item)),
                  this.weigh,
                ),
              ),
            )
          : FALSE;
        cache.set(name, c);
      }
      return c;
    };
    const walk = (node: Condition): Compiled => {
      switch (node.t) {
        case 'id':
          return selection(node.name);
        case 'and':
          return andNode(node.items.map(walk), this.weigh);
        case 'or':
          return orNode(node.items.map(walk));
        case 'not':
          return notNode(walk(node.item));
        case 'of': {
          const items = node.names.map(selection);
          if (node.all) return andNode(items, this.weigh);
          return node.count <= 1 ? orNode(items) : atLeastNode(items, node.count);
        }
      }
    };
    return walk(det.condition);
  }

  private item(item: FieldItem): Compiled {
    const values = item.values.map((alts) => orNode(alts.map((t) => this.test(item.field, t))));
    return item.all ? andNode(values, this.weigh) : orNode(values);
  }

  private test(rawField: string | null, test: ValueTest): Compiled {
    if (rawField === null) {
      if (test.kind !== 'str') return FALSE;
      const parts = test.cased
        ? test.parts
        : test.parts.map((p) => (typeof p === 'string' ? foldCase(p) : p));
      const full: SigmaPart[] = [...parts];
      if (full[0] !== STAR) full.unshift(STAR);
      if (full.length === 1 || full[full.length - 1] !== STAR) full.push(STAR);
      const shape = test.cased ? undefined : indexShape(full);
      if (shape) return indexNode(this.use(this.atoms.indexAtom(KEYWORDS_FIELD, shape.kind, shape.text)));
      const lit = longestLiteral(parts);
      const aux =
        lit.length >= 1
          ? this.use(this.atoms.indexAtom(KEYWORDS_FIELD, 'contains', test.cased ? foldCase(lit) : lit))
          : undefined;
      const id = this.atoms.lazyAtom(`kw\u0000${JSON.stringify(parts)}\u0000${test.cased}`, () =>
        keywordTest(parts, test.cased),
      );
      return lazyNode(id, 2, aux);
    }
    const field = this.mapField(rawField);
    if (test.kind === 'str' && !test.cased) {
      const parts = test.parts.map((p) => (typeof p === 'string' ? foldCase(p) : p));
      const shape = indexShape(parts);
      if (shape) return indexNode(this.use(this.atoms.indexAtom(field, shape.kind, shape.text)));
      const lit = longestLiteral(parts);
      const aux = lit.length >= 1 ? this.use(this.atoms.indexAtom(field, 'contains', lit)) : undefined;
      const id = this.atoms.lazyAtom(`${field}\u0000${JSON.stringify(test)}`, () =>
        lazyTest(test, this.atoms.getter(field), (f) => this.atoms.getter(this.mapField(f))),
      );
      return lazyNode(id, 1, aux);
    }
    const key =
      test.kind === 'fieldref'
        ? `${field}\u0000${JSON.stringify(test)}\u0000${this.mapField(test.ref)}`
        : `${field}\u0000${JSON.stringify(test)}`;
    const id = this.atoms.lazyAtom(key, () =>
      lazyTest(test, this.atoms.getter(field), (f) => this.atoms.getter(this.mapField(f))),
    );
    // A literal every match must contain lets the field index trigger the regex (or cased test).
    const lit =
      test.kind === 're'
        ? requiredLiteral(test.source)
        : test.kind === 'str'
          ? longestLiteral(test.parts)
          : '';
    const aux =
      lit.length >= 1 ? this.use(this.atoms.indexAtom(field, 'contains', foldCase(lit))) : undefined;
    return lazyNode(id, test.kind === 're' ? 2 : 1, aux);
  }
}
