const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * Parses an ISO-8601 date or date-time into epoch ms, treating a time without a zone as UTC so results
 * never depend on the server's time zone. Impossible dates (`2026-02-30`) are refused.
 * Example: parseTimeText('2026-01-01') === Date.UTC(2026, 0, 1).
 */
export function parseTimeText(text: string): number | undefined {
  const m = ISO.exec(text.trim());
  if (m === null) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (new Date(utc).getUTCDate() !== d) return undefined;
  if (m[9] === undefined) return utc;
  const offset = (Number(m[10]) * 60 + Number(m[11])) * 60_000;
  if (Number(m[10]) > 23 || Number(m[11]) > 59) return undefined;
  return m[9] === '+' ? utc - offset : utc + offset;
}
