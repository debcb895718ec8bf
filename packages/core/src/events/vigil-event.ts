/**
 * The stored event document (DESIGN.md §2 ◆): ECS field names for everything normalised,
 * `raw` with the vendor's original field names, `message` for text sources, and `vigil.*` metadata.
 * ECS fields are nested objects (`{"process":{"name":"cmd.exe"}}`), addressed by dotted paths.
 */
export interface VigilMeta {
  id: string;
  workspace: string;
  data_space: string;
  source?: string;
  /** ISO-8601 time the platform received the event. */
  received_at: string;
  /** Why parsing failed; the event is kept, never dropped. */
  parse_error?: string;
}

export interface VigilEvent {
  /** ISO-8601 event time (when it happened, not when it arrived). */
  '@timestamp': string;
  message?: string;
  raw?: Record<string, unknown>;
  vigil: VigilMeta;
  [field: string]: unknown;
}

/** Reads a dotted path (`process.parent.name`) from a nested document; also accepts flat dotted keys. */
export function getField(doc: Record<string, unknown>, path: string): unknown {
  if (path in doc) return doc[path];
  let current: unknown = doc;
  let rest = path;
  while (rest.length > 0) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    const obj = current as Record<string, unknown>;
    if (rest in obj) return obj[rest];
    const dot = rest.indexOf('.');
    if (dot < 0) return undefined;
    // Prefer the longest flat key that exists (ECS allows `{"event.code": …}` as well as nesting).
    let advanced = false;
    for (let i = rest.lastIndexOf('.'); i > 0; i = rest.lastIndexOf('.', i - 1)) {
      const head = rest.slice(0, i);
      if (head in obj) {
        current = obj[head];
        rest = rest.slice(i + 1);
        advanced = true;
        break;
      }
    }
    if (!advanced) return undefined;
  }
  return current;
}
