import type { DatabaseSync } from 'node:sqlite';
import type { Aggregation, StatsStage, TimechartStage } from '@vigil/query';
import { SqlParams } from '../events/sql-params.ts';
import { GroupTable, MAX_GROUPS, tooManyGroups } from '@vigil/query';
import { extractedField } from '../events/extracted-columns.ts';
import { fieldEachSql, fieldPathSql, fieldPresentSql } from './sqlite-field-sql.ts';

/** Builds the base rows (space, ts, id, doc) as a parenthesised SELECT, binding into `params`. */
export type BaseRelation = (params: SqlParams) => string;

interface Grouping {
  keyCols: string[];
  keyNames: string[];
  joins: string;
}

/**
 * Runs stats/timechart as GROUP BY statements over the base rows: one statement for the groups with
 * count()/count(f), and one per aggregated field for dc/sum/avg/min/max over its elements. By-fields
 * holding arrays put a row in one group per distinct element (each element joins at its first
 * occurrence, so no DISTINCT over all rows is needed); missing ones group under NULL. Group keys are JSON texts (type-exact: 4688 and "4688" are two groups).
 */
export function aggregateSqlite(
  db: DatabaseSync,
  base: BaseRelation,
  stage: StatsStage | TimechartStage,
): GroupTable {
  const table = new GroupTable();
  const bucket = stage.kind === 'timechart';
  const counts = stage.aggregations.filter((a) => a.fn === 'count');
  {
    const params = new SqlParams();
    const from = base(params);
    const g = grouping(stage, params);
    const present = (a: Aggregation) => fieldPresentSql(a.field as string, params, 'b.');
    const cols = counts.map(
      (a, i) => `${a.field === undefined ? 'count(*)' : `coalesce(sum(${present(a)}), 0)`} AS a${i}`,
    );
    const sql =
      g.keyNames.length === 0
        ? `SELECT ${['count(*) AS n', ...cols].join(', ')} FROM ${from} AS b`
        : `SELECT ${[...g.keyCols, 'count(*) AS n', ...cols].join(', ')} FROM ${from} AS b ${g.joins}
           GROUP BY ${g.keyNames.join(', ')} LIMIT ${params.add(MAX_GROUPS + 1)}`;
    const rows = db.prepare(sql).all(...params.values) as Record<string, unknown>[];
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
    const params = new SqlParams();
    const from = base(params);
    const g = grouping(stage, params);
    const each = `${fieldEachSql(field, params, 'b.')} AS e ON typeof(e.key) <> 'text' AND e.type <> 'null'`;
    const num = 'vigil_num(e.value, e.type)';
    const str = `CASE WHEN e.type = 'text' AND ${num} IS NULL THEN e.value END`;
    const fns = new Set(aggs.map((a) => a.fn));
    const aggCols = [
      ...(fns.has('dc') ? [`count(DISTINCT ${jsonKey('e')}) AS dc`] : []),
      ...(fns.has('sum') ? [`sum(${num}) AS s`] : []),
      ...(fns.has('avg') ? [`avg(${num}) AS av`] : []),
      ...(fns.has('min') ? [`min(${num}) AS nmin`, `min(${str}) AS smin`] : []),
      ...(fns.has('max') ? [`max(${num}) AS nmax`, `max(${str}) AS smax`] : []),
    ];
    const sql = `SELECT ${[...g.keyCols, ...aggCols].join(', ')} FROM ${from} AS b ${g.joins} JOIN ${each}${
      g.keyNames.length > 0 ? ` GROUP BY ${g.keyNames.join(', ')}` : ''
    }`;
    for (const r of db.prepare(sql).all(...params.values) as Record<string, unknown>[]) {
      const values = g.keyNames.map((k, i) => keyValue(r[k], bucket && i === 0));
      for (const a of aggs) table.set(values, a.name, fieldResult(a, r));
    }
  }
  return table;
}

function grouping(stage: StatsStage | TimechartStage, params: SqlParams): Grouping {
  const keys: string[] = [];
  const joins: string[] = [];
  if (stage.kind === 'timechart') {
    const span = params.add(stage.spanMs);
    keys.push(`(b.ts - (((b.ts % ${span}) + ${span}) % ${span}))`);
  }
  const by = stage.kind === 'stats' ? stage.by : stage.by === undefined ? [] : [stage.by];
  by.forEach((field, i) => {
    const path = fieldPathSql(field, params, 'b.doc');
    const x = extractedField(field);
    // Rows whose extracted column is exact group by the column; the others walk the document.
    const exact = x ? `(b.xm & ${x.bit})` : '0';
    const source = x
      ? `CASE WHEN ${exact} THEN NULL ELSE b.doc END, CASE WHEN ${exact} THEN '$' ELSE ${path} END`
      : `b.doc, ${path}`;
    // One group per distinct element: an element joins only at its first occurrence in the array.
    const first = `(g${i}.key IS NULL OR g${i}.key = 0 OR NOT EXISTS (SELECT 1 FROM json_each(b.doc, ${path}) AS d
      WHERE d.key < g${i}.key AND d.type = g${i}.type AND d.value IS g${i}.value))`;
    joins.push(
      `LEFT JOIN json_each(${source}) AS g${i} ON typeof(g${i}.key) <> 'text' AND g${i}.type <> 'null' AND ${first}`,
    );
    const col = x ? `b.${x.column}` : '';
    keys.push(
      x
        ? `(CASE WHEN ${exact} THEN (CASE WHEN ${col} IS NULL THEN NULL ELSE json_quote(${col}) END) ELSE ${jsonKey(`g${i}`)} END)`
        : jsonKey(`g${i}`),
    );
  });
  return {
    keyCols: keys.map((k, i) => `${k} AS k${i}`),
    keyNames: keys.map((_, i) => `k${i}`),
    joins: joins.join(' '),
  };
}

/** The group key of a json_each row: JSON text, type-exact; NULL when the field is missing. */
function jsonKey(alias: string): string {
  return `(CASE WHEN ${alias}.type IS NULL THEN NULL WHEN ${alias}.type IN ('true', 'false') THEN ${alias}.type ELSE json_quote(${alias}.value) END)`;
}

function keyValue(value: unknown, isBucket: boolean): unknown {
  if (value === null || value === undefined) return null;
  if (isBucket) return Number(value);
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

function fieldResult(a: Aggregation, r: Record<string, unknown>): unknown {
  switch (a.fn) {
    case 'dc':
      return Number(r['dc'] ?? 0);
    case 'sum':
      return r['s'] ?? null;
    case 'avg':
      return r['av'] ?? null;
    case 'min':
      return r['nmin'] ?? r['smin'] ?? null;
    case 'max':
      return r['nmax'] ?? r['smax'] ?? null;
    case 'count':
      return null;
  }
}
