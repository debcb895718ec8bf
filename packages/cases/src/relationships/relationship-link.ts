import { userError } from '@vigil/core';
import {
  normaliseDomain,
  normaliseHash,
  normaliseHost,
  normaliseIp,
  normaliseUser,
} from '../alerts/normalise-entity-value.ts';

/**
 * A typed link from an alert or incident to an indicator (something to watch for: an address, a
 * domain, a digest) or an asset (something of ours: a host, an account, a cloud resource). Until the
 * asset inventory and the intel stores exist the link holds the value itself; then it will also name
 * the inventory or intel record it resolves to.
 */
export const relationshipKinds = ['indicator', 'asset'] as const;
export type RelationshipKind = (typeof relationshipKinds)[number];

export const relationshipTypes = [
  'ip',
  'domain',
  'url',
  'hash',
  'email',
  'host',
  'user',
  'cloud_resource',
  'cloud_account',
  'other',
] as const;
export type RelationshipType = (typeof relationshipTypes)[number];

export interface RelationshipLink {
  id: string;
  kind: RelationshipKind;
  type: RelationshipType;
  /** Normalised like entity values (lower-case hosts/domains/digests, canonical IPs). */
  value: string;
  note?: string;
  addedAt: number;
  addedBy: string;
}

export interface RelationshipInput {
  kind: string;
  type: string;
  value: string;
  note?: string;
}

export const MAX_RELATIONSHIPS = 200;

function invalid(field: string, reason: string) {
  return userError('INVALID_RELATIONSHIP', `${field}: ${reason}`, { status: 400, details: { field } });
}

function normaliseUrl(value: string): string | undefined {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ftp:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const normalisers: Record<RelationshipType, (v: string) => string | undefined> = {
  ip: normaliseIp,
  domain: normaliseDomain,
  url: normaliseUrl,
  hash: normaliseHash,
  email: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? v.toLowerCase() : undefined),
  host: normaliseHost,
  user: (v) => normaliseUser(v),
  cloud_resource: (v) => v,
  cloud_account: (v) => v,
  other: (v) => v,
};

const expected: Partial<Record<RelationshipType, string>> = {
  ip: 'an IPv4 or IPv6 address',
  domain: 'a DNS name such as example.org',
  url: 'an http(s) or ftp URL',
  hash: 'an MD5, SHA-1, SHA-256 or SHA-512 hex digest',
  email: 'an e-mail address',
  host: 'a host name',
  user: 'an account name',
};

/**
 * Validates and normalises a relationship; throws INVALID_RELATIONSHIP naming the field.
 * Example: `relationshipFromInput({ kind: 'indicator', type: 'ip', value: '010.0.0.1' }, …).value` → `'10.0.0.1'`.
 */
export function relationshipFromInput(
  input: RelationshipInput,
  meta: { id: string; at: number; actor: string },
): RelationshipLink {
  if (!(relationshipKinds as readonly string[]).includes(input.kind)) {
    throw invalid('kind', `expected one of ${relationshipKinds.join(', ')}`);
  }
  if (!(relationshipTypes as readonly string[]).includes(input.type)) {
    throw invalid('type', `expected one of ${relationshipTypes.join(', ')}`);
  }
  const type = input.type as RelationshipType;
  const raw = input.value.trim();
  if (raw === '' || raw.length > 2000) throw invalid('value', 'expected 1..2000 characters');
  const value = normalisers[type](raw);
  if (value === undefined) throw invalid('value', `expected ${expected[type] ?? 'a value'}`);
  const note = input.note?.trim();
  if (note !== undefined && note.length > 1000) throw invalid('note', 'at most 1000 characters');
  return {
    id: meta.id,
    kind: input.kind as RelationshipKind,
    type,
    value,
    ...(note === undefined || note === '' ? {} : { note }),
    addedAt: meta.at,
    addedBy: meta.actor,
  };
}

/** The identity of a link: the same kind, type and value twice is one link. */
export const relationshipKey = (l: Pick<RelationshipLink, 'kind' | 'type' | 'value'>) =>
  `${l.kind}:${l.type}:${l.value}`;
