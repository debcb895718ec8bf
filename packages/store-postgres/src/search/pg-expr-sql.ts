import { canonicalNumber, foldCase, parseCidr, likePattern } from '@vigil/query';
import type { Bound, CmpOp, CidrExpr, QueryExpr, RangeExpr } from '@vigil/query';
import type { PgParams } from '../events/pg-params.ts';
import { anyElementSql, fieldValueSql, foldSql, presentSql } from './pg-field-sql.ts';
import { cidrSql, numSql, scalarTextSql, timeSql } from './pg-value-sql.ts';

const OPS: Record<CmpOp, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

/**
 * Compiles a search condition to a PostgreSQL boolean over `doc` (jsonb) and `ts`, agreeing with the
 * reference evaluator `compileExpr`. Every literal and key is a bound parameter; fragments are never
 * NULL (each is wrapped in EXISTS or coalesce), so NOT is plain negation.
 */
export function compilePgExpr(expr: QueryExpr, params: PgParams, now: number): string {
  switch (expr.kind) {
    case 'all':
      return 'TRUE';
    case 'and':
      return expr.items.length === 0
        ? 'TRUE'
        : `(${expr.items.map((i) => compilePgExpr(i, params, now)).join(' AND ')})`;
    case 'or':
      return expr.items.length === 0
        ? 'FALSE'
        : `(${expr.items.map((i) => compilePgExpr(i, params, now)).join(' OR ')})`;
    case 'not':
      return `(NOT ${compilePgExpr(expr.item, params, now)})`;
    case 'eq':
      return anyElementSql(fieldValueSql(expr.field, params), equalsAny([expr.value], params));
    case 'in':
      return anyElementSql(fieldValueSql(expr.field, params), equalsAny(expr.values, params));
    case 'wildcard':
      return anyElementSql(
        fieldValueSql(expr.field, params),
        `coalesce(${scalarTextSql('v')} LIKE ${params.add(likePattern(expr.pattern), 'text')} ESCAPE '\\', FALSE)`,
      );
    case 'cidr':
      return anyElementSql(
        fieldValueSql(expr.field, params),
        cidrSql('v', params.add(mappedNetwork(expr), 'inet')),
      );
    case 'cmp':
      return compareSql(expr.field, [[expr.op, expr.value]], params, now);
    case 'range':
      return compareSql(expr.field, rangeBounds(expr), params, now);
    case 'exists':
      return presentSql(fieldValueSql(expr.field, params));
    case 'text': {
      const pattern = params.add(likePattern(expr.pattern, true), 'text');
      return `((jsonb_typeof(doc -> 'message') = 'string' AND ${foldSql(`(doc ->> 'message')`)} LIKE ${pattern} ESCAPE '\\')
        OR EXISTS (SELECT 1 FROM jsonb_path_query(doc -> 'raw', 'strict $.**') AS t(v)
          WHERE jsonb_typeof(t.v) = 'string' AND ${foldSql(`(t.v #>> '{}')`)} LIKE ${pattern} ESCAPE '\\'))`;
    }
    default: {
      const never: never = expr;
      throw new TypeError(`unknown condition ${JSON.stringify(never)}`);
    }
  }
}

/** Strings case-insensitively, numbers by canonical text (`4688` ↔ "4688"), booleans by name. */
function equalsAny(values: readonly string[], params: PgParams): string {
  const folded = [...new Set(values.map(foldCase))];
  const numbers = [...new Set(values.map(canonicalNumber).filter((n) => n !== undefined))];
  const parts = [
    `(jsonb_typeof(v) = 'string' AND ${foldSql(`(v #>> '{}')`)} = ANY (${params.add(folded, 'text[]')}))`,
  ];
  if (numbers.length > 0) {
    parts.push(
      `(jsonb_typeof(v) = 'number' AND (v)::numeric = ANY (${params.add(numbers.map(String), 'numeric[]')}))`,
    );
  }
  for (const b of ['true', 'false']) if (folded.includes(b)) parts.push(`v = '${b}'::jsonb`);
  return parts.join(' OR ');
}

/** IPv4 networks as their IPv4-mapped IPv6 block, so one inet containment test covers both families. */
function mappedNetwork(expr: CidrExpr): string {
  if (expr.family === 6) return expr.network;
  const cidr = parseCidr(expr.network);
  return `::ffff:${expr.network.slice(0, expr.network.lastIndexOf('/'))}/${96 + (cidr?.prefix ?? expr.prefix)}`;
}

function rangeBounds(expr: RangeExpr): [CmpOp, Bound][] {
  const out: [CmpOp, Bound][] = [];
  if (expr.lower) out.push([expr.lower.inclusive ? 'gte' : 'gt', expr.lower.value]);
  if (expr.upper) out.push([expr.upper.inclusive ? 'lte' : 'lt', expr.upper.value]);
  return out;
}

/**
 * Comparisons; every bound must hold for the same element. Times on `@timestamp` use the stored event
 * time `ts` (the partition key, so partitions are pruned); elsewhere values are parsed as times.
 */
function compareSql(field: string, bounds: readonly [CmpOp, Bound][], params: PgParams, now: number): string {
  if (
    field === '@timestamp' &&
    bounds.length > 0 &&
    bounds.every(([, b]) => b.type === 'time' || b.type === 'now')
  ) {
    return `(${bounds.map(([op, b]) => `ts ${OPS[op]} ${params.add(timeOf(b, now), 'bigint')}`).join(' AND ')})`;
  }
  const tests = bounds.map(([op, b]) => {
    switch (b.type) {
      case 'number':
        return `${numSql('v')} ${OPS[op]} ${params.add(String(b.value), 'numeric')}`;
      case 'time':
      case 'now':
        return `${timeSql('v')} ${OPS[op]} ${params.add(timeOf(b, now), 'numeric')}`;
      case 'string':
        return `(jsonb_typeof(v) = 'string' AND (v #>> '{}') COLLATE "C" ${OPS[op]} ${params.add(b.value, 'text')})`;
      default: {
        const never: never = b;
        throw new TypeError(`unknown bound ${JSON.stringify(never)}`);
      }
    }
  });
  return anyElementSql(fieldValueSql(field, params), `coalesce(${tests.join(' AND ') || 'TRUE'}, FALSE)`);
}

function timeOf(b: Bound, now: number): number {
  return b.type === 'time' ? b.ms : b.type === 'now' ? Math.floor(now + b.offsetMs) : Number.NaN;
}
