import { getField } from '@vigil/core';
import type { SortKey } from '../ast/query-plan.ts';
import type { Row } from '../match/compile-expr.ts';
import { compareValues, isMissing } from '../match/value-compare.ts';

/** Stable multi-key sort; missing values go last whatever the direction (as ES `missing: _last`). */
export function sortRows(rows: readonly Row[], keys: readonly SortKey[]): Row[] {
  const decorated = rows.map((row) => ({ row, keys: keys.map((k) => getField(row, k.field)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const x = a.keys[i];
      const y = b.keys[i];
      const mx = isMissing(x);
      const my = isMissing(y);
      if (mx || my) {
        if (mx !== my) return mx ? 1 : -1;
        continue;
      }
      const c = compareValues(x, y);
      if (c !== 0) return keys[i]?.order === 'desc' ? -c : c;
    }
    return 0;
  });
  return decorated.map((d) => d.row);
}
