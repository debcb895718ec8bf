import { operationalError, userError, type VigilError } from '../errors/vigil-error.ts';
import { CONSUMER_PATTERN, TOPIC_PATTERN } from './bus.port.ts';

/** Throws BUS_INVALID_TOPIC unless `topic` matches TOPIC_PATTERN (topics become NATS subjects). */
export function assertTopic(topic: string): void {
  if (typeof topic !== 'string' || !TOPIC_PATTERN.test(topic) || topic.length > 128) {
    throw userError(
      'BUS_INVALID_TOPIC',
      'topic must be dot-separated tokens of [a-z0-9_-], at most 128 chars',
      {
        details: { topic: String(topic).slice(0, 200) },
      },
    );
  }
}

/** Throws BUS_INVALID_CONSUMER unless `consumer` matches CONSUMER_PATTERN. */
export function assertConsumer(consumer: string): void {
  if (typeof consumer !== 'string' || !CONSUMER_PATTERN.test(consumer) || consumer.length > 64) {
    throw userError(
      'BUS_INVALID_CONSUMER',
      'consumer name must be one token of [a-z0-9_-], at most 64 chars',
      {
        details: { consumer: String(consumer).slice(0, 200) },
      },
    );
  }
}

/** The topic is at capacity: callers answer 429 with Retry-After or stop reading. */
export function busBackpressureError(topic: string, capacity: number, cause?: unknown): VigilError {
  return operationalError('BUS_BACKPRESSURE', 'topic is at capacity, retry later', {
    retryAfterSeconds: 1,
    details: { topic, capacity },
    ...(cause === undefined ? {} : { cause }),
  });
}

export function busClosedError(): VigilError {
  return operationalError('BUS_CLOSED', 'the bus is closed');
}
