// Mirrors packages/identity/src/passwords/is-common-password.ts for live feedback; the server stays the authority.
import { COMMON_PASSWORDS } from './common-passwords.ts';

// Light leet-speak: the substitutions people make to satisfy composition rules. `1` may stand for i or l.
const LEET: Record<string, string> = {
  '0': 'o',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

// Digits and symbols people append or prepend to a weak word (`Dragon2024!`, `!!monkey`).
const EDGE_JUNK = /^[\d!@#$%^&*?._+=~-]+|[\d!@#$%^&*?._+=~-]+$/gu;

function deleet(word: string, one: 'i' | 'l'): string {
  let out = '';
  for (const ch of word) out += ch === '1' ? one : (LEET[ch] ?? ch);
  return out;
}

/** True for a run of one character (`aaaaaaaa`) or a straight ascending/descending sequence (`12345678`, `hgfedcba`). */
function isTrivialSequence(word: string): boolean {
  const cps = [...word].map((c) => c.codePointAt(0) ?? 0);
  if (cps.length < 4) return false;
  const first = cps[0] ?? 0;
  const step = (cps[1] ?? 0) - first;
  if (Math.abs(step) > 1) return false;
  return cps.every((cp, i) => cp === first + step * i);
}

/**
 * True when the password is, after lower-casing, light leet-speak decoding and stripping leading and
 * trailing digits/symbols, in the common-password list — or a trivial run/sequence.
 * Example: `isCommonPassword('P@ssw0rd2024!')` → true.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const stripped = lower.replace(EDGE_JUNK, '');
  const candidates = new Set<string>([lower, stripped]);
  for (const base of [lower, stripped]) {
    candidates.add(deleet(base, 'i'));
    candidates.add(deleet(base, 'l'));
  }
  for (const c of candidates) {
    if (c.length > 0 && COMMON_PASSWORDS.has(c)) return true;
  }
  return isTrivialSequence(lower);
}
