import type { SourceRef } from '@vigil/ingest';
import type { FormatName } from '@vigil/parsers';

/** Where `vigil ingest` sends chunks: the local storage or a running server. */
export interface IngestSink {
  /** Stores one chunk of a file; resolves once it is durable. */
  send(source: SourceRef, text: string, format: FormatName): Promise<{ events: number; failed: number }>;
  close(): Promise<void>;
}
