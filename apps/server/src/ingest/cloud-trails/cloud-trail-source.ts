import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { isVigilError, type Logger, type RecordRepository } from '@vigil/core';
import {
  isTrailFileName,
  readTrailFile,
  trailFileKey,
  type IngestPipeline,
  type TrailFileContent,
  type TrailFileInfo,
} from '@vigil/ingest';

type TrailRecords = Extract<TrailFileContent, { ok: true }>;

const gunzipAsync = promisify(gunzip);

/** What the ledger remembers of a file it has handled (metadata kind `cloud-trail-file`). */
export interface ProcessedTrailFile {
  path: string;
  size: number;
  mtimeMs: number;
  /** Events ingested from it (0 when it was refused). */
  events: number;
  /** Why the file was refused; absent when it was ingested. */
  error?: string;
  processedAt: string;
}

export const TRAIL_LEDGER_KIND = 'cloud-trail-file';

export interface CloudTrailSourceOptions {
  directory: string;
  workspace: string;
  dataSpace: string;
  maxFileBytes: number;
  pipeline: IngestPipeline;
  /** Files already handled, kept in the metadata store so a restart does not ingest them again. */
  ledger: RecordRepository<ProcessedTrailFile>;
  logger: Logger;
}

/** Counters of the directory source (`/metrics`). */
export interface CloudTrailCounters {
  filesIngested: number;
  filesFailed: number;
  events: number;
  scans: number;
  /** A scan that could not list the directory (missing, no permission). */
  scanErrors: number;
}

/**
 * Pulls AWS CloudTrail and Huawei Cloud CTS trace files from a directory (an S3/OBS sync target):
 * each `.json`/`.json.gz` file is ingested once — remembered by path + size + mtime in the metadata
 * store, so across restarts too — and a bad file (corrupt gzip, broken JSON, not traces, too large)
 * is recorded with its error and counted, and the scan moves on. Events get ids derived from the
 * file, so a crash between ingesting a file and recording it cannot store its events twice.
 */
export class CloudTrailSource {
  readonly counters: CloudTrailCounters = {
    filesIngested: 0,
    filesFailed: 0,
    events: 0,
    scans: 0,
    scanErrors: 0,
  };
  readonly #options: CloudTrailSourceOptions;
  #running: Promise<void> | undefined;

  constructor(options: CloudTrailSourceOptions) {
    this.#options = options;
  }

  /** One pass over the directory; concurrent calls share the pass in progress. */
  scan(): Promise<void> {
    this.#running ??= this.#scan().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #scan(): Promise<void> {
    this.counters.scans++;
    let files: TrailFileInfo[];
    try {
      files = await this.#list();
    } catch (err) {
      this.counters.scanErrors++;
      this.#options.logger.warn(
        { err, directory: this.#options.directory },
        'cloud trail directory unreadable',
      );
      return;
    }
    files.sort((a, b) => a.mtimeMs - b.mtimeMs || a.path.localeCompare(b.path));
    for (const file of files) {
      const id = createHash('sha256').update(trailFileKey(file)).digest('hex');
      if ((await this.#options.ledger.get(this.#options.workspace, id)) !== undefined) continue;
      const outcome = await this.#ingest(file, id);
      if (outcome === 'retry') return;
    }
  }

  async #list(): Promise<TrailFileInfo[]> {
    const names = await readdir(this.#options.directory, { recursive: true });
    const out: TrailFileInfo[] = [];
    for (const name of names) {
      if (!isTrailFileName(name)) continue;
      const info = await stat(join(this.#options.directory, name)).catch(() => undefined);
      if (info?.isFile() !== true) continue;
      out.push({ path: name.split(sep).join('/'), size: info.size, mtimeMs: info.mtimeMs });
    }
    return out;
  }

  /** Ingests one file; 'retry' when the pipeline is busy or down (the file stays unrecorded). */
  async #ingest(file: TrailFileInfo, id: string): Promise<'done' | 'retry'> {
    const { workspace, dataSpace, pipeline, logger } = this.#options;
    const content = await this.#read(file);
    if (!content.ok) {
      this.counters.filesFailed++;
      logger.warn({ file: file.path, reason: content.error }, 'cloud trail file refused');
      await this.#remember(id, file, 0, content.error);
      return 'done';
    }
    const { records, formats } = content.trail;
    try {
      await pipeline.ingest({
        source: { workspace, dataSpace, source: `cloud-trails:${file.path.split('/')[0] ?? file.path}` },
        bytes: content.bytes,
        records,
        formatOf: (i) => formats[i],
        idOf: (i) => `ct-${id.slice(0, 32)}-${i}`,
        durable: true,
        patient: true,
      });
    } catch (err) {
      // Busy or storage down: leave the file for the next scan (its ids make a re-read harmless).
      logger.warn({ err, file: file.path }, 'cloud trail file not ingested, retrying on the next scan');
      if (isVigilError(err) && err.kind === 'user' && err.code !== 'BUS_BACKPRESSURE') {
        this.counters.filesFailed++;
        await this.#remember(id, file, 0, err.message);
        return 'done';
      }
      return 'retry';
    }
    this.counters.filesIngested++;
    this.counters.events += records.length;
    await this.#remember(id, file, records.length);
    return 'done';
  }

  async #read(
    file: TrailFileInfo,
  ): Promise<{ ok: true; trail: TrailRecords; bytes: number } | { ok: false; error: string }> {
    const limit = this.#options.maxFileBytes;
    if (file.size > limit) return { ok: false, error: `larger than ${limit} bytes` };
    let bytes: Buffer;
    try {
      bytes = await readFile(join(this.#options.directory, file.path));
      if (file.path.toLowerCase().endsWith('.gz'))
        bytes = await gunzipAsync(bytes, { maxOutputLength: limit });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      return {
        ok: false,
        error: /maxOutputLength|too large/iu.test(reason) ? `larger than ${limit} bytes` : reason,
      };
    }
    const trail = readTrailFile(bytes.toString('utf8'));
    if (!trail.ok) return { ok: false, error: trail.error };
    return { ok: true, trail, bytes: bytes.length };
  }

  async #remember(id: string, file: TrailFileInfo, events: number, error?: string): Promise<void> {
    const record: ProcessedTrailFile = {
      path: file.path,
      size: file.size,
      mtimeMs: file.mtimeMs,
      events,
      processedAt: new Date().toISOString(),
      ...(error === undefined ? {} : { error }),
    };
    try {
      await this.#options.ledger.create(this.#options.workspace, id, record);
    } catch (err) {
      // RECORD_EXISTS: another scan (or server) got there first — the file is handled either way.
      if (!(isVigilError(err) && err.code === 'RECORD_EXISTS')) throw err;
    }
  }
}
