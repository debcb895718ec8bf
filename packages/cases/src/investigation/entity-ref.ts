import { entityTypes, type EntityType } from '../alerts/entity.ts';
import {
  normaliseDomain,
  normaliseHash,
  normaliseHost,
  normaliseIp,
  normalisePath,
  normaliseUser,
  text,
} from '../alerts/normalise-entity-value.ts';
import { invalidInvestigationInput } from './investigation.error.ts';

export interface EntityRef {
  type: EntityType;
  /** Normalised as extraction does, so `WS01` finds `host:ws01`. */
  value: string;
}

function normalise(type: EntityType, value: string): string | undefined {
  switch (type) {
    case 'host':
      return normaliseHost(value);
    case 'user':
      return normaliseUser(value);
    case 'ip':
      return normaliseIp(value);
    case 'process':
    case 'file':
      return normalisePath(value);
    case 'hash':
      return normaliseHash(value);
    case 'domain':
      return normaliseDomain(value);
    case 'url':
    case 'cloud_account':
    case 'cloud_resource':
      return text(value);
  }
}

/**
 * Validates a kind and value from a request (limited to `kinds`) and normalises the value.
 * Example: `entityRef('host', 'WS01.', entityTypes)` → `{type: 'host', value: 'ws01'}`.
 */
export function entityRef(
  kind: string,
  value: string,
  kinds: readonly EntityType[] = entityTypes,
  fields: { kind: string; value: string } = { kind: 'kind', value: 'value' },
): EntityRef {
  const type = kinds.find((k) => k === kind);
  if (type === undefined) throw invalidInvestigationInput(fields.kind, `expected one of ${kinds.join(', ')}`);
  // A process node's key carries `#pid`; the value is the executable.
  const bare = type === 'process' ? value.replace(/#\d+$/, '') : value;
  const normalised = normalise(type, bare);
  if (normalised === undefined) throw invalidInvestigationInput(fields.value, `not a valid ${type} value`);
  return { type, value: normalised };
}
