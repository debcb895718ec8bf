/** The kinds of entity extracted from events (issue 5): the nodes of the investigation graph. */
export const entityTypes = [
  'host',
  'user',
  'ip',
  'process',
  'file',
  'hash',
  'domain',
  'url',
  'cloud_account',
  'cloud_resource',
] as const;
export type EntityType = (typeof entityTypes)[number];

/** An entity of an alert, normalised so that the same thing seen twice has the same key. */
export interface Entity {
  /** `type:value` (processes add `#pid`): the identity used for dedup and grouping. */
  key: string;
  type: EntityType;
  /** Normalised value: lower-case host/user/domain/hash, canonical IP, Windows paths folded. */
  value: string;
  /** ECS fields it was read from, e.g. `source.ip`. */
  fields: string[];
  /** How it took part, e.g. `source`, `destination`, `parent`, `target`, `actor`. */
  roles: string[];
  /** Extra facts: pid, command line, hash algorithm, cloud provider… (first value seen wins). */
  attributes: Record<string, string | number>;
}

/** Entity key from type and normalised value. Example: `entityKey('host', 'ws01')` → `'host:ws01'`. */
export function entityKey(type: EntityType, value: string): string {
  return `${type}:${value}`;
}

/** The entity type of a key. Example: `entityTypeOfKey('ip:10.0.0.1')` → `'ip'`. */
export function entityTypeOfKey(key: string): EntityType | undefined {
  const type = key.slice(0, key.indexOf(':'));
  return (entityTypes as readonly string[]).includes(type) ? (type as EntityType) : undefined;
}

/** Human-readable form for provenance text. Example: `describeEntityKey('host:ws01')` → `'host ws01'`. */
export function describeEntityKey(key: string): string {
  const i = key.indexOf(':');
  return i < 0 ? key : `${key.slice(0, i).replace('_', ' ')} ${key.slice(i + 1)}`;
}
