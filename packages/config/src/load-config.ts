import { resolve } from 'node:path';
import { userError } from '@vigil/core';
import { Value } from '@sinclair/typebox/value';
import { VigilConfigSchema, type VigilConfig } from './config.schema.ts';
import { configKeys, findConfigKey, isConfigGroup } from './config-keys.ts';
import { checkConfigValue, coerceConfigText } from './check-config-value.ts';
import { readConfigFile } from './parse-config-file.ts';

export interface LoadConfigOptions {
  /** Config file path; when absent, `env.VIGIL_CONFIG` is used; no file is fine. */
  file?: string;
  env?: Record<string, string | undefined>;
  /** Parsed CLI flags by flag name without `--` (e.g. `{ port: '9000', 'data-dir': '/srv' }`). */
  flags?: Record<string, string | boolean | undefined>;
  /** Base for relative paths (dataDir, the config file). */
  cwd?: string;
}

/** Where a setting came from, as shown in errors and `vigil config print`. */
export type ConfigSource = 'default' | `file ${string}` | `env ${string}` | `flag --${string}`;

export interface ResolvedConfig {
  config: VigilConfig;
  /** Source of every key that has a value. */
  sources: Record<string, ConfigSource>;
}

export interface ConfigProblem {
  key: string;
  problem: string;
  source: ConfigSource;
}

/** Renders the CONFIG_INVALID message: one problem on one line, several one per line. */
function configInvalid(problems: ConfigProblem[]): Error {
  const lines = problems.map((p) => `${p.key}: ${p.problem} (source: ${p.source})`);
  const message =
    lines.length === 1
      ? `invalid configuration: ${lines[0]}`
      : `invalid configuration:\n  ${lines.join('\n  ')}`;
  return userError('CONFIG_INVALID', message, { details: { problems } });
}

/** Reads the file's settings into `values`, reporting unknown keys and misplaced objects. */
function applyFile(
  doc: Record<string, unknown>,
  prefix: string,
  source: ConfigSource,
  values: Map<string, { value: unknown; source: ConfigSource }>,
  problems: ConfigProblem[],
): void {
  for (const [name, value] of Object.entries(doc)) {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    if (findConfigKey(path)) {
      values.set(path, { value, source });
    } else if (isConfigGroup(path)) {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        applyFile(value as Record<string, unknown>, path, source, values, problems);
      } else {
        problems.push({ key: path, problem: 'must be an object', source });
      }
    } else {
      problems.push({ key: path, problem: 'unknown setting', source });
    }
  }
}

/** Creates the objects on the way to `path` and returns the innermost one with the leaf name. */
function parentOf(target: Record<string, unknown>, path: string): [Record<string, unknown>, string] {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  return [node, parts[parts.length - 1] ?? path];
}

/**
 * Resolves the configuration: schema defaults, then the JSON config file (`--config` / VIGIL_CONFIG),
 * then `VIGIL_*` environment variables, then CLI flags. Throws CONFIG_INVALID listing every problem.
 */
export function resolveConfig(options: LoadConfigOptions = {}): ResolvedConfig {
  const env = options.env ?? {};
  const flags = options.flags ?? {};
  const cwd = options.cwd ?? '.';
  const values = new Map<string, { value: unknown; source: ConfigSource }>();
  const problems: ConfigProblem[] = [];

  for (const key of configKeys) {
    if (key.default !== undefined) values.set(key.path, { value: key.default, source: 'default' });
  }

  const flagFile = flags['config'];
  const file =
    options.file ??
    (typeof flagFile === 'string' ? flagFile : undefined) ??
    (env['VIGIL_CONFIG'] || undefined);
  if (file !== undefined) {
    applyFile(readConfigFile(file, cwd), '', `file ${file}`, values, problems);
  }

  for (const key of configKeys) {
    const text = key.env === undefined ? undefined : env[key.env];
    if (key.env === undefined || text === undefined || text === '') continue;
    const coerced = coerceConfigText(key, text);
    const source: ConfigSource = `env ${key.env}`;
    if (coerced.ok) values.set(key.path, { value: coerced.value, source });
    else problems.push({ key: key.path, problem: coerced.problem, source });
  }

  for (const key of configKeys) {
    const raw = key.flag === undefined ? undefined : flags[key.flag];
    if (key.flag === undefined || raw === undefined) continue;
    const source: ConfigSource = `flag --${key.flag}`;
    const coerced = typeof raw === 'boolean' ? { ok: true as const, value: raw } : coerceConfigText(key, raw);
    if (coerced.ok) values.set(key.path, { value: coerced.value, source });
    else problems.push({ key: key.path, problem: coerced.problem, source });
  }

  const config: Record<string, unknown> = {};
  const sources: Record<string, ConfigSource> = {};
  for (const key of configKeys) {
    const entry = values.get(key.path);
    // Objects always exist so callers can read `config.server.tls.certFile` without guards.
    const [parent, name] = parentOf(config, key.path);
    if (entry === undefined) continue;
    if (problems.some((p) => p.key === key.path)) continue;
    const problem = checkConfigValue(key, entry.value);
    if (problem !== undefined) {
      problems.push({ key: key.path, problem, source: entry.source });
      continue;
    }
    parent[name] = key.path === 'dataDir' ? resolve(cwd, entry.value as string) : entry.value;
    sources[key.path] = entry.source;
  }
  if (problems.length > 0) throw configInvalid(problems);
  if (!Value.Check(VigilConfigSchema, config)) {
    // Every leaf was checked above; this guards against the schema and the checker drifting apart.
    const first = Value.Errors(VigilConfigSchema, config).First();
    throw configInvalid([
      { key: first?.path ?? '?', problem: first?.message ?? 'invalid', source: 'default' },
    ]);
  }
  return { config, sources };
}

/** `resolveConfig(...).config`. */
export function loadConfig(options: LoadConfigOptions = {}): VigilConfig {
  return resolveConfig(options).config;
}
