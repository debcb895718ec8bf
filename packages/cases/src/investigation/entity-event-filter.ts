import type { EventFilter } from '@vigil/core';
import type { EntityType } from '../alerts/entity.ts';

const either = (fields: readonly string[], op: 'eq' | 'prefix' | 'suffix', value: string): EventFilter => ({
  or: fields.map((field) => ({ field, op, value })),
});

const ipFields = [
  'host.ip',
  'source.ip',
  'destination.ip',
  'client.ip',
  'server.ip',
  'source.address',
  'destination.address',
  'client.address',
  'server.address',
  'dns.resolved_ip',
];
const hashFields = ['md5', 'sha1', 'sha256', 'sha512'].flatMap((a) => [
  `file.hash.${a}`,
  `process.hash.${a}`,
  `process.parent.hash.${a}`,
]);

/**
 * A store filter that finds candidate events mentioning an entity (by its normalised value). It is a
 * superset: stores compare case-insensitively only by prefix/suffix, so callers confirm each event with
 * `eventMentionsEntity`. Undefined for values no stored field can hold.
 * Example: `entityEventFilter('host', 'ws01')` → host.name/host.hostname starting with `ws01`.
 */
export function entityEventFilter(type: EntityType, value: string): EventFilter | undefined {
  if (value === '') return undefined;
  switch (type) {
    case 'host':
      return either(['host.name', 'host.hostname'], 'prefix', value);
    case 'user': {
      // `corp\alice` is stored as `CORP\alice`, or as user.name `alice` + user.domain `CORP`.
      const name = value.slice(value.lastIndexOf('\\') + 1);
      return either(['user.name', 'user.target.name', 'user.effective.name'], 'suffix', name);
    }
    case 'ip':
      return either(ipFields, 'eq', value);
    case 'process':
      return either(
        ['process.executable', 'process.name', 'process.parent.executable', 'process.parent.name'],
        'prefix',
        value,
      );
    case 'file':
      return either(['file.path'], 'prefix', value);
    case 'hash':
      return either(hashFields, 'prefix', value);
    case 'domain':
      return either(
        [
          'dns.question.name',
          'url.domain',
          'source.domain',
          'destination.domain',
          'client.domain',
          'server.domain',
        ],
        'prefix',
        value,
      );
    case 'url':
      return either(['url.full', 'url.original'], 'eq', value);
    case 'cloud_account':
      return either(['cloud.account.id'], 'eq', value);
    case 'cloud_resource':
      return either(['cloud.instance.id', 'aws.cloudtrail.user_identity.arn'], 'eq', value);
  }
}
