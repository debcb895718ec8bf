import type { PoolClient } from 'pg';
import type { Aggregation, StatsStage, TimechartStage } from '@vigil/query';
import { PgParams } from '../events/pg-params.ts';
import { GroupTable, MAX_GROUPS, tooManyGroups } from '@vigil/query';
import { elementsSql, fieldValueSql, NUMERIC_RE, presentSql } from './pg-field-sql.ts';
import { numSql } from './pg-value-sql.ts';

/** Builds the base rows (space_id, ts, id, doc) as a parenthesised SELECT, binding into `params`. */
export type BaseRelation = (params: PgParams) => string;

interface Grouping {
  keyCols: string[];
  keyNames: string[];
  joins: string;
}

/**
 * Runs stats/timechart as GROUP BY statements over the base rows: one for the groups with
 * count()/count(f), one per aggregated field for dc/sum/avg/min/max over its elements. Array by-fields
 * put a row in one group per distinct element (a per-row DISTINCT in the lateral join); missing ones group under
 * NULL. Group keys are jsonb values (type-exact: 4688 and "4688" are two groups).
 */
export async function aggregatePg(
  client: PoolClient,
  base: BaseRelation,
  stage: StatsStage | TimechartStage,
): Promise<GroupTable> {
  const table = new GroupTable();
  const bucket = stage.kind === 'timechart';
  const counts = stage.aggregations.filter((a) => a.fn === 'count');
  {
    const params = new PgParams();
    const from = base(params);
    const g = grouping(stage, params);
    const present = (a: Aggregation) =>
      `${presentSql(fieldValueSql(a.field as string, params, 'b.doc'))}::int`;
    const cols = counts.map(
      (a, i) => `${a.field === undefined ? 'count(*)' : `coalesce(sum(${present(a)}), 0)`} AS a${i}`,
    );
    const sql =
      g.keyNames.length === 0
        ? `SELECT ${['count(*) AS n', ...cols].join(', ')} FROM ${from} AS b`
        : `SELECT ${[...g.keyCols, 'count(*) AS n', ...cols].join(', ')} FROM ${from} AS b ${g.joins}
           GROUP BY ${g.keyNames.map((_, i) => String(i + 1)).join(', ')} LIMIT ${params.add(MAX_GROUPS + 1, 'int')}`;
    const rows = (await client.query<Record<string, unknown>>(sql, params.values)).rows;
    if (rows.length > MAX_GROUPS) throw tooManyGroups();
    for (const r of rows) {
      const values = g.keyNames.map((k, i) => keyValue(r[k], bucket && i === 0));
      table.add(values);
      counts.forEach((a, i) => table.set(values, a.name, Number(r[`a${i}`] ?? 0)));
    }
  }
  const byField = new Map<string, Aggregation[]>();
  for (const a of stage.aggregations) {
    if (a.fn === 'count' || a.field === undefined) continue;
    byField.set(a.field, [...(byField.get(a.field) ?? []), a]);
  }
  for (const [field, aggs] of byField) {
    const params = new PgParams();
    const from = base(params);
    const g = grouping(stage, params);
    const each = `JOIN LATERAL ${elementsSql(fieldValueSql(field, params, 'b.doc'))} AS e(v) ON jsonb_typeof(e.v) <> 'null'`;
    const text = `btrim(e.v #>> '{}', E' \\t\\n\\r\\f\\v')`;
    const num = numSql('e.v');
    const str = `CASE WHEN jsonb_typeof(e.v) = 'string' AND NOT (${text} ~ '${NUMERIC_RE}') THEN e.v #>> '{}' END`;
    const fns = new Set(aggs.map((a) => a.fn));
    const aggCols = [
      ...(fns.has('dc') ? ['count(DISTINCT e.v) AS dc'] : []),
      ...(fns.has('sum') || fns.has('avg') ? [`sum(${num}) AS s`, `count(${num}) AS nn`] : []),
      ...(fns.has('min') ? [`min(${num}) AS nmin`, `min((${str}) COLLATE "C") AS smin`] : []),
      ...(fns.has('max') ? [`max(${num}) AS nmax`, `max((${str}) COLLATE "C") AS smax`] : []),
    ];
    const sql = `SELECT ${[...g.keyCols, ...aggCols].join(', ')} FROM ${from} AS b ${g.joins} ${each}${
      g.keyNames.length > 0 ? ` GROUP BY ${g.keyNames.map((_, i) => String(i + 1)).join(', ')}` : ''
    }`;
    for (const r of (await client.query<Record<string, unknown>>(sql, params.values)).rows) {
      const values = g.keyNames.map((k, i) => keyValue(r[k], bucket && i === 0));
      for (const a of aggs) table.set(values, a.name, fieldResult(a, r));
    }
  }
  return table;
}

function grouping(stage: StatsStage | TimechartStage, params: PgParams): Grouping {
  const keys: string[] = [];
  const joins: string[] = [];
  if (stage.kind === 'timechart') {
    const span = params.add(stage.spanMs, 'bigint');
    keys.push(`(b.ts - (((b.ts % ${span}) + ${span}) % ${span}))`);
  }
  const by = stage.kind === 'stats' ? stage.by : stage.by === undefined ? [] : [stage.by];
  by.forEach((field, i) => {
    // One group per distinct element of an array (a row counts once per group).
    joins.push(
      `LEFT JOIN LATERAL (SELECT DISTINCT x.v FROM ${elementsSql(fieldValueSql(field, params, 'b.doc'))} AS x(v)
        WHERE jsonb_typeof(x.v) <> 'null') AS g${i} ON TRUE`,
    );
    keys.push(`g${i}.v`);
  });
  return {
    keyCols: keys.map((k, i) => `${k} AS k${i}`),
    keyNames: keys.map((_, i) => `k${i}`),
    joins: joins.join(' '),
  };
}

/** jsonb keys arrive parsed; bucket starts arrive as bigint text. */
function keyValue(value: unknown, isBucket: boolean): unknown {
  if (value === null || value === undefined) return null;
  return isBucket ? Number(value) : value;
}

function num(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function fieldResult(a: Aggregation, r: Record<string, unknown>): unknown {
  switch (a.fn) {
    case 'dc':
      return Number(r['dc'] ?? 0);
    case 'sum':
      return num(r['s']);
    case 'avg': {
      const s = num(r['s']);
      const n = Number(r['nn'] ?? 0);
      return s === null || n === 0 ? null : s / n;
    }
    case 'min':
      return num(r['nmin']) ?? r['smin'] ?? null;
    case 'max':
      return num(r['nmax']) ?? r['smax'] ?? null;
    case 'count':
      return null;
  }
}
