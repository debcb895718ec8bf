import type { FastifyReply, FastifyRequest } from 'fastify';
import { userError } from '@vigil/core';

/**
 * Admission control of the HTTP ingest endpoints: at most `max` requests are handled at once, and the
 * next one is refused with 429 + Retry-After before its body is read. Without it, memory grows with
 * the number of senders (each holds a body of up to the body limit while it is parsed); the bus
 * queue bound alone does not help in embedded mode, where the SQLite writer runs on the same thread
 * and keeps the queue short while the requests pile up in front of it.
 */
export class IngestAdmission {
  readonly max: number;
  #inFlight = 0;
  /** Requests refused because too many were in flight (`vigil_ingest_overload_refused_total`). */
  refused = 0;

  constructor(max: number) {
    this.max = max;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** onRequest hook of the ingest scope. */
  readonly hook = async (_request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (this.#inFlight >= this.max) {
      this.refused++;
      throw userError('INGEST_BUSY', 'too many ingest requests at once, retry later', {
        status: 429,
        retryAfterSeconds: 1,
      });
    }
    this.#inFlight++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.#inFlight--;
    };
    // 'close' also fires when the sender hangs up mid-request, so a slot is never leaked.
    reply.raw.once('finish', release);
    reply.raw.once('close', release);
  };
}
