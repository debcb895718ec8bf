import type { Bound, QueryExpr, RangeEnd, WildcardPart } from '../ast/query-expr.ts';

/**
 * Prints a condition as canonical query text that parses back to the same condition: values quoted,
 * every AND/OR nesting parenthesised. Example: `formatExpr(parse('a:b c').search)` → `a:"b" AND "c"`.
 */
export function formatExpr(expr: QueryExpr): string {
  switch (expr.kind) {
    case 'all':
      return '*';
    case 'and':
    case 'or':
      return expr.items
        .map((i) => (i.kind === 'and' || i.kind === 'or' ? `(${formatExpr(i)})` : formatExpr(i)))
        .join(` ${expr.kind.toUpperCase()} `);
    case 'not': {
      const inner = formatExpr(expr.item);
      return expr.item.kind === 'and' || expr.item.kind === 'or' ? `NOT (${inner})` : `NOT ${inner}`;
    }
    case 'eq':
      return `${expr.field}:${quote([expr.value])}`;
    case 'in':
      return `${expr.field}:(${expr.values.map((v) => quote([v])).join(' OR ')})`;
    case 'wildcard':
      return `${expr.field}:${quote(expr.pattern)}`;
    case 'cidr':
      return `${expr.field}:${expr.network}`;
    case 'cmp':
      return `${expr.field} ${{ gt: '>', gte: '>=', lt: '<', lte: '<=' }[expr.op]} ${formatBound(expr.value)}`;
    case 'range':
      return `${expr.field}:${expr.lower?.inclusive === false ? '{' : '['}${end(expr.lower)} TO ${end(expr.upper)}${expr.upper?.inclusive === false ? '}' : ']'}`;
    case 'exists':
      return `${expr.field}:*`;
    case 'text':
      return quote(expr.pattern);
    default: {
      const never: never = expr;
      throw new TypeError(`unknown condition ${JSON.stringify(never)}`);
    }
  }
}

function end(e: RangeEnd | undefined): string {
  return e === undefined ? '*' : formatBound(e.value);
}

function formatBound(b: Bound): string {
  return b.type === 'number' ? b.text : quote([b.text]);
}

/** Quotes a value: `\`, `"`, and literal `*`/`?` are escaped; wildcard parts stay active. */
export function quote(parts: readonly WildcardPart[]): string {
  const body = parts
    .map((p) => (typeof p === 'string' ? p.replace(/[\\"*?]/g, (c) => `\\${c}`) : p.wildcard))
    .join('');
  return `"${body}"`;
}
