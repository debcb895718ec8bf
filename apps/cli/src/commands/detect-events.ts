import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { JsonDocumentSplitter } from '@vigil/sigma';

export type EventFormat = 'auto' | 'jsonl' | 'json' | 'evtx-json';

/** One input event (or why it could not be read), with its 0-based position in the input. */
export type InputEvent = { index: number; event: unknown } | { index: number; error: string };

async function isGzip(path: string): Promise<boolean> {
  if (path.endsWith('.gz')) return true;
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

async function* textChunks(path: string): AsyncGenerator<string> {
  const gz = await isGzip(path);
  const raw = createReadStream(path);
  if (!gz) {
    raw.setEncoding('utf8');
    for await (const chunk of raw) yield chunk as string;
    return;
  }
  const gunzip = createGunzip();
  // Errors of the file stream surface through the gunzip stream being iterated.
  raw.on('error', (e) => gunzip.destroy(e));
  raw.pipe(gunzip);
  gunzip.setEncoding('utf8');
  for await (const chunk of gunzip) yield chunk as string;
}

/**
 * Streams the events of a file: JSON lines, or concatenated JSON documents (pretty-printed evtx-rs
 * output), or a JSON array of events; gzip is detected. `auto` uses lines for `.jsonl`/`.ndjson`
 * names and the document splitter (which also reads valid JSON lines) otherwise.
 */
export async function* readEvents(path: string, format: EventFormat): AsyncGenerator<InputEvent> {
  const base = path.replace(/\.gz$/i, '');
  const lines = format === 'jsonl' || (format === 'auto' && /\.(jsonl|ndjson)$/i.test(base));
  let index = 0;
  const emit = function* (text: string): Generator<InputEvent> {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      yield { index: index++, error: `invalid JSON: ${(e as Error).message}` };
      return;
    }
    // A top-level array holds events (json format); in JSON lines every line is one event.
    if (Array.isArray(doc) && !lines) for (const ev of doc) yield { index: index++, event: ev as unknown };
    else yield { index: index++, event: doc };
  };
  if (lines) {
    let rest = '';
    for await (const chunk of textChunks(path)) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) if (line.trim() !== '') yield* emit(line);
    }
    if (rest.trim() !== '') yield* emit(rest);
    return;
  }
  const splitter = new JsonDocumentSplitter();
  for await (const chunk of textChunks(path)) {
    for (const d of splitter.push(chunk)) {
      if (typeof d === 'string') yield* emit(d);
      else yield { index: index++, error: d.error };
    }
  }
  for (const d of splitter.end()) {
    if (typeof d === 'string') yield* emit(d);
    else yield { index: index++, error: d.error };
  }
}
