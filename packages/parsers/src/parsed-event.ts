import type { VigilEvent } from '@vigil/core';

/** Formats the parsers understand; `auto` detects, `text` is an unstructured line kept as `message`. */
export type FormatName =
  | 'json'
  | 'windows'
  | 'syslog'
  | 'cef'
  | 'leef'
  | 'kv'
  | 'linux-auth'
  | 'auditd'
  | 'web-access'
  | 'cloudtrail'
  | 'cts'
  | 'text'
  | 'auto';

/** A concrete format (what detection answers). */
export type DetectedFormat = Exclude<FormatName, 'auto'>;

/**
 * A parsed, ECS-normalised event before the platform adds `vigil.*` (DESIGN.md §2).
 * `parse_error` is moved to `vigil.parse_error` by the pipeline.
 */
export type ParsedEvent = Omit<VigilEvent, 'vigil' | '@timestamp' | 'message' | 'raw'> & {
  '@timestamp': string;
  message?: string;
  raw?: Record<string, unknown>;
  parse_error?: string;
};

export interface ParseOptions {
  format?: FormatName;
  /** Epoch ms when the record arrived: the fallback event time (and the year for RFC 3164). */
  receivedAt: number;
}
