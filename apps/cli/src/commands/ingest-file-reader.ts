import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { FormatName } from '@vigil/parsers';

/** A piece of a file ending at a record boundary, with how far into the (compressed) file it reaches. */
export interface FileChunk {
  text: string;
  /** Bytes of the file on disk read so far (compressed bytes for .gz): for the progress line. */
  fileBytesRead: number;
  /** True when the chunk is the whole file (pretty-printed JSON cannot be cut at newlines). */
  whole: boolean;
}

const JSON_FORMATS = new Set<FormatName>(['json', 'windows', 'cloudtrail', 'cts']);

async function isGzip(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** Size of the file on disk (the progress line's 100 %). */
export async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}

/** JSON text whose first line is not a complete document: pretty-printed, must be read whole. */
function needsWholeFile(head: string, format: FormatName): boolean {
  const first = head.trimStart();
  if (!(first.startsWith('{') || first.startsWith('[')) && !JSON_FORMATS.has(format)) return false;
  const line = first.split('\n', 1)[0] ?? '';
  try {
    JSON.parse(line);
    return first.startsWith('[');
  } catch {
    return true;
  }
}

/**
 * Reads a plain or gzip file (recognised by its magic bytes) as text chunks of about `chunkBytes`,
 * each ending at a newline, so NDJSON and line formats are never cut inside a record. Pretty-printed
 * JSON (and JSON arrays) are returned whole: only a JSON reader can find their record boundaries.
 */
export async function* readFileChunks(
  path: string,
  format: FormatName,
  chunkBytes = 1_048_576,
): AsyncGenerator<FileChunk> {
  const gz = await isGzip(path);
  const raw = createReadStream(path);
  const source = gz ? raw.pipe(createGunzip()) : raw;
  if (gz) raw.on('error', (e) => source.destroy(e));
  source.setEncoding('utf8');
  let buffer = '';
  let decided: boolean | undefined;
  for await (const piece of source) {
    buffer += piece as string;
    decided ??= buffer.length >= 65_536 || buffer.includes('\n') ? needsWholeFile(buffer, format) : undefined;
    if (decided !== false || buffer.length < chunkBytes) continue;
    const cut = buffer.lastIndexOf('\n');
    if (cut < 0) continue;
    yield { text: buffer.slice(0, cut + 1), fileBytesRead: raw.bytesRead, whole: false };
    buffer = buffer.slice(cut + 1);
  }
  if (buffer.trim() !== '') {
    yield { text: buffer, fileBytesRead: raw.bytesRead, whole: decided === true || decided === undefined };
  }
}
