/** States in BFS order whose transition rows are stored densely (complete DFA rows). */
const denseCells = 1 << 18;
/** Automata up to this many cells are stored fully dense. */
const fullDenseCells = 1 << 19;

import { foldTable } from './fold-case.ts';

/**
 * Aho–Corasick automaton over the needles' own alphabet. The shallow states (BFS order, where a scan
 * spends most of its time) get complete DFA rows: one table lookup per character; deeper states keep
 * their trie edges and fall back through failure links. Reports (needle, end position) pairs.
 */
export class AhoCorasick {
  private readonly ascii = new Int32Array(128);
  private readonly wide = new Map<number, number>();
  private readonly fold: Uint16Array;
  /** Classes covered by the dense rows: all of them, or (large automata) the ASCII ones. */
  private readonly denseWidth: number;
  private readonly denseCount: number;
  private dense: Int32Array;
  private readonly edgeStart: Int32Array;
  private readonly edgeCls: Int32Array;
  private readonly edgeNext: Int32Array;
  private readonly fail: Int32Array;
  /** Needle indexes ending at each state (own and inherited through failure links), or null. */
  private readonly outs: (Int32Array | null)[];
  readonly needles: readonly string[];
  readonly lengths: Int32Array;
  /** Length of the shortest needle: shorter texts cannot hold any. */
  readonly minLength: number;
  /** Fully dense automata only: rows of a power-of-two width holding pre-shifted next-state offsets. */
  private readonly rows: Int32Array | null = null;
  private readonly shift: number = 0;
  private readonly hasOut: Uint8Array | null = null;
  /** Per needle: the scan (generation) after which its further occurrences are not reported. */
  private readonly done: Uint32Array;
  private scanGen = 0;

  /** `needles` must be case-folded already; scanned text is folded code unit by code unit. */
  constructor(needles: readonly string[]) {
    this.needles = needles;
    this.fold = foldTable();
    this.lengths = Int32Array.from(needles, (n) => n.length);
    this.done = new Uint32Array(needles.length);
    this.minLength = needles.reduce((m, n) => Math.min(m, n.length), Number.MAX_SAFE_INTEGER);
    // ASCII classes first: dense rows of large automata cover only them (see denseWidth).
    let classes = 1;
    for (const n of needles) {
      for (let i = 0; i < n.length; i++) {
        const c = n.charCodeAt(i);
        if (c < 128 && this.ascii[c] === 0) this.ascii[c] = classes++;
      }
    }
    const asciiClasses = classes;
    for (const n of needles) {
      for (let i = 0; i < n.length; i++) {
        const c = n.charCodeAt(i);
        if (c >= 128 && !this.wide.has(c)) this.wide.set(c, classes++);
      }
    }

    // Upper-case (and other unfolded) ASCII letters share their folded letter's class.
    for (let c = 0; c < 128; c++) {
      const f = this.fold[c] as number;
      if (f !== c && f < 128) this.ascii[c] = this.ascii[f] as number;
    }
    // Trie in creation order: edges in one map keyed by state * width + class.
    const edges = new Map<number, number>();
    const parent: number[] = [0];
    const edgeClass: number[] = [0];
    const ownOf = new Map<number, number[]>();
    needles.forEach((needle, idx) => {
      let s = 0;
      for (let i = 0; i < needle.length; i++) {
        const k = this.classOf(needle.charCodeAt(i));
        const key = s * classes + k;
        let next = edges.get(key);
        if (next === undefined) {
          next = parent.length;
          parent.push(s);
          edgeClass.push(k);
          edges.set(key, next);
        }
        s = next;
      }
      const o = ownOf.get(s);
      if (o) o.push(idx);
      else ownOf.set(s, [idx]);
    });
    const n = parent.length;
    // Children lists (counting sort by parent), then BFS order so shallow states form the dense prefix.
    const childStart = new Int32Array(n + 1);
    for (let c = 1; c < n; c++) {
      const p = (parent[c] as number) + 1;
      childStart[p] = (childStart[p] as number) + 1;
    }
    for (let i = 0; i < n; i++) childStart[i + 1] = (childStart[i + 1] as number) + (childStart[i] as number);
    const fillPos = childStart.slice(0, n);
    const children = new Int32Array(Math.max(0, n - 1));
    for (let c = 1; c < n; c++) {
      const p = parent[c] as number;
      children[fillPos[p] as number] = c;
      fillPos[p] = (fillPos[p] as number) + 1;
    }
    const order = new Int32Array(n);
    let tail = 1;
    for (let i = 0; i < n; i++) {
      const s = order[i] as number;
      for (let j = childStart[s] as number; j < (childStart[s + 1] as number); j++)
        order[tail++] = children[j] as number;
    }
    const newId = new Int32Array(n);
    order.forEach((old, i) => (newId[old] = i));
    this.edgeStart = new Int32Array(n + 1);
    this.edgeCls = new Int32Array(Math.max(0, n - 1));
    this.edgeNext = new Int32Array(Math.max(0, n - 1));
    let e = 0;
    for (let i = 0; i < n; i++) {
      this.edgeStart[i] = e;
      const old = order[i] as number;
      for (let j = childStart[old] as number; j < (childStart[old + 1] as number); j++) {
        const c = children[j] as number;
        this.edgeCls[e] = edgeClass[c] as number;
        this.edgeNext[e] = newId[c] as number;
        e++;
      }
    }
    this.edgeStart[n] = e;
    const own: (number[] | undefined)[] = new Array<number[] | undefined>(n);
    for (const [old, list] of ownOf) own[newId[old] as number] = list;
    // Small automata are fully dense (one lookup per character); large ones keep a dense prefix.
    // Needles with many distinct non-ASCII characters (homoglyph rules) would make rows so wide that
    // few states fit: large automata then keep rows for ASCII classes only; others take the edges.
    const full = n * classes <= fullDenseCells;
    const dw = full ? classes : asciiClasses;
    this.denseWidth = dw;
    this.denseCount = full ? n : Math.max(1, Math.min(n, Math.floor(denseCells / dw)));
    this.dense = new Int32Array(this.denseCount * dw);
    this.fail = new Int32Array(n);
    this.outs = new Array<Int32Array | null>(n).fill(null);
    // BFS over the renumbered states: failure links, inherited outputs, dense rows.
    for (let s = 0; s < n; s++) {
      const f = this.fail[s] as number;
      const mine = own[s];
      const inherited = s === 0 ? null : (this.outs[f] ?? null);
      this.outs[s] =
        mine === undefined ? inherited : Int32Array.from(inherited ? [...mine, ...inherited] : mine);
      if (s < this.denseCount) {
        const base = s * dw;
        if (s !== 0) for (let k = 0; k < dw; k++) this.dense[base + k] = this.step(f, k);
      }
      for (let e = this.edgeStart[s] as number; e < (this.edgeStart[s + 1] as number); e++) {
        const child = this.edgeNext[e] as number;
        const k = this.edgeCls[e] as number;
        if (s < this.denseCount && k < dw) this.dense[s * dw + k] = child;
        this.fail[child] = s === 0 ? 0 : this.step(f, k);
      }
    }
    if (this.denseCount === n && dw === classes) {
      // Pre-shifted row offsets (width rounded up to a power of two) save a multiplication per character.
      const shift = Math.ceil(Math.log2(Math.max(2, classes)));
      const rows = new Int32Array(n << shift);
      const hasOut = new Uint8Array(n);
      for (let st = 0; st < n; st++) {
        for (let k = 0; k < classes; k++)
          rows[(st << shift) + k] = (this.dense[st * classes + k] as number) << shift;
        hasOut[st] = this.outs[st] == null ? 0 : 1;
      }
      this.rows = rows;
      this.shift = shift;
      this.hasOut = hasOut;
      this.dense = new Int32Array(0);
    }
  }

