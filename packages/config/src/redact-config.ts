import type { VigilConfig } from './config.schema.ts';
import { configKeys } from './config-keys.ts';

export const REDACTED = '[redacted]';

/**
 * `postgres://vigil:s3cret@db/x` → `postgres://vigil:[redacted]@db/x`; unparsable URLs are redacted
 * whole; comma-separated lists (NATS cluster URLs) are redacted one by one.
 */
export function redactUrl(value: string): string {
  if (value.includes(','))
    return value
      .split(',')
      .map((part) => redactUrl(part.trim()))
      .join(',');
  try {
    const url = new URL(value);
    if (url.password === '') return value;
    url.password = 'REDACTED_PLACEHOLDER';
    return url.toString().replace('REDACTED_PLACEHOLDER', REDACTED);
  } catch {
    return REDACTED;
  }
}

/** A deep copy of the config with every secret leaf (schema `secret` annotation) redacted. */
export function redactConfig(config: VigilConfig): VigilConfig {
  const copy = structuredClone(config) as unknown as Record<string, unknown>;
  for (const key of configKeys) {
    if (!key.secret) continue;
    const parts = key.path.split('.');
    let node: Record<string, unknown> | undefined = copy;
    for (const part of parts.slice(0, -1)) node = node?.[part] as Record<string, unknown> | undefined;
    const name = parts[parts.length - 1] ?? key.path;
    const value = node?.[name];
    if (node === undefined || typeof value !== 'string') continue;
    node[name] = key.secret === 'url' ? redactUrl(value) : REDACTED;
  }
  return copy as unknown as VigilConfig;
}
