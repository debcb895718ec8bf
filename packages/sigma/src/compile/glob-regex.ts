import { ONE, STAR } from '../parse/sigma-string.ts';
import type { SigmaPart } from '../parse/sigma-string.ts';

/** Anchored RegExp for wildcard parts (literals already folded when matching case-insensitively). */
export function globRegExp(parts: readonly SigmaPart[]): RegExp {
  let src = '^';
  for (const p of parts) {
    if (p === STAR) src += '[\\s\\S]*';
    else if (p === ONE) src += '[\\s\\S]';
    else src += p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`${src}$`);
}
