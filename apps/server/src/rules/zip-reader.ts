import { inflateRawSync } from 'node:zlib';
import { userError } from '@vigil/core';

export interface ZipLimits {
  /** Entries in the central directory (directories included). */
  maxEntries: number;
  /** Sum of the uncompressed sizes of the files read. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 20_000, maxTotalBytes: 64 * 1024 * 1024 };

export interface ZipFile {
  path: string;
  text: string;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function bad(message: string, details: Record<string, unknown> = {}) {
  return userError('ZIP_INVALID', `zip archive refused: ${message}`, { details });
}

/** Refuses names that could mean something outside the archive root (`..`, absolute, drive letters). */
function safePath(name: string): string {
  const path = name.replace(/\\/g, '/');
  if (
    path.includes('\0') ||
    path.startsWith('/') ||
    /^[A-Za-z]:/.test(path) ||
    path.split('/').some((seg) => seg === '..')
  ) {
    throw bad(`entry ${JSON.stringify(name.slice(0, 200))} has an unsafe path`, {
      entry: name.slice(0, 200),
    });
  }
  return path.replace(/^(\.\/)+/, '');
}

/**
 * Reads the files of a ZIP archive whose names pass `want` (e.g. `.yml`), through the central
 * directory; stored and deflated entries only; no ZIP64, no encryption. Every limit is checked
 * before inflating (declared sizes) and while inflating (`maxOutputLength`), so a zip bomb stops
 * early. Throws ZIP_INVALID (user error) for anything it refuses.
 */
export function readZip(
  buf: Buffer,
  want: (path: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ZipFile[] {
  if (buf.length < 22) throw bad('too short');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad('no end of central directory (not a zip file?)');
  const entries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) throw bad('ZIP64 archives are not supported');
  if (entries > limits.maxEntries)
    throw bad(`more than ${limits.maxEntries} entries`, { entries, maxEntries: limits.maxEntries });
  if (cdOffset + cdSize > eocd) throw bad('central directory out of bounds');
  const files: ZipFile[] = [];
  let total = 0;
  let p = cdOffset;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw bad('corrupt central directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const rawName = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
    const path = safePath(rawName);
    if (path.endsWith('/') || !want(path)) continue;
    if ((flags & 1) !== 0) throw bad(`entry ${path} is encrypted`, { entry: path });
    if (method !== 0 && method !== 8)
      throw bad(`entry ${path} uses compression method ${method}`, { entry: path });
    total += size;
    if (total > limits.maxTotalBytes)
      throw bad(`uncompressed size exceeds ${limits.maxTotalBytes} bytes`, {
        maxTotalBytes: limits.maxTotalBytes,
      });
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL)
      throw bad(`corrupt local header of ${path}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw bad(`entry ${path} is truncated`, { entry: path });
    const data = buf.subarray(start, start + compressed);
    let bytes: Buffer;
    try {
      bytes = method === 0 ? data : inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
    } catch (cause) {
      throw userError(
        'ZIP_INVALID',
        `zip archive refused: entry ${path} does not inflate to its declared size`,
        {
          cause,
          details: { entry: path },
        },
      );
    }
    if (bytes.length !== size) throw bad(`entry ${path} does not match its declared size`, { entry: path });
    files.push({ path, text: decoder.decode(bytes) });
  }
  return files;
}
