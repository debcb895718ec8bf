import type { FastifyRequest } from 'fastify';

/** The part of a JSON schema this coercion reads. */
interface SchemaNode {
  type?: string | string[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  const?: unknown;
}

/**
 * Turns querystring text into the numbers and booleans the route's querystring schema declares, so
 * `?limit=10` validates against `Type.Integer()`. AJV runs with `coerceTypes: false` because bodies must
 * stay strict (`{"limit":"10"}` is a client bug); a querystring has no types, so only it is coerced.
 * Text that is not a canonical number/boolean is left as is, and validation then names the field.
 */
export function coerceQuerystring(schema: unknown, query: Record<string, unknown>): Record<string, unknown> {
  const properties = (schema as SchemaNode | undefined)?.properties;
  if (properties === undefined) return query;
  const out: Record<string, unknown> = { ...query };
  for (const [name, node] of Object.entries(properties)) {
    const value = out[name];
    if (value === undefined) continue;
    out[name] = Array.isArray(value)
      ? value.map((v) => coerceValue(node.items ?? node, v))
      : coerceValue(node, value);
  }
  return out;
}

function coerceValue(node: SchemaNode, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const types = typesOf(node);
  if ((types.has('integer') || types.has('number')) && !types.has('string')) {
    const n = parseNumber(value, types.has('number'));
    if (n !== undefined) return n;
  }
  if (types.has('boolean') && !types.has('string')) {
    if (value === 'true') return true;
    if (value === 'false') return false;
  }
  return value;
}

/** The JSON types a schema node accepts, through TypeBox unions and literals. */
function typesOf(node: SchemaNode): Set<string> {
  const types = new Set<string>();
  if (typeof node.type === 'string') types.add(node.type);
  else if (Array.isArray(node.type)) for (const t of node.type) types.add(t);
  if (node.const !== undefined) types.add(typeof node.const === 'number' ? 'number' : typeof node.const);
  for (const alt of [...(node.anyOf ?? []), ...(node.oneOf ?? [])])
    for (const t of typesOf(alt)) types.add(t);
  return types;
}

const INTEGER = /^-?(0|[1-9][0-9]*)$/;
const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;

function parseNumber(text: string, fractional: boolean): number | undefined {
  if (!(fractional ? NUMBER : INTEGER).test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** preValidation hook: coerces `request.query` by the route's querystring schema (bodies untouched). */
export function coerceQuerystringHook(request: FastifyRequest): Promise<void> {
  const schema = request.routeOptions.schema?.querystring;
  if (schema !== undefined && request.query !== null && typeof request.query === 'object') {
    request.query = coerceQuerystring(schema, request.query as Record<string, unknown>);
  }
  return Promise.resolve();
}
