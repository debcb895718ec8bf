import { canonicalNumber, foldCase, likePattern } from '@vigil/query';
import type { Bound, CmpOp, QueryExpr, RangeExpr } from '@vigil/query';
import type { SqlParams } from '../events/sql-params.ts';
import { anyElementSql, fieldEachSql, fieldPresentSql } from './sqlite-field-sql.ts';

const OPS: Record<CmpOp, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };
const NUMERIC = "j.type IN ('integer', 'real')";

/**
 * Compiles a search condition to a SQLite boolean over `doc` (and `ts`, the stored event time),
 * agreeing with the reference evaluator `compileExpr`. Every literal and JSON path is a bound
 * parameter; each fragment is 0/1, never NULL, so NOT is plain negation.
 */
export function compileSqliteExpr(expr: QueryExpr, params: SqlParams, now: number): string {
  switch (expr.kind) {
    case 'all':
      return '1';
    case 'and':
      return expr.items.length === 0
        ? '1'
        : `(${expr.items.map((i) => compileSqliteExpr(i, params, now)).join(' AND ')})`;
    case 'or':
      return expr.items.length === 0
        ? '0'
        : `(${expr.items.map((i) => compileSqliteExpr(i, params, now)).join(' OR ')})`;
    case 'not':
      return `(NOT ${compileSqliteExpr(expr.item, params, now)})`;
    case 'eq':
      return anyElementSql(fieldEachSql(expr.field, params), equalsAny([expr.value], params));
    case 'in':
      return anyElementSql(fieldEachSql(expr.field, params), equalsAny(expr.values, params));
    case 'wildcard':
      return anyElementSql(
        fieldEachSql(expr.field, params),
        `vigil_text(j.value, j.type) LIKE ${params.add(likePattern(expr.pattern))} ESCAPE '\\'`,
      );
    case 'cidr':
      return anyElementSql(
        fieldEachSql(expr.field, params),
        `vigil_cidr(j.value, j.type, ${params.add(expr.network)})`,
      );
    case 'cmp':
      return compareSql(expr.field, [[expr.op, expr.value]], params, now);
    case 'range':
      return compareSql(expr.field, rangeBounds(expr), params, now);
    case 'exists':
      return fieldPresentSql(expr.field, params);
    case 'text': {
      const pattern = params.add(likePattern(expr.pattern, true));
      const message = params.add('$."message"');
      return `((json_type(doc, ${message}) = 'text' AND vigil_fold(json_extract(doc, ${message})) LIKE ${pattern} ESCAPE '\\')
        OR EXISTS (SELECT 1 FROM json_tree(doc, ${params.add('$."raw"')}) AS t
          WHERE t.type = 'text' AND vigil_fold(t.value) LIKE ${pattern} ESCAPE '\\'))`;
    }
    default: {
      const never: never = expr;
      throw new TypeError(`unknown condition ${JSON.stringify(never)}`);
    }
  }
}

/** Strings case-insensitively, numbers by canonical text (`4688` ↔ "4688"), booleans by name. */
function equalsAny(values: readonly string[], params: SqlParams): string {
  const folded = [...new Set(values.map(foldCase))];
  const numbers = [...new Set(values.map(canonicalNumber).filter((n) => n !== undefined))];
  const parts = [
    `(j.type = 'text' AND vigil_fold(j.value) IN (${folded.map((v) => params.add(v)).join(', ')}))`,
  ];
  if (numbers.length > 0)
    parts.push(`(${NUMERIC} AND j.value IN (${numbers.map((n) => params.add(n)).join(', ')}))`);
  for (const b of ['true', 'false']) if (folded.includes(b)) parts.push(`j.type = '${b}'`);
  return parts.join(' OR ');
}

function rangeBounds(expr: RangeExpr): [CmpOp, Bound][] {
  const out: [CmpOp, Bound][] = [];
  if (expr.lower) out.push([expr.lower.inclusive ? 'gte' : 'gt', expr.lower.value]);
  if (expr.upper) out.push([expr.upper.inclusive ? 'lte' : 'lt', expr.upper.value]);
  return out;
}

/**
 * Comparisons; every bound must hold for the same element. Times on `@timestamp` use the stored event
 * time `ts` (the partition key, so the day tables are pruned); elsewhere values are parsed as times.
 */
function compareSql(
  field: string,
  bounds: readonly [CmpOp, Bound][],
  params: SqlParams,
  now: number,
): string {
  if (bounds.length === 0) return anyElementSql(fieldEachSql(field, params), '1');
  if (field === '@timestamp' && bounds.every(([, b]) => b.type === 'time' || b.type === 'now')) {
    return `(${bounds.map(([op, b]) => `ts ${OPS[op]} ${params.add(timeOf(b, now))}`).join(' AND ')})`;
  }
  const tests = bounds.map(([op, b]) => {
    switch (b.type) {
      case 'number':
        return `vigil_num(j.value, j.type) ${OPS[op]} ${params.add(b.value)}`;
      case 'time':
      case 'now':
        return `vigil_time(j.value, j.type) ${OPS[op]} ${params.add(timeOf(b, now))}`;
      case 'string':
        return `(j.type = 'text' AND j.value ${OPS[op]} ${params.add(b.value)})`;
      default: {
        const never: never = b;
        throw new TypeError(`unknown bound ${JSON.stringify(never)}`);
      }
    }
  });
  return anyElementSql(fieldEachSql(field, params), tests.join(' AND '));
}

function timeOf(b: Bound, now: number): number {
  return b.type === 'time' ? b.ms : b.type === 'now' ? now + b.offsetMs : Number.NaN;
}
