import type { DatabaseSync, SQLOutputValue } from 'node:sqlite';
import { userError } from '@vigil/core';
import { cidrContains, foldCase, NUMERIC_TEXT, parseCidr, parseTimeText } from '@vigil/query';
import type { Cidr } from '@vigil/query';

/** JSON types as `json_each`/`json_type` report them. */
type JsonType = 'null' | 'true' | 'false' | 'integer' | 'real' | 'text' | 'array' | 'object';

/**
 * SQL functions the search compiler relies on, with exactly the reference evaluator's semantics
 * (they call the same code): SQLite's lower()/LIKE fold ASCII only and it has no IP or ISO-time
 * parsing. Every function takes a JSON atom and its `json_each` type, so `true` is not the number 1.
 * - `vigil_text(v, t)`: Unicode-folded text of a scalar as equality/wildcards see it (numbers
 *   through their JavaScript text, booleans as `true`/`false`), NULL for others;
 * - `vigil_fold(v)`: Unicode case fold of a string, NULL for others;
 * - `vigil_num(v, t)`: numbers and numeric strings as a number, else NULL;
 * - `vigil_time(v, t)`: ISO-8601 strings (zone-less = UTC) and epoch-ms numbers as epoch ms;
 * - `vigil_cidr(v, t, network)`: 1 when the string is an address inside the network;
 * - `vigil_deadline()`: throws once the running search's time budget is spent (the query timeout).
 */
export function registerSearchFunctions(db: DatabaseSync, deadline: SearchDeadline): void {
  const pure = { deterministic: true, directOnly: true };
  db.function('vigil_text', pure, (v, t) => scalarText(v, t as JsonType));
  db.function('vigil_fold', pure, (v) => (typeof v === 'string' ? foldCase(v) : null));
  db.function('vigil_num', pure, (v, t) => toNumber(v, t as JsonType) ?? null);
  db.function('vigil_time', pure, (v, t) => toTime(v, t as JsonType) ?? null);
  const networks = new Map<string, Cidr | undefined>();
  db.function('vigil_cidr', pure, (v, t, network) => {
    if (t !== 'text' || typeof v !== 'string' || typeof network !== 'string') return 0;
    let cidr = networks.get(network);
    if (cidr === undefined && !networks.has(network)) {
      cidr = parseCidr(network);
      if (networks.size > 1000) networks.clear();
      networks.set(network, cidr);
    }
    return cidr !== undefined && cidrContains(cidr, v) ? 1 : 0;
  });
  db.function('vigil_deadline', { deterministic: false, directOnly: true }, () => deadline.check());
}

/** The time budget of the search running on a connection (node:sqlite runs one statement at a time). */
export class SearchDeadline {
  #until = Number.POSITIVE_INFINITY;
  #calls = 0;

  start(timeoutMs: number | undefined): void {
    this.#until = timeoutMs === undefined ? Number.POSITIVE_INFINITY : performance.now() + timeoutMs;
    this.#calls = 0;
  }

  stop(): void {
    this.#until = Number.POSITIVE_INFINITY;
  }

  check(): number {
    // Reading the clock every call would cost more than the row it guards.
    if ((++this.#calls & 255) === 0 && performance.now() > this.#until) {
      this.#until = Number.POSITIVE_INFINITY;
      throw queryTimeout();
    }
    return 1;
  }
}

export function queryTimeout() {
  return userError(
    'QUERY_TIMEOUT',
    'the search took longer than allowed: narrow the time range or the query',
    {
      status: 408,
    },
  );
}

function scalarText(v: SQLOutputValue, t: JsonType): string | null {
  if (t === 'text' && typeof v === 'string') return foldCase(v);
  if ((t === 'integer' || t === 'real') && (typeof v === 'number' || typeof v === 'bigint')) return String(v);
  if (t === 'true' || t === 'false') return t;
  return null;
}

function toNumber(v: SQLOutputValue, t: JsonType): number | undefined {
  if (t === 'integer' || t === 'real') return typeof v === 'bigint' ? Number(v) : (v as number);
  if (t === 'text' && typeof v === 'string' && NUMERIC_TEXT.test(v.trim())) return Number(v);
  return undefined;
}

function toTime(v: SQLOutputValue, t: JsonType): number | undefined {
  if (t === 'integer' || t === 'real') return typeof v === 'bigint' ? Number(v) : (v as number);
  if (t === 'text' && typeof v === 'string') return parseTimeText(v);
  return undefined;
}
