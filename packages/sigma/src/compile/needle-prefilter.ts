/** ASCII characters no other character case-folds to or from: digits, punctuation, space, controls. */
function caseless(c: number): boolean {
  return c < 128 && !((c >= 65 && c <= 90) || (c >= 97 && c <= 122));
}

/** The longest run of caseless characters in `needle` (the first one on ties). */
function longestCaselessRun(needle: string): string {
  let best = '';
  for (let i = 0; i < needle.length;) {
    if (!caseless(needle.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < needle.length && caseless(needle.charCodeAt(j))) j++;
    if (j - i > best.length) best = needle.slice(i, j);
    i = j;
  }
  return best;
}

/** Anchors tried with `includes` at most; more would cost more than the regex they spare. */
const maxAnchors = 4;

/**
 * A cheap native check that a text may hold one of a set of (folded) needles, exact like one
 * case-insensitive alternation of them but cheaper on most texts: needles holding a run of two or
 * more caseless ASCII characters (`::` in `sekurlsa::`) can only occur in a text holding that run,
 * which `includes` finds at memchr speed without case folding. A text without any such run is tested
 * against the alternation of the other needles only (5 instead of 20 for the mimikatz keywords);
 * a text with one, against all of them. When the runs turn out to be common (more than 1/8 of the
 * texts) the anchors are dropped and every text gets the full alternation.
 * Example: `needlePrefilter(['sekurlsa::', 'mimikatz'])?.search('x SEKURLSA::logonpasswords')` → 2.
 */
export class NeedlePrefilter {
  private anchors: readonly string[];
  /** Alternation of the needles no anchor covers (null: every needle is covered). */
  private rest: RegExp | null;
  /** Alternation of every needle. */
  private readonly all: RegExp;
  private tests = 0;
  private anchorHits = 0;

  constructor(anchors: readonly string[], rest: RegExp | null, all: RegExp) {
    this.anchors = anchors;
    this.rest = rest;
    this.all = all;
  }

  /** Whether a needle occurs in `text` (case-insensitively). */
  test(text: string): boolean {
    if (this.anchors.length === 0) return this.all.test(text);
    let hit = false;
    for (const a of this.anchors)
      if (text.includes(a)) {
        hit = true;
        break;
      }
    if (hit) this.anchorHits++;
    if (++this.tests === 1024) {
      // Runs such as `:\\` or ` -` occur in most values of some data: then one regex is cheaper.
      if (this.anchorHits > 128) this.anchors = [];
      this.tests = 0;
      this.anchorHits = 0;
    }
    if (hit) return this.all.test(text);
    return this.rest !== null && this.rest.test(text);
  }

  /** Position of the first needle occurrence in `text`, or -1 (a slower builtin: call after `test`). */
  search(text: string): number {
    return text.search(this.all);
  }
}

function alternation(needles: readonly string[]): RegExp | null {
  if (needles.length === 0) return null;
  try {
    return new RegExp(needles.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'iu');
  } catch {
    return null;
  }
}

/**
 * The prefilter of a needle set, or null when none is worth it (large sets stay in V8's regexp
 * interpreter, slower than the automaton itself). Needles must be case-folded already. Without
 * `anchored` it is the plain alternation: anchors pay off on keyword search (every value of every
 * event, where runs like `::` are rare); in single fields such as `Image`, runs like `:\\` are in
 * almost every value.
 */
export function needlePrefilter(needles: readonly string[], anchored = true): NeedlePrefilter | null {
  if (needles.length === 0 || needles.length > 256) return null;
  if (needles.reduce((n, s) => n + s.length, 0) > 8192) return null;
  const all = alternation(needles);
  if (all === null) return null;
  if (!anchored) return new NeedlePrefilter([], null, all);
  const byRun = new Map<string, string[]>();
  for (const n of needles) {
    const run = longestCaselessRun(n);
    if (run.length < 2) continue;
    const list = byRun.get(run) ?? [];
    list.push(n);
    byRun.set(run, list);
  }
  // The runs shared by most needles, while they are few; the other needles go to `rest`.
  const chosen = [...byRun.entries()]
    .filter(([, list]) => list.length >= 2)
    .sort((x, y) => y[1].length - x[1].length)
    .slice(0, maxAnchors);
  if (chosen.length === 0) return new NeedlePrefilter([], null, all);
  const covered = new Set(chosen.flatMap(([, list]) => list));
  const others = needles.filter((n) => !covered.has(n));
  const rest = alternation(others);
  if (rest === null && others.length > 0) return new NeedlePrefilter([], null, all);
  return new NeedlePrefilter(
    chosen.map(([run]) => run),
    rest,
    all,
  );
}
