// What an alert-import file holds, read before sending it (the server checks every field again).

export type AlertImportPreview =
  | { readonly ok: true; readonly format: 'json' | 'csv'; readonly count: number }
  | { readonly ok: false; readonly reason: string };

/** Records of a CSV text (RFC 4180 quoting: a quoted field may hold commas, quotes and line breaks). */
function csvRecords(text: string): number {
  let records = 0;
  let quoted = false;
  let content = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\n' || ch === '\r')) {
      if (content) records++;
      content = false;
    } else if (ch.trim() !== '' || quoted) content = true;
  }
  return content ? records + 1 : records;
}

/**
 * JSON (an array, or `{alerts: […]}`) when the name ends in `.json` or the text starts with `[`/`{`;
 * otherwise CSV with a header row. Example: `previewAlertImport('a.csv', 'title\nA\nB')` → `{ok, format: 'csv', count: 2}`.
 */
export function previewAlertImport(name: string, text: string): AlertImportPreview {
  const head = text.trimStart()[0];
  if (name.toLowerCase().endsWith('.json') || head === '[' || head === '{') {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { ok: false, reason: 'the file is not valid JSON' };
    }
    const list = Array.isArray(body)
      ? body
      : typeof body === 'object' && body !== null
        ? (body as { alerts?: unknown }).alerts
        : undefined;
    if (!Array.isArray(list))
      return { ok: false, reason: 'expected a JSON array of alerts or {"alerts": […]}' };
    if (list.length === 0) return { ok: false, reason: 'the file holds no alerts' };
    return { ok: true, format: 'json', count: list.length };
  }
  const rows = csvRecords(text) - 1;
  if (rows < 1) return { ok: false, reason: 'expected CSV with a header row and at least one alert' };
  return { ok: true, format: 'csv', count: rows };
}
