import type { FastifyInstance } from 'fastify';
import { toErrorReply, type ErrorBody } from './error-reply.ts';

/** Installs the one place that turns errors into HTTP answers (DESIGN §4), and the 404 answer. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const mapped = toErrorReply(error);
    request.log[mapped.level]({ err: error, code: mapped.code, status: mapped.status }, 'request failed');
    if (mapped.retryAfterSeconds !== undefined) reply.header('retry-after', String(mapped.retryAfterSeconds));
    const body: ErrorBody = {
      error: {
        code: mapped.code,
        message: mapped.message,
        requestId: request.id,
        ...(mapped.details ? { details: mapped.details } : {}),
      },
    };
    return reply.status(mapped.status).type('application/json; charset=utf-8').send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: {
        code: 'NOT_FOUND',
        message: `no route for ${request.method} ${request.url.split('?')[0] ?? ''}`,
        requestId: request.id,
      },
    };
    return reply.status(404).send(body);
  });
}
