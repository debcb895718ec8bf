import type { Entity, EntityType } from '../alerts/entity.ts';
import {
  relationshipKey,
  type RelationshipKind,
  type RelationshipLink,
  type RelationshipType,
} from './relationship-link.ts';

export interface RelationshipSuggestion {
  kind: RelationshipKind;
  type: RelationshipType;
  value: string;
  /** Why: the entity it comes from and its role, e.g. `destination ip of 2 alerts`. */
  reason: string;
}

/** Entity types that suggest a link, and as what: our hosts and accounts are assets, the rest indicators. */
const asLink: Partial<Record<EntityType, { kind: RelationshipKind; type: RelationshipType }>> = {
  host: { kind: 'asset', type: 'host' },
  user: { kind: 'asset', type: 'user' },
  cloud_resource: { kind: 'asset', type: 'cloud_resource' },
  cloud_account: { kind: 'asset', type: 'cloud_account' },
  ip: { kind: 'indicator', type: 'ip' },
  domain: { kind: 'indicator', type: 'domain' },
  url: { kind: 'indicator', type: 'url' },
  hash: { kind: 'indicator', type: 'hash' },
};

/** Private, loopback and link-local addresses are ours (assets), not indicators of an attacker. */
function isInternalIp(ip: string): boolean {
  const v4 = ip.split('.').map(Number);
  if (v4.length === 4) {
    const [a = 0, b = 0] = v4;
    return (
      a === 10 ||
      a === 127 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254)
    );
  }
  return ip === '::1' || ip.startsWith('fe80:') || ip.startsWith('fc') || ip.startsWith('fd');
}

/**
 * Links worth adding, from the entities of a case's alerts: hosts, accounts and cloud resources as
 * assets, public addresses, domains, URLs and digests as indicators (private addresses as assets). Ones
 * already linked are left out; the most frequent first, at most `limit`.
 * Example: `suggestRelationships([alert.entities], [])[0]` → `{ kind: 'indicator', type: 'ip', value: '203.0.113.9', … }`.
 */
export function suggestRelationships(
  entitiesPerAlert: readonly (readonly Entity[])[],
  existing: readonly Pick<RelationshipLink, 'kind' | 'type' | 'value'>[],
  limit = 20,
): RelationshipSuggestion[] {
  const taken = new Set(existing.map(relationshipKey));
  const found = new Map<
    string,
    { s: Omit<RelationshipSuggestion, 'reason'>; roles: Set<string>; alerts: number }
  >();
  for (const entities of entitiesPerAlert) {
    const seenHere = new Set<string>();
    for (const e of entities) {
      let target = asLink[e.type];
      if (target === undefined) continue;
      if (e.type === 'ip' && isInternalIp(e.value)) target = { kind: 'asset', type: 'ip' };
      const s = { ...target, value: e.value };
      const key = relationshipKey(s);
      if (taken.has(key)) continue;
      const entry = found.get(key) ?? { s, roles: new Set<string>(), alerts: 0 };
      for (const r of e.roles) entry.roles.add(r);
      if (!seenHere.has(key)) entry.alerts += 1;
      seenHere.add(key);
      found.set(key, entry);
    }
  }
  return [...found.values()]
    .sort((a, b) => b.alerts - a.alerts || (a.s.value < b.s.value ? -1 : 1))
    .slice(0, limit)
    .map(({ s, roles, alerts }) => ({
      ...s,
      reason: `${[...roles].join('/') || 'seen'} ${s.type} of ${alerts} alert${alerts === 1 ? '' : 's'}`,
    }));
}
