import type { EventView } from '../logsource/event-view.ts';
import { fieldGetter } from '../logsource/field-getter.ts';
import type { FieldGetter } from '../logsource/field-getter.ts';
import type { ViewTest } from './lazy-test.ts';

export type IndexKind = 'eq' | 'prefix' | 'suffix' | 'contains';

/** A folded string test answered by a field index (exact map or the field's automaton). */
export interface IndexAtom {
  field: string;
  kind: IndexKind;
  text: string;
}

/**
 * Every distinct test of a ruleset, numbered. Index atoms are set by the per-field index pass;
 * lazy atoms are computed on demand (at most once per event, memoised by generation stamps).
 */
export class AtomTable {
  private readonly ids = new Map<string, number>();
  private readonly getters = new Map<string, FieldGetter>();
  readonly index: (IndexAtom | undefined)[] = [];
  readonly lazy: (ViewTest | undefined)[] = [];

  get count(): number {
    return this.index.length;
  }

  getter(field: string): FieldGetter {
    let g = this.getters.get(field);
    if (!g) {
      g = fieldGetter(field);
      this.getters.set(field, g);
    }
    return g;
  }

  indexAtom(field: string, kind: IndexKind, text: string): number {
    const key = `i\u0000${field}\u0000${kind}\u0000${text}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.index.length;
      this.ids.set(key, id);
      this.index.push({ field, kind, text });
      this.lazy.push(undefined);
    }
    return id;
  }

  lazyAtom(key: string, make: () => ViewTest): number {
    const k = `l\u0000${key}`;
    let id = this.ids.get(k);
    if (id === undefined) {
      id = this.index.length;
      this.ids.set(k, id);
      this.index.push(undefined);
      this.lazy.push(make());
    }
    return id;
  }
}

/** Per-event evaluation state shared by all buckets of a ruleset (generation-stamped, never cleared). */
export class EvalState {
  gen = 0;
  hit: Uint32Array;
  lazyStamp: Uint32Array;
  lazyVal: Uint8Array;
  view: EventView = { fields: {}, doc: {}, ecs: false };
  readonly lazy: readonly (ViewTest | undefined)[];
  private readonly stamps: Uint32Array[] = [];

  constructor(atoms: AtomTable) {
    this.hit = new Uint32Array(atoms.count);
    this.lazyStamp = new Uint32Array(atoms.count);
    this.lazyVal = new Uint8Array(atoms.count);
    this.lazy = atoms.lazy;
  }

  /** A stamp array (sized by the caller) cleared together with the state's own when generations wrap. */
  stampArray(size: number): Uint32Array {
    const a = new Uint32Array(size);
    this.stamps.push(a);
    return a;
  }

  /** Starts a new generation (one event in one bucket); all earlier stamps become stale. */
  next(): number {
    if (this.gen >= 0xfffffff0) {
      this.hit.fill(0);
      this.lazyStamp.fill(0);
      for (const s of this.stamps) s.fill(0);
      this.gen = 0;
    }
    return ++this.gen;
  }

  lazyHit(id: number): boolean {
    if (this.lazyStamp[id] === this.gen) return this.lazyVal[id] === 1;
    const fn = this.lazy[id];
    let r = false;
    try {
      r = fn !== undefined && fn(this.view);
    } catch {
      r = false;
    }
    this.lazyStamp[id] = this.gen;
    this.lazyVal[id] = r ? 1 : 0;
    return r;
  }
}
