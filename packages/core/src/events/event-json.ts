/**
 * The JSON text an object was parsed from, when the in-process bus delivered it: the store then
 * writes that text instead of serialising the event a second time (about a tenth of the embedded
 * write path's CPU). Keyed weakly, so a delivered batch's texts go away with the batch.
 * Deliveries are read-only by contract (they are shared between consumer groups); an object a
 * handler mutated anyway would be stored as published, which is what the publisher sent.
 */
const texts = new WeakMap<object, string>();

/** Records that `value` was parsed from `text` (the bus does this for each delivered item). */
export function rememberEventJson(value: unknown, text: string): void {
  if (typeof value === 'object' && value !== null) texts.set(value, text);
}

/** The JSON text of an event: the one it was delivered as, else `JSON.stringify(event)`. */
export function eventJson(event: object): string {
  return texts.get(event) ?? JSON.stringify(event);
}
