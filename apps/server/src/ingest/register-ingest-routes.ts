import type { FastifyInstance } from 'fastify';
import type { IngestServices } from './ingest-services.ts';
import { registerNativeIngestRoutes } from './native/native-ingest.routes.ts';
import { registerHecRoutes } from './hec/hec.routes.ts';
import { registerEsRoutes } from './es/es.routes.ts';
import { registerOtlpRoutes } from './otlp/otlp.routes.ts';
import { registerSourceStatsRoute } from './stats/source-stats.routes.ts';

/**
 * Registers the ingest endpoints (DESIGN §5). They live in their own encapsulated scope, which keeps
 * every body as bytes whatever its Content-Type (NDJSON, text, gzip…): each protocol decodes its own.
 */
export async function registerIngestRoutes(
  app: FastifyInstance,
  services: IngestServices,
  bodyLimit: number,
): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.addHook('onRequest', services.admission.hook);
    registerNativeIngestRoutes(scope, services, bodyLimit);
    registerOtlpRoutes(scope, services, bodyLimit);
    await scope.register((hec) => registerHecRoutes(hec, services, bodyLimit));
    await scope.register((es) => registerEsRoutes(es, services, bodyLimit));
  });
  registerSourceStatsRoute(app, services);
}
