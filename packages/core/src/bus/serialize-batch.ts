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
