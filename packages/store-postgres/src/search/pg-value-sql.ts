import { foldSql, numSql } from './pg-field-sql.ts';

/** ISO-8601 as `parseTimeText` accepts it, with in-range fields (day-of-month checked separately). */
const ISO_RE =
  '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.,][0-9]{1,9})?)?)?([Zz]|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])?$';
const ZONE_RE = '([Zz]|[+-][0-9]{2}:?[0-9]{2})$';

/**
 * Epoch ms of a jsonb value as `toTime` reads it: numbers as epoch ms, ISO-8601 strings (zone-less =
 * UTC, fraction truncated to ms); NULL otherwise. Nested CASEs guard every cast, so text that is not a
 * valid time (e.g. 2026-02-30) gives NULL instead of an error.
 */
export function timeSql(v: string): string {
  const s = `btrim(${v} #>> '{}', E' \\t\\n\\r\\f\\v')`;
  const norm = `regexp_replace(regexp_replace(${s}, '[.,]([0-9]{1,3})[0-9]*', '.\\1'), '^([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt ]', '\\1T')`;
  const lastDay = `extract(day from make_date(substr(${s}, 1, 4)::int, substr(${s}, 6, 2)::int, 1) + interval '1 month - 1 day')`;
  const epoch = `CASE WHEN ${s} ~ '${ZONE_RE}' THEN extract(epoch from (${norm})::timestamptz) ELSE extract(epoch from (${norm})::timestamp AT TIME ZONE 'UTC') END`;
  const parsed = `CASE WHEN ${s} ~ '${ISO_RE}' AND substr(${s}, 1, 4) <> '0000' THEN
      CASE WHEN substr(${s}, 9, 2)::int <= ${lastDay} THEN floor((${epoch}) * 1000) END END`;
  return `(CASE jsonb_typeof(${v}) WHEN 'number' THEN (${v})::numeric WHEN 'string' THEN ${parsed} END)`;
}

/** The text equality and wildcards see: folded strings, numbers and booleans by their JSON text. */
export function scalarTextSql(v: string): string {
  return `(CASE jsonb_typeof(${v}) WHEN 'string' THEN ${foldSql(`(${v} #>> '{}')`)} WHEN 'number' THEN (${v} #>> '{}') WHEN 'boolean' THEN (${v} #>> '{}') END)`;
}

const V4 =
  '((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])[.]){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const H = '[0-9a-f]{1,4}';
const V6 = [
  `(${H}:){7}${H}`,
  `(${H}:){1,7}:`,
  `(${H}:){1,6}:${H}`,
  `(${H}:){1,5}(:${H}){1,2}`,
  `(${H}:){1,4}(:${H}){1,3}`,
  `(${H}:){1,3}(:${H}){1,4}`,
  `(${H}:){1,2}(:${H}){1,5}`,
  `${H}:(:${H}){1,6}`,
  `:((:${H}){1,7}|:)`,
  `(${H}:){6}${V4}`,
  `::(${H}:){0,5}${V4}`,
  `(${H}:){1,5}:(${H}:){0,4}${V4}`,
].join('|');
/** Only address texts PostgreSQL's inet accepts pass this guard, so the cast below never fails. */
const IP_RE = `^(${V4}|${V6})$`;

/**
 * True when the string value is an IPv4/IPv6 address (brackets and a zone allowed) inside `network`
 * (an IPv6 network; IPv4 networks are given as their IPv4-mapped block so `::ffff:10.0.0.9` matches
 * `10.0.0.0/8`, IPv4 values are mapped the same way).
 */
export function cidrSql(v: string, network: string): string {
  const trimmed = `regexp_replace(btrim(${v} #>> '{}', E' \\t\\n\\r\\f\\v'), '^\\[(.*)\\]$', '\\1')`;
  const address = `(CASE WHEN strpos(${trimmed}, ':') > 0 THEN regexp_replace(${trimmed}, '%.*$', '') ELSE ${trimmed} END)`;
  const mapped = `(CASE WHEN family(${address}::inet) = 4 THEN ('::ffff:' || host(${address}::inet))::inet ELSE ${address}::inet END)`;
  return `(jsonb_typeof(${v}) = 'string' AND CASE WHEN ${address} ~* '${IP_RE}' THEN ${mapped} <<= ${network} ELSE false END)`;
}

export { numSql };
