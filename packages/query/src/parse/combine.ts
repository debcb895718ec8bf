import type { QueryExpr } from '../ast/query-expr.ts';

/** Joins conditions with AND/OR, flattening nested ones of the same kind; one item stands alone. */
export function combine(kind: 'and' | 'or', items: readonly QueryExpr[]): QueryExpr | undefined {
  const flat: QueryExpr[] = [];
  for (const item of items) {
    // `*` is true: it vanishes from an AND and absorbs an OR.
    if (item.kind === 'all') {
      if (kind === 'or') return item;
      continue;
    }
    if (item.kind === kind) flat.push(...item.items);
    else flat.push(item);
  }
  if (flat.length === 0 && items.length > 0) return { kind: 'all' };
  if (flat.length === 0) return undefined;
  if (flat.length === 1) return flat[0];
  return { kind, items: flat };
}
