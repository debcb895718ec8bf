import type { FormatName } from './parsed-event.ts';
import { isRecord } from './ecs/values.ts';
import { splitJsonDocuments } from './json/split-json-documents.ts';

/** One record to hand to `parseRecord`: a parsed JSON object, or a text line / broken JSON text. */
export type RecordInput = string | Record<string, unknown>;

const jsonFormats = new Set<FormatName>(['json', 'windows', 'cloudtrail', 'cts']);

/**
 * Frames a chunk of text into records. JSON text (concatenated or pretty-printed documents, NDJSON,
 * arrays, CloudTrail `{"Records":[…]}` files) yields objects; other formats yield non-empty lines.
 * A JSON document that fails to parse is returned as its text, so `parseRecord` keeps it with an error.
 * @example splitRecords('{"Records":[{"eventName":"A"},{"eventName":"B"}]}') // two objects
 */
export function splitRecords(text: string, format: FormatName = 'auto'): RecordInput[] {
  const first = text.trimStart()[0];
  const looksJson = first === '{' || first === '[';
  if (jsonFormats.has(format) || (looksJson && (format === 'auto' || format === 'web-access'))) {
    return splitJson(text);
  }
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (trimmed.trim() !== '') out.push(trimmed);
  }
  return out;
}

function splitJson(text: string): RecordInput[] {
  const out: RecordInput[] = [];
  // One level only: a top-level array or a CloudTrail file holds records; deeper nesting is data.
  const pushRecord = (value: unknown): void => {
    out.push(isRecord(value) ? value : safeStringify(value));
  };
  for (const chunk of splitJsonDocuments(text)) {
    if (!chunk.ok) out.push(chunk.text);
    else if (Array.isArray(chunk.value)) chunk.value.forEach(pushRecord);
    else if (isRecord(chunk.value) && Array.isArray(chunk.value['Records']))
      chunk.value['Records'].forEach(pushRecord);
    else pushRecord(chunk.value);
  }
  return out;
}

/** Non-object values go back to text so `parseRecord` reports them; absurd nesting cannot be re-serialised. */
function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return '[unserialisable JSON value]';
  }
}
