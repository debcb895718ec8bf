import { detectObjectFormat, splitJsonDocuments, type RecordInput } from '@vigil/parsers';

/** A delivered trace file as seen in the directory. */
export interface TrailFileInfo {
  /** Path relative to the watched directory, `/`-separated. */
  path: string;
  size: number;
  mtimeMs: number;
}

export type TrailFormat = 'cloudtrail' | 'cts';

/** The outcome of reading one file: its records, or why the whole file was refused. */
export type TrailFileContent =
  { ok: true; records: RecordInput[]; formats: TrailFormat[] } | { ok: false; error: string };

/** CloudTrail delivers `.json.gz`; CTS/OBS transfers and hand copies are often plain `.json`. */
export function isTrailFileName(name: string): boolean {
  return /\.json(\.gz)?$/iu.test(name);
}

/**
 * The identity of a file for "ingest each file once": its path, size and modification time. A file
 * rewritten in place (new size or mtime) is a new delivery and is read again; its stable event ids
 * (see `trailEventId`) keep re-read records from being stored twice.
 * @example trailFileKey({ path: 'a.json.gz', size: 10, mtimeMs: 1 }) // 'a.json.gz\u000010\u00001'
 */
export function trailFileKey(file: TrailFileInfo): string {
  return `${file.path}\u0000${file.size}\u0000${Math.trunc(file.mtimeMs)}`;
}

/**
 * The records of a trace file: CloudTrail `{"Records":[…]}` (one or more documents), a CTS JSON array
 * of traces or one trace per line. Anything else (broken JSON, another log type) refuses the whole
 * file, so a stray or corrupt file is reported once instead of becoming parse-error events.
 */
export function readTrailFile(text: string): TrailFileContent {
  const records: RecordInput[] = [];
  const formats: TrailFormat[] = [];
  for (const chunk of splitJsonDocuments(text)) {
    if (!chunk.ok) return { ok: false, error: chunk.error };
    const value = chunk.value;
    const items = Array.isArray(value)
      ? value
      : isObject(value) && Array.isArray(value['Records'])
        ? (value['Records'] as unknown[])
        : [value];
    for (const item of items) {
      if (!isObject(item)) return { ok: false, error: 'a trace must be a JSON object' };
      const kind = detectObjectFormat(item);
      if (kind !== 'cloudtrail' && kind !== 'cts') {
        return { ok: false, error: 'not a CloudTrail record or a CTS trace' };
      }
      formats.push(kind);
      records.push(item);
    }
  }
  if (records.length === 0) return { ok: false, error: 'the file holds no trace records' };
  return { ok: true, records, formats };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
