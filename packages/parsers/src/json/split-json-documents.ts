/** One top-level JSON document found in a text, or the text of one that failed to parse. */
export type JsonChunk =
  { ok: true; value: unknown; offset: number } | { ok: false; text: string; offset: number; error: string };

/**
 * Splits concatenated JSON documents (pretty-printed one after another, NDJSON, or a single array)
 * into values, without recursion limits from the splitter itself. A broken document is returned as
 * text with its error so the caller can keep it as a parse-error event; scanning resumes after it.
 * @example splitJsonDocuments('{"a":1}\n{"b":2}') // two chunks
 */
export function splitJsonDocuments(text: string): JsonChunk[] {
  const chunks: JsonChunk[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff || c === 44) {
      i++;
      continue;
    }
    const start = i;
    if (c !== 123 && c !== 91) {
      // Not an object/array: take the rest of the line as one broken chunk.
      let end = text.indexOf('\n', i);
      if (end < 0) end = n;
      chunks.push({
        ok: false,
        text: text.slice(start, end).trimEnd(),
        offset: start,
        error: `json: expected '{' or '[' at offset ${start}`,
      });
      i = end;
      continue;
    }
    const { end, tooDeep } = scanDocumentEnd(text, start);
    const slice = text.slice(start, end);
    if (tooDeep) {
      chunks.push({
        ok: false,
        text: slice,
        offset: start,
        error: `json: nested deeper than ${MAX_JSON_DEPTH} levels (document at offset ${start})`,
      });
      i = end;
      continue;
    }
    try {
      chunks.push({ ok: true, value: JSON.parse(slice) as unknown, offset: start });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      chunks.push({
        ok: false,
        text: slice,
        offset: start,
        error: `json: ${reason} (document at offset ${start})`,
      });
    }
    i = end;
  }
  return chunks;
}

/**
 * Deepest nesting a document may have. JSON.parse copes with far more, but everything after it that
 * recurses (JSON.stringify on the bus, normalisers, SQL JSON functions) overflows its stack on
 * adversarial input; such a document is kept as a parse-error event instead.
 */
export const MAX_JSON_DEPTH = 512;

/**
 * End offset (exclusive) of the document starting at `start`: bracket depth back to zero, or end of
 * text; `tooDeep` when it nests past MAX_JSON_DEPTH.
 */
function scanDocumentEnd(text: string, start: number): { end: number; tooDeep: boolean } {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return { end: i + 1, tooDeep: deepest > MAX_JSON_DEPTH };
    } else if (c === 10 && depth > 0 && looksLikeNewDocument(text, i + 1)) {
      // A truncated NDJSON line: stop at the newline so the next line still parses.
      return { end: i, tooDeep: deepest > MAX_JSON_DEPTH };
    }
  }
  return { end: text.length, tooDeep: deepest > MAX_JSON_DEPTH };
}

/** A line that starts a new top-level NDJSON object (`{"`) right after a newline, not indented. */
function looksLikeNewDocument(text: string, at: number): boolean {
  return text.charCodeAt(at) === 123 && text.charCodeAt(at + 1) === 34;
}
