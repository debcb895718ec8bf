import type { Bound } from '../ast/query-expr.ts';
import { parseTimeText } from '../match/parse-time-text.ts';
import { NUMERIC_TEXT } from '../match/value-compare.ts';
import { parseDuration } from './duration.ts';

/**
 * Classifies a comparison operand: a decimal number, `now[±duration]`, an ISO-8601 date/time, or a
 * string. Returns a message instead when the text looks like a time but is not a valid one.
 */
export function classifyBound(text: string): Bound | string {
  if (NUMERIC_TEXT.test(text)) return { type: 'number', value: Number(text), text };
  const rel = /^now(?:([+-])(.+))?$/i.exec(text);
  if (rel !== null) {
    if (rel[1] === undefined) return { type: 'now', offsetMs: 0, text };
    const ms = parseDuration(rel[2] ?? '');
    if (ms === undefined) {
      return `invalid relative time ${JSON.stringify(text)}: expected now, now-15m, now+1h or now-7d (units s, m, h, d)`;
    }
    return { type: 'now', offsetMs: rel[1] === '-' ? -ms : ms, text };
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const ms = parseTimeText(text);
    if (ms === undefined) {
      return `invalid date/time ${JSON.stringify(text)}: expected ISO-8601 such as 2026-01-01 or 2026-01-01T08:00:00Z`;
    }
    return { type: 'time', ms, text };
  }
  return { type: 'string', value: text, text };
}

/** The kind two bounds must share to form a range: `now` and absolute times are both times. */
export function boundKind(b: Bound): 'number' | 'time' | 'string' {
  return b.type === 'now' ? 'time' : b.type;
}
