import type { WildcardPart } from '../ast/query-expr.ts';
import { foldCase } from './fold-case.ts';

/** A compiled pattern: segments between `*`, each a list of code points where `null` is `?`. */
export type WildcardMatcher = (value: string) => boolean;

type Segment = readonly (string | null)[];

/**
 * Compiles a wildcard pattern into a case-insensitive whole-value matcher without building a RegExp
 * from user text. `contains` adds an implicit `*` at both ends (free text). Segments are placed
 * greedily leftmost, which is exact for `*`/`?` globs and runs in O(value × pattern) at worst.
 */
export function compileWildcard(pattern: readonly WildcardPart[], contains = false): WildcardMatcher {
  const segments: Segment[] = [[]];
  for (const part of pattern) {
    if (typeof part === 'string')
      (segments[segments.length - 1] as (string | null)[]).push(...Array.from(foldCase(part)));
    else if (part.wildcard === '?') (segments[segments.length - 1] as (string | null)[]).push(null);
    else segments.push([]);
  }
  const anchoredStart = !contains;
  const anchoredEnd = !contains;
  const hasStar = segments.length > 1;
  return (value: string) => {
    const chars = Array.from(foldCase(value));
    if (!hasStar && anchoredStart && anchoredEnd) {
      return chars.length === (segments[0] as Segment).length && matchesAt(chars, 0, segments[0] as Segment);
    }
    let pos = 0;
    let first = 0;
    let last = segments.length;
    if (anchoredStart) {
      const head = segments[0] as Segment;
      if (!matchesAt(chars, 0, head)) return false;
      pos = head.length;
      first = 1;
    }
    let tailStart = chars.length;
    if (anchoredEnd) {
      const tail = segments[segments.length - 1] as Segment;
      tailStart = chars.length - tail.length;
      if (tailStart < pos || !matchesAt(chars, tailStart, tail)) return false;
      last = segments.length - 1;
    }
    for (let s = first; s < last; s++) {
      const seg = segments[s] as Segment;
      const at = findFrom(chars, pos, tailStart, seg);
      if (at < 0) return false;
      pos = at + seg.length;
    }
    return true;
  };
}

function matchesAt(chars: readonly string[], at: number, seg: Segment): boolean {
  if (at + seg.length > chars.length) return false;
  for (let i = 0; i < seg.length; i++) {
    const p = seg[i];
    if (p !== null && p !== chars[at + i]) return false;
  }
  return true;
}

/** First index in [from, limit - seg.length] where `seg` matches, or -1. */
function findFrom(chars: readonly string[], from: number, limit: number, seg: Segment): number {
  for (let at = from; at + seg.length <= limit; at++) if (matchesAt(chars, at, seg)) return at;
  return -1;
}
