// An exception's conditions as typed: a Sigma selection in JSON (`{"User|endswith": "\\svc"}`) or in
// the small YAML subset a selection needs (`field: value` lines, `field:` followed by `- value` items).
// Pure, so it is unit-tested without a browser.

export type ParsedSelection =
  | { readonly ok: true; readonly selection: Record<string, unknown> }
  | { readonly ok: false; readonly message: string };

function scalar(raw: string): unknown {
  const v = raw.trim();
  if ((v.startsWith("'") && v.endsWith("'") && v.length >= 2) || v === "''")
    return v.slice(1, -1).replace(/''/g, "'");
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v.slice(1, -1);
    }
  }
  if (v === 'null' || v === '~') return null;
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}

function fromYaml(text: string): ParsedSelection {
  const selection: Record<string, unknown> = {};
  let listKey: string | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\s+$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item) {
      if (listKey === undefined)
        return { ok: false, message: `Line ${i + 1}: a list item needs a field above it.` };
      (selection[listKey] as unknown[]).push(scalar(item[1] ?? ''));
      continue;
    }
    const pair = /^([^\s:#'"][^:]*?):(?:\s+(.*))?$/.exec(line.trim());
    if (!pair?.[1]) return { ok: false, message: `Line ${i + 1}: expected "field: value".` };
    const key = pair[1].trim();
    if (pair[2] === undefined || pair[2].trim() === '') {
      selection[key] = [];
      listKey = key;
    } else {
      selection[key] = scalar(pair[2]);
      listKey = undefined;
    }
  }
  return { ok: true, selection };
}

export function parseSelection(text: string): ParsedSelection {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter at least one field condition.' };
  let result: ParsedSelection;
  if (trimmed.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(trimmed);
      result =
        typeof value === 'object' && value !== null && !Array.isArray(value)
          ? { ok: true, selection: value as Record<string, unknown> }
          : { ok: false, message: 'The conditions must be a JSON object.' };
    } catch {
      return { ok: false, message: 'The conditions are not valid JSON.' };
    }
  } else {
    result = fromYaml(trimmed);
  }
  if (result.ok && Object.keys(result.selection).length === 0)
    return { ok: false, message: 'Enter at least one field condition.' };
  return result;
}
