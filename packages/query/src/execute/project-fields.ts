import { getField } from '@vigil/core';
import type { Row } from '../match/compile-expr.ts';

/** `fields a, b`: a row of exactly those columns under their flat dotted names; missing → null. */
export function keepFields(row: Row, fields: readonly string[]): Row {
  const out: Row = {};
  for (const f of fields) out[f] = getField(row, f) ?? null;
  return out;
}

/** `fields - a`: the row without the field (nested or flat key), sharing everything else. */
export function dropField(row: Row, path: string): Row {
  if (path in row) {
    const copy = { ...row };
    delete copy[path];
    return copy;
  }
  for (let i = path.lastIndexOf('.'); i > 0; i = path.lastIndexOf('.', i - 1)) {
    const head = path.slice(0, i);
    const child = row[head];
    if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
      return { ...row, [head]: dropField(child as Row, path.slice(i + 1)) };
    }
  }
  return row;
}
