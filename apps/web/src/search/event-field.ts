// Reads a dotted ECS field from an event document, whether stored nested (`{host:{name}}`) or flat
// (`{"host.name": …}`), and formats values for a table cell. Pure.

/** @example fieldValue({ host: { name: 'web-1' } }, 'host.name') === 'web-1' */
export function fieldValue(doc: unknown, path: string): unknown {
  if (typeof doc !== 'object' || doc === null) return undefined;
  const record = doc as Record<string, unknown>;
  if (path in record) return record[path];
  const dot = path.indexOf('.');
  // Try every split point, so `a.b.c` finds `{ "a.b": { c } }` as well as `{ a: { b: { c } } }`.
  for (let i = dot; i !== -1; i = path.indexOf('.', i + 1)) {
    const head = path.slice(0, i);
    if (head in record) {
      const found = fieldValue(record[head], path.slice(i + 1));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A short text for a cell: strings as they are, arrays joined, objects as JSON, absent as empty. */
export function formatCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
    return value.join(', ');
  return JSON.stringify(value);
}
