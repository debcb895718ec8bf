import { OptionalKind, type TSchema } from '@sinclair/typebox';
import { VigilConfigSchema } from './config.schema.ts';

/** One settable leaf of the configuration schema, flattened with its annotations. */
export interface ConfigKey {
  /** Dotted path, e.g. `server.port`. */
  path: string;
  schema: TSchema;
  type: 'string' | 'integer' | 'number' | 'boolean';
  optional: boolean;
  default: unknown;
  env?: string;
  flag?: string;
  secret?: 'url' | 'value';
  hint?: string;
  /** Allowed values when the leaf is a union of literals. */
  choices?: string[];
  description: string;
}

function leafType(schema: TSchema): ConfigKey['type'] {
  if (Array.isArray(schema['anyOf'])) return 'string';
  const type: unknown = schema['type'];
  if (type === 'integer' || type === 'number' || type === 'boolean' || type === 'string') return type;
  throw new Error(`config schema: unsupported leaf type ${String(type)}`);
}

function flatten(schema: TSchema, prefix: string, out: ConfigKey[]): void {
  const properties = schema['properties'] as Record<string, TSchema>;
  for (const [name, child] of Object.entries(properties)) {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    if (child['type'] === 'object') {
      flatten(child, path, out);
      continue;
    }
    const anyOf = child['anyOf'] as TSchema[] | undefined;
    const key: ConfigKey = {
      path,
      schema: child,
      type: leafType(child),
      optional: child[OptionalKind] === 'Optional',
      default: child['default'],
      description: String(child['description'] ?? ''),
    };
    if (typeof child['env'] === 'string') key.env = child['env'];
    if (typeof child['flag'] === 'string') key.flag = child['flag'];
    const secret: unknown = child['secret'];
    if (secret === 'url' || secret === 'value') key.secret = secret;
    if (typeof child['hint'] === 'string') key.hint = child['hint'];
    if (anyOf) key.choices = anyOf.map((s) => String(s['const']));
    out.push(key);
  }
}

const keys: ConfigKey[] = [];
flatten(VigilConfigSchema, '', keys);

/** Every leaf of the configuration schema, in schema order. */
export const configKeys: readonly ConfigKey[] = keys;

/** The leaf at a dotted path, if any. */
export function findConfigKey(path: string): ConfigKey | undefined {
  return configKeys.find((k) => k.path === path);
}

/** True when `path` names an object of the schema (`server`, `server.tls`) rather than a leaf. */
export function isConfigGroup(path: string): boolean {
  return configKeys.some((k) => k.path.startsWith(`${path}.`));
}
