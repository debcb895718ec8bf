import type { VigilEvent } from '@vigil/core';
import type { ParsedEvent } from '@vigil/parsers';
import type { SourceRef } from './source-ref.ts';

/**
 * Adds the platform metadata (DESIGN §2 `vigil.*`) to a parsed event; a parser's `parse_error`
 * moves to `vigil.parse_error`. The parsed object is reused, not copied.
 */
export function toVigilEvent(
  parsed: ParsedEvent,
  ref: SourceRef,
  id: string,
  receivedAt: string,
): VigilEvent {
  const { parse_error: parseError, ...rest } = parsed;
  const event = rest as VigilEvent;
  event.vigil = {
    id,
    workspace: ref.workspace,
    data_space: ref.dataSpace,
    source: ref.source,
    received_at: receivedAt,
    ...(parseError === undefined ? {} : { parse_error: parseError }),
  };
  return event;
}
