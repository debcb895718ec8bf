import type { RecordInput } from '@vigil/parsers';

/** One action of a `_bulk` body, in order. */
export interface BulkItem {
  action: 'index' | 'create' | 'update' | 'delete';
  index: string | undefined;
  id: string | undefined;
  /** The document of index/create (parsed object, or its text when it is not valid JSON). */
  doc?: RecordInput;
}

export interface BulkParse {
  items: BulkItem[];
  /** A broken action line makes the rest of the body unreadable: the whole request is refused. */
  error?: { line: number; reason: string };
}

const ACTIONS = new Set(['index', 'create', 'update', 'delete']);

/**
 * Reads an Elasticsearch bulk body: NDJSON pairs of an action line (`{"index":{"_index":…}}`,
 * `create`, `update`, `delete`) and, except for delete, a source line.
 * @example parseBulk('{"create":{}}\n{"message":"hi"}\n').items[0].doc // { message: 'hi' }
 */
export function parseBulk(body: string, defaultIndex: string | undefined): BulkParse {
  const lines = body.split('\n');
  const items: BulkItem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    let action: unknown;
    try {
      action = JSON.parse(line);
    } catch (err) {
      return { items, error: { line: i + 1, reason: `action line is not JSON: ${(err as Error).message}` } };
    }
    const keys = action !== null && typeof action === 'object' ? Object.keys(action) : [];
    const name = keys[0];
    if (keys.length !== 1 || name === undefined || !ACTIONS.has(name)) {
      return {
        items,
        error: { line: i + 1, reason: 'expected an action line {"index"|"create"|"update"|"delete": {…}}' },
      };
    }
    const meta = (action as Record<string, Record<string, unknown> | null>)[name] ?? {};
    const item: BulkItem = {
      action: name as BulkItem['action'],
      index: typeof meta['_index'] === 'string' ? meta['_index'] : defaultIndex,
      id: typeof meta['_id'] === 'string' ? meta['_id'] : undefined,
    };
    if (item.action !== 'delete') {
      i++;
      const source = lines[i];
      if (source === undefined || source.trim() === '') {
        return {
          items,
          error: { line: i + 1, reason: `the ${item.action} action on line ${i} has no source line` },
        };
      }
      let doc: RecordInput = source;
      try {
        const value: unknown = JSON.parse(source);
        if (value !== null && typeof value === 'object' && !Array.isArray(value))
          doc = value as Record<string, unknown>;
      } catch {
        // Kept as text: the parser stores it with a parse error.
      }
      item.doc = doc;
    }
    items.push(item);
  }
  return { items };
}
