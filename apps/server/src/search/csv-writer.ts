/** Characters that make spreadsheets treat a cell as a formula (CSV/formula injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: objects as JSON, null/undefined empty; a text starting with = + - @ (or tab/CR) is
 * prefixed with `'` so spreadsheets show it as text; quoted when it holds a quote, comma or newline.
 * Example: csvCell('=1+1') === "'=1+1", csvCell('a,"b"') === '"a,""b"""'.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = cellText(value);
  // Numbers are safe as they are (-5 is a number, not a formula); any text is checked.
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (RFC 4180, CRLF). */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** Columns for rows without fixed columns: the dotted leaf paths of the first rows, in first-seen order. */
export function columnsOf(rows: readonly Record<string, unknown>[], max = 200): string[] {
  const seen = new Set<string>();
  const walk = (value: unknown, prefix: string): void => {
    if (seen.size >= max) return;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        walk(v, prefix === '' ? k : `${prefix}.${k}`);
    } else if (prefix !== '') {
      seen.add(prefix);
    }
  };
  for (const row of rows) walk(row, '');
  return [...seen];
}

function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value) ?? '';
}
