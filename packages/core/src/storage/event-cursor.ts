import { userError } from '../errors/vigil-error.ts';

/** Position after the last event of a page: the keyset (ts, id, space) plus the order it was made for. */
export interface EventCursor {
  order: 'asc' | 'desc';
  ts: number;
  id: string;
  /** Internal data-space number: breaks ties between equal (ts, id) pairs in different data spaces. */
  space: number;
}

/** Opaque to clients: base64url of a small JSON array. */
export function encodeCursor(cursor: EventCursor): string {
  const tuple = [cursor.order === 'asc' ? 'a' : 'd', cursor.ts, cursor.id, cursor.space];
  return Buffer.from(JSON.stringify(tuple), 'utf8').toString('base64url');
}

/** Decodes a cursor, refusing tampered ones and ones made for the other sort order. */
export function decodeCursor(text: string, order: 'asc' | 'desc'): EventCursor {
  let tuple: unknown;
  try {
    tuple = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    tuple = undefined;
  }
  if (!Array.isArray(tuple) || tuple.length !== 4) throw invalidCursor('is malformed');
  const [o, ts, id, space] = tuple as unknown[];
  if ((o !== 'a' && o !== 'd') || !Number.isSafeInteger(ts) || typeof id !== 'string') {
    throw invalidCursor('is malformed');
  }
  if (!Number.isSafeInteger(space)) throw invalidCursor('is malformed');
  const cursorOrder = o === 'a' ? 'asc' : 'desc';
  if (cursorOrder !== order) throw invalidCursor(`was made for ${cursorOrder} order, not ${order}`);
  return { order, ts: ts as number, id, space: space as number };
}

function invalidCursor(why: string) {
  return userError('INVALID_CURSOR', `cursor ${why}; restart the search without a cursor`, {
    details: { field: 'cursor' },
  });
}
