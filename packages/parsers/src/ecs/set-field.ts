/** A nested JSON document addressed by dotted paths. */
export type Doc = Record<string, unknown>;

// Parsers use a fixed set of paths: split each once.
const splitCache = new Map<string, string[]>();
function splitPath(path: string): string[] {
  let parts = splitCache.get(path);
  if (parts === undefined) {
    parts = path.split('.');
    if (splitCache.size < 10_000) splitCache.set(path, parts);
  }
  return parts;
}

/**
 * Sets a dotted ECS path on a nested document, creating objects on the way.
 * Skips empty values (`undefined`, `null`, `''`, `'-'`) so callers can map optional fields blindly.
 * @example setField(doc, 'process.parent.name', 'explorer.exe')
 */
export function setField(doc: Doc, path: string, value: unknown): void {
  if (value === undefined || value === null || value === '' || value === '-') return;
  if (typeof value === 'number' && !Number.isFinite(value)) return;
  const parts = splitPath(path);
  let current: Doc = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i] as string;
    const next = current[key];
    if (next !== null && typeof next === 'object' && !Array.isArray(next)) {
      current = next as Doc;
    } else {
      const created: Doc = {};
      current[key] = created;
      current = created;
    }
  }
  current[parts[parts.length - 1] as string] = value;
}

/** Reads a dotted path from a nested document (no flat-key fallback: parsers build nested docs). */
export function readField(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const part of splitPath(path)) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Doc)[part];
  }
  return current;
}

/** Appends a value to an array field (e.g. `event.category`) without duplicates. */
export function appendField(doc: Doc, path: string, value: string | undefined): void {
  if (value === undefined || value === '' || value === '-') return;
  const existing = readField(doc, path);
  if (Array.isArray(existing)) {
    if (!existing.includes(value)) existing.push(value);
  } else {
    setField(doc, path, [value]);
  }
}
