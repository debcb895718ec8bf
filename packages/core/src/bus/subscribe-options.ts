import { userError } from '../errors/vigil-error.ts';
import type { SubscribeOptions } from './bus.port.ts';

/** SubscribeOptions with every default applied. */
export type ResolvedSubscribeOptions = Required<SubscribeOptions>;

const DEFAULTS: ResolvedSubscribeOptions = {
  maxInFlight: 4,
  ackWaitMs: 30_000,
  maxDeliver: 5,
  retryDelayMs: 1_000,
};

/** Applies the port's defaults and rejects non-positive or non-integer values (BUS_INVALID_OPTIONS). */
export function resolveSubscribeOptions(options: SubscribeOptions = {}): ResolvedSubscribeOptions {
  const resolved = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof ResolvedSubscribeOptions)[]) {
    const value = options[key];
    if (value === undefined) continue;
    const min = key === 'retryDelayMs' ? 0 : 1;
    if (!Number.isSafeInteger(value) || value < min) {
      throw userError('BUS_INVALID_OPTIONS', `subscribe option ${key} must be an integer >= ${min}`, {
        details: { option: key, value },
      });
    }
    resolved[key] = value;
  }
  return resolved;
}

/** Delay before redelivering after the `attempt`-th delivery failed: linear backoff capped at ackWaitMs. */
export function redeliveryDelayMs(attempt: number, options: ResolvedSubscribeOptions): number {
  return Math.min(options.retryDelayMs * attempt, options.ackWaitMs);
}
