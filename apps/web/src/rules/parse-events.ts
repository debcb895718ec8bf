// Pasted sample events for a rule test: a JSON array, one JSON object, or one JSON value per line
// (NDJSON). Pure, so it is unit-tested without a browser.

export type ParsedEvents =
  | { readonly ok: true; readonly events: readonly unknown[] }
  | { readonly ok: false; readonly message: string };

export function parseEvents(text: string): ParsedEvents {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Paste at least one event.' };
  try {
    const value: unknown = JSON.parse(trimmed);
    return { ok: true, events: Array.isArray(value) ? (value as unknown[]) : [value] };
  } catch {
    // Not one JSON document: try one per line.
  }
  const events: unknown[] = [];
  const lines = trimmed.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    try {
      events.push(JSON.parse(line) as unknown);
    } catch {
      return { ok: false, message: `Line ${i + 1} is not valid JSON.` };
    }
  }
  return { ok: true, events };
}