  private classOf(c: number): number {
    return c < 128 ? (this.ascii[c] as number) : (this.wide.get(c) ?? 0);
  }

  /** Transition from state `s` on class `k` (complete automaton semantics). */
  private step(s: number, k: number): number {
    for (;;) {
      if (s < this.denseCount && k < this.denseWidth) return this.dense[s * this.denseWidth + k] as number;
      const end = this.edgeStart[s + 1] as number;
      for (let e = this.edgeStart[s] as number; e < end; e++) {
        if (this.edgeCls[e] === k) return this.edgeNext[e] as number;
      }
      if (s === 0) return 0;
      s = this.fail[s] as number;
    }
  }

  /**
   * Calls `hit(needle, endIndex)` for every occurrence of every needle in `text` starting at or after
   * `from`, in order of end position. When `hit` returns `true`, later occurrences of that needle in
   * this text are not reported (short needles such as `\\` occur many times in one value).
   */
  scan(text: string, from: number, hit: (needle: number, end: number) => unknown): void {
    const {
      ascii,
      wide,
      fold,
      denseWidth,
      dense,
      denseCount,
      outs,
      edgeStart,
      edgeCls,
      edgeNext,
      fail,
      done,
    } = this;
    if (++this.scanGen >= 0xfffffff0) {
      done.fill(0);
      this.scanGen = 1;
    }
    const g = this.scanGen;
    let s = 0;
    const { rows, hasOut, shift } = this;
    if (rows !== null && hasOut !== null) {
      let r = 0;
      for (let i = from; i < text.length; i++) {
        const c = text.charCodeAt(i);
        r = rows[r + (c < 128 ? (ascii[c] as number) : (wide.get(fold[c] as number) ?? 0))] as number;
        if (hasOut[r >> shift] !== 0) {
          const o = outs[r >> shift] as Int32Array;
          for (let j = 0; j < o.length; j++) {
            const n = o[j] as number;
            if (done[n] !== g && hit(n, i) === true) done[n] = g;
          }
        }
      }
      return;
    }
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const k = c < 128 ? (ascii[c] as number) : (wide.get(fold[c] as number) ?? 0);
      for (;;) {
        if (s < denseCount && k < denseWidth) {
          s = dense[s * denseWidth + k] as number;
          break;
        }
        const end = edgeStart[s + 1] as number;
        let e = edgeStart[s] as number;
        for (; e < end; e++) if (edgeCls[e] === k) break;
        if (e < end) {
          s = edgeNext[e] as number;
          break;
        }
        if (s === 0) break;
        s = fail[s] as number;
      }
      const o = outs[s];
      if (o != null) {
        for (let j = 0; j < o.length; j++) {
          const n = o[j] as number;
          if (done[n] !== g && hit(n, i) === true) done[n] = g;
        }
      }
    }
  }

  /**
   * A case-insensitive alternation of the needles: V8 runs it as native code, much faster per character
   * than the automaton, so `text.search(prefilter)` finds where (whether) the automaton must start.
   */
  prefilter(): RegExp | null {
    // Large alternations stay in V8's regexp interpreter (slower than the automaton): keep it small.
    if (this.needles.length === 0 || this.needles.length > 256) return null;
    if (this.needles.reduce((n, s) => n + s.length, 0) > 8192) return null;
    try {
      return new RegExp(this.needles.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'iu');
    } catch {
      return null;
    }
  }

  /** Table size in bytes (for memory reporting). */
  get bytes(): number {
    return (
      this.dense.byteLength + this.edgeCls.byteLength * 2 + this.edgeStart.byteLength + this.fail.byteLength
    );
  }
}
