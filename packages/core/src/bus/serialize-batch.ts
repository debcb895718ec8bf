import { userError } from '../errors/vigil-error.ts';

/**
 * The JSON text of a batch, as it travels on the bus. Both adapters use it, so a batch that would not
 * survive the network (BigInt, cycles) fails in embedded mode too, as BUS_INVALID_BATCH.
 */
export function serializeBatch(batch: unknown): string {
  if (!Array.isArray(batch)) {
    throw userError('BUS_INVALID_BATCH', 'a published batch must be an array');
  }
  try {
    return JSON.stringify(batch);
  } catch (cause) {
    throw userError('BUS_INVALID_BATCH', 'a published batch must be JSON-serialisable', { cause });
  }
}

/**
 * Like `serializeBatch`, but returns each item's own JSON text (the batch is `[items joined by ,]`), so a receiver can reuse it
 * (see `rememberEventJson`). Items that JSON.stringify drops (undefined, functions) become `null`,
 * as they would inside an array.
 */
export function serializeBatchItems(batch: unknown): string[] {
  if (!Array.isArray(batch)) {
    throw userError('BUS_INVALID_BATCH', 'a published batch must be an array');
  }
  try {
    return batch.map((item: unknown) => JSON.stringify(item) ?? 'null');
  } catch (cause) {
    throw userError('BUS_INVALID_BATCH', 'a published batch must be JSON-serialisable', { cause });
  }
}
