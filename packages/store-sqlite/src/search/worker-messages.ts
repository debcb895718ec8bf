import type { EventSearchRequest, EventSearchResult } from '@vigil/core';
import type { QueryPlan } from '@vigil/query';

/** Main thread → search worker. */
export interface SearchRequestMessage {
  id: number;
  request: EventSearchRequest<QueryPlan>;
}

/** A VigilError's fields, as they cross the thread boundary. */
export interface SearchErrorFields {
  code: string;
  kind: 'user' | 'operational' | 'unexpected';
  message: string;
  details?: Record<string, unknown>;
  status?: number;
  retryAfterSeconds?: number;
}

/** Search worker → main thread. */
export type SearchReply =
  { id: number; result: EventSearchResult } | { id: number; error: SearchErrorFields };
