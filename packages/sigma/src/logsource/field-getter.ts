import { getField } from '@vigil/core';
import { ecsFieldMap, fieldAliases } from './ecs-field-map.ts';
import type { EventView } from './event-view.ts';
import { INTEGRITY_LABEL_FIELD, integrityLabel } from './integrity-level.ts';

export type FieldGetter = (view: EventView) => unknown;

/** Pseudo-field of keyword (full-text) search: every string value of the event. */
export const KEYWORDS_FIELD = '\u0000keywords';

function collectStrings(x: unknown, depth: number, out: string[]): void {
  if (typeof x === 'string') out.push(x);
  else if (typeof x === 'number') out.push(String(x));
  else if (x !== null && typeof x === 'object' && depth < 8) {
    for (const el of Array.isArray(x) ? x : Object.values(x)) collectStrings(el, depth + 1, out);
  }
}

/**
 * All string values of the view (and the document's `message` when the view is not the document),
 * joined by NUL: keyword needles never contain NUL, so one scan of the joined text finds exactly the
 * values that contain a keyword, with one native prefilter call instead of one per value.
 */
function allStrings(v: EventView): string {
  if (v.keywords !== undefined) return v.keywords;
  const out: string[] = [];
  collectStrings(v.fields, 0, out);
  const msg = v.doc['message'];
  if (v.doc !== v.fields && typeof msg === 'string') out.push(msg);
  v.keywords = out.join('\u0000');
  return v.keywords;
}

/**
 * Compiles the lookup of one Sigma field: the flat vendor field, its aliases, a dotted path into the
 * document, then the ECS mapping. Decided once per field at compile time, not per event.
 */
export function fieldGetter(name: string): FieldGetter {
  if (name === KEYWORDS_FIELD) return allStrings;
  if (name === INTEGRITY_LABEL_FIELD) return integrityLabel;
  const aliases = fieldAliases[name] ?? [];
  const ecsPath = ecsFieldMap[name];
  const dotted = name.includes('.');
  const alias0 = aliases[0];
  const alias1 = aliases[1];
  return (v) => {
    const f = v.fields;
    let x = f[name];
    if (x !== undefined) return x;
    if (alias0 !== undefined) {
      x = f[alias0];
      if (x !== undefined) return x;
      if (alias1 !== undefined) {
        x = f[alias1];
        if (x !== undefined) return x;
      }
    }
    if (dotted) {
      x = getField(v.doc, name);
      if (x !== undefined) return x;
    }
    if (v.ecs && ecsPath !== undefined) return getField(v.doc, ecsPath);
    return undefined;
  };
}
