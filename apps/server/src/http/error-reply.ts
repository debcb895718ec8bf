import type { FastifyError } from 'fastify';
import { isVigilError } from '@vigil/core';

/** The JSON error model every API answer uses: `{ "error": { code, message, requestId, details? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; requestId: string; details?: Record<string, unknown> };
}

export interface ErrorReply {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  retryAfterSeconds?: number;
  /** How loudly to log it: client mistakes are not alarming, bugs are. */
  level: 'info' | 'warn' | 'error';
}

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
};

/** `body.user.name` from Fastify's validation context and AJV's instance path. */
function fieldOf(error: FastifyError): string {
  const first = error.validation?.[0];
  const context = error.validationContext ?? 'request';
  if (!first) return context;
  const missing = (first.params as { missingProperty?: string } | undefined)?.missingProperty;
  const path = first.instancePath.split('/').filter(Boolean);
  if (missing) path.push(missing);
  return [context, ...path].join('.');
}

/**
 * Maps any thrown value to the HTTP error model. Only user errors and Fastify's own client errors
 * reach clients with their message; everything else gets a generic message (details stay in the log).
 */
export function toErrorReply(error: unknown): ErrorReply {
  if (isVigilError(error)) {
    switch (error.kind) {
      case 'user':
        return {
          status: error.status ?? 400,
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
          ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
          level: 'info',
        };
      case 'operational':
        return {
          status: 503,
          code: error.code,
          message: error.message,
          ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
          level: 'warn',
        };
      case 'unexpected':
        return { status: 500, code: 'INTERNAL_ERROR', message: 'internal error', level: 'error' };
    }
  }
  const fastifyError = error as Partial<FastifyError> | null;
  if (fastifyError?.validation) {
    const field = fieldOf(fastifyError as FastifyError);
    const problem = fastifyError.validation[0]?.message ?? 'is invalid';
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: `${field} ${problem}`,
      details: { field },
      level: 'info',
    };
  }
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code =
      FASTIFY_CODES[fastifyError?.code ?? ''] ?? (status === 413 ? 'BODY_TOO_LARGE' : 'BAD_REQUEST');
    return { status, code, message: fastifyError?.message ?? 'bad request', level: 'info' };
  }
  return { status: 500, code: 'INTERNAL_ERROR', message: 'internal error', level: 'error' };
}
