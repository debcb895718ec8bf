import type { CatalogRoute } from './route-catalog.ts';
import { PUBLIC, type SelfAuthentication } from '../http/route-config.ts';

/** OpenAPI scheme names of the credentials routes verify themselves. */
const SELF_AUTH_SCHEMES: Record<SelfAuthentication, string> = {
  'ingest-token': 'ingestToken',
  'metrics-token': 'metricsToken',
};

type Json = Record<string, unknown>;

/** TypeBox schemas carry symbol keys; a JSON round trip leaves plain JSON Schema (2020-12 compatible). */
function plain(schema: unknown): Json {
  return JSON.parse(JSON.stringify(schema ?? {})) as Json;
}

/** `/api/v1/rules/:id` → `/api/v1/rules/{id}`; a trailing `*` becomes `{path}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\*$/, '{path}');
}

function parameters(route: CatalogRoute): Json[] {
  const out: Json[] = [];
  const params = plain(route.schema?.params);
  const names = new Set([...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? ''));
  if (route.url.endsWith('*')) names.add('path');
  for (const name of names) {
    const schema = (params['properties'] as Json | undefined)?.[name] ?? { type: 'string' };
    out.push({ name, in: 'path', required: true, schema });
  }
  const query = plain(route.schema?.querystring);
  const required = new Set((query['required'] as string[] | undefined) ?? []);
  for (const [name, schema] of Object.entries((query['properties'] as Json | undefined) ?? {})) {
    out.push({ name, in: 'query', required: required.has(name), schema });
  }
  return out;
}

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'requestId'],
      properties: {
        code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
        message: { type: 'string' },
        requestId: { type: 'string' },
        details: { type: 'object' },
      },
    },
  },
};

function responses(route: CatalogRoute): Json {
  const out: Json = {};
  const declared = (route.schema?.response ?? {}) as Record<string, unknown>;
  for (const [status, schema] of Object.entries(declared)) {
    const s = plain(schema);
    out[status] = {
      description: typeof s['description'] === 'string' ? s['description'] : `HTTP ${status}`,
      content: { [route.produces ?? 'application/json']: { schema: s } },
    };
  }
  if (!Object.keys(out).some((s) => s.startsWith('2'))) {
    out['200'] = {
      description: 'OK',
      ...(route.produces ? { content: { [route.produces]: { schema: { type: 'string' } } } } : {}),
    };
  }
  out['default'] = {
    description: 'Error (JSON error model)',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  return out;
}

/** Builds the OpenAPI 3.1 document of the registered routes. */
export function openApiDocument(routes: readonly CatalogRoute[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    // Fastify adds a HEAD twin to every GET; it is the same operation.
    if (route.method === 'HEAD' && routes.some((r) => r.url === route.url && r.method === 'GET')) continue;
    const path = openApiPath(route.url);
    const operation: Json = {
      operationId: `${route.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      ...(route.summary ? { summary: route.summary } : {}),
      security:
        route.permission === PUBLIC
          ? []
          : typeof route.auth === 'string'
            ? [{ [SELF_AUTH_SCHEMES[route.auth]]: [] }]
            : route.auth.map((scheme) => ({ [scheme]: [] })),
      'x-vigil-permission': route.permission,
      parameters: parameters(route),
      responses: responses(route),
    };
    if (route.schema?.body) {
      operation['requestBody'] = {
        required: true,
        content: { 'application/json': { schema: plain(route.schema.body) } },
      };
    }
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Vigil API', version },
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'vigil_session',
          description: '`__Host-vigil_session` over TLS; writes also need the `X-CSRF-Token` header',
        },
        bearer: { type: 'http', scheme: 'bearer', description: 'API key `vigil_ak_…`' },
        ingestToken: { type: 'http', scheme: 'bearer', description: 'Ingest token `vigil_it_…`' },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'server.metricsToken (or loopback)' },
      },
    },
  };
}
