import type { ParsedEvent } from '../parsed-event.ts';
import { toIsoTime } from './to-iso-time.ts';

/** A fresh event whose time is the record's own time when known, else the arrival time. */
export function newEvent(time: unknown, receivedAt: number): ParsedEvent {
  return { '@timestamp': toIsoTime(time) ?? new Date(receivedAt).toISOString() };
}

/**
 * The kept-but-failed event: original text in `message`, arrival time, and a precise reason.
 * @example failedEvent('CEF:0|a', now, 'cef: header has 2 of 7 fields')
 */
export function failedEvent(
  input: string | Record<string, unknown>,
  receivedAt: number,
  error: string,
): ParsedEvent {
  const event: ParsedEvent = { '@timestamp': new Date(receivedAt).toISOString(), parse_error: error };
  if (typeof input === 'string') event.message = input;
  else event.raw = input;
  return event;
}
