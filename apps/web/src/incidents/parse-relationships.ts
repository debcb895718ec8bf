// Indicator and asset links of an incident or alert (apps/server/src/incidents/relationships.routes.ts).
import { obj, objects, str } from '../admin/parse.ts';

export interface RelationshipView {
  readonly id: string;
  readonly kind: string;
  readonly type: string;
  readonly value: string;
  readonly note: string | undefined;
  readonly addedAt: number;
  readonly addedBy: string;
}

export interface RelationshipSuggestionView {
  readonly kind: string;
  readonly type: string;
  readonly value: string;
  readonly reason: string;
}

export interface RelationshipsView {
  readonly relationships: readonly RelationshipView[];
  readonly suggestions: readonly RelationshipSuggestionView[];
}

export const relationshipKinds = ['indicator', 'asset'] as const;
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

export function parseRelationships(body: unknown): RelationshipsView {
  const o = obj(body);
  return {
    relationships: objects(o['relationships']).flatMap((r) => {
      const id = str(r['id']);
      const kind = str(r['kind']);
      const type = str(r['type']);
      const value = str(r['value']);
      if (id === undefined || kind === undefined || type === undefined || value === undefined) return [];
      const addedAt = r['addedAt'];
      return [
        {
          id,
          kind,
          type,
          value,
          note: str(r['note']),
          addedAt: typeof addedAt === 'number' && Number.isFinite(addedAt) ? addedAt : 0,
          addedBy: str(r['addedBy']) ?? '',
        },
      ];
    }),
    suggestions: objects(o['suggestions']).flatMap((s) => {
      const kind = str(s['kind']);
      const type = str(s['type']);
      const value = str(s['value']);
      if (kind === undefined || type === undefined || value === undefined) return [];
      return [{ kind, type, value, reason: str(s['reason']) ?? '' }];
    }),
  };
}
