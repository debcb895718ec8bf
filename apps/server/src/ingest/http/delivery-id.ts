import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { userError } from '@vigil/core';

/** Headers that carry a sender's delivery id (the second is the common HTTP idempotency-key name). */
export const DELIVERY_ID_HEADERS = ['x-vigil-delivery-id', 'idempotency-key'] as const;

const VALID = /^[\x21-\x7e]{1,128}$/u;

/**
 * Stable event ids for a re-sendable submission: a sender that names each batch with a delivery id
 * (`X-Vigil-Delivery-Id` or `Idempotency-Key`) and re-sends it after a timeout, a 429/503 or a
 * server crash gets the same `vigil.id` for record `i`, and the store keeps one copy per (event time,
 * id). Scoped by the ingest token so two senders cannot collide or overwrite each other's events.
 * Undefined without the header; a malformed header is a 400 naming it.
 */
export function deliveryIdsOf(
  request: FastifyRequest,
  tokenId: string,
): ((index: number) => string) | undefined {
  let value: string | undefined;
  let name: string | undefined;
  for (const header of DELIVERY_ID_HEADERS) {
    const raw = request.headers[header];
    if (raw === undefined) continue;
    value = Array.isArray(raw) ? raw.join(',') : raw;
    name = header;
    break;
  }
  if (value === undefined || name === undefined) return undefined;
  if (!VALID.test(value)) {
    throw userError('INVALID_DELIVERY_ID', `${name} must be 1 to 128 visible ASCII characters`, {
      details: { field: `headers.${name}` },
    });
  }
  const prefix = `dl-${createHash('sha256').update(`${tokenId}\u0000${value}`).digest('base64url').slice(0, 24)}`;
  return (index) => `${prefix}-${index}`;
}
