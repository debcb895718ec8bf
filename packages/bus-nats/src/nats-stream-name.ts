/** Validates a stream prefix: it becomes part of stream names and (lowercased) of subjects. */
export const STREAM_PREFIX_PATTERN = /^[A-Za-z0-9-]+$/;

/**
 * The stream of a topic: `<prefix>_<topic>` with each `.` written `_DOT_` (stream names cannot hold
 * dots). Topics are lowercase, so the uppercase escape keeps distinct topics distinct.
 */
export function natsStreamName(prefix: string, topic: string): string {
  return `${prefix}_${topic.replaceAll('.', '_DOT_')}`;
}

/** The subject a topic is published on, e.g. `vigil.events.raw` for prefix VIGIL. */
export function natsSubject(prefix: string, topic: string): string {
  return `${prefix.toLowerCase()}.${topic}`;
}
