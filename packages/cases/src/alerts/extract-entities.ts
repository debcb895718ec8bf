import { getField } from '@vigil/core';
import { entityKey, type Entity, type EntityType } from './entity.ts';
import {
  normaliseDomain,
  normaliseHash,
  normaliseHost,
  normaliseIp,
  normalisePath,
  normaliseUser,
  text,
} from './normalise-entity-value.ts';

/** At most this many entities per alert: a correlation over thousands of events must stay a bounded document. */
export const maxEntitiesPerAlert = 200;

const hashAlgorithms = ['md5', 'sha1', 'sha256', 'sha512'] as const;

/** Collects entities, merging the ones with the same key (fields, roles and attributes are unioned). */
class EntitySet {
  readonly #byKey = new Map<string, Entity>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  add(
    type: EntityType,
    value: string | undefined,
    field: string,
    role?: string,
    attributes: Record<string, unknown> = {},
    keySuffix = '',
  ): void {
    if (value === undefined) return;
    const key = entityKey(type, value) + keySuffix;
    let entity = this.#byKey.get(key);
    if (entity === undefined) {
      if (this.#byKey.size >= this.#limit) return;
      entity = { key, type, value, fields: [], roles: [], attributes: {} };
      this.#byKey.set(key, entity);
    }
    if (!entity.fields.includes(field)) entity.fields.push(field);
    if (role !== undefined && !entity.roles.includes(role)) entity.roles.push(role);
    for (const [name, raw] of Object.entries(attributes)) {
      const v = typeof raw === 'number' && Number.isFinite(raw) ? raw : text(raw);
      if (v !== undefined && !(name in entity.attributes)) entity.attributes[name] = v;
    }
  }

  values(): Entity[] {
    return [...this.#byKey.values()];
  }
}

/** Every value of a field (ECS allows arrays, e.g. `host.ip`). */
function all(event: Record<string, unknown>, path: string): unknown[] {
  const v = getField(event, path);
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

const one = (event: Record<string, unknown>, path: string): unknown => all(event, path)[0];

function addProcess(
  set: EntitySet,
  e: Record<string, unknown>,
  prefix: string,
  role: string | undefined,
): void {
  const exe = normalisePath(one(e, `${prefix}.executable`)) ?? normalisePath(one(e, `${prefix}.name`));
  if (exe === undefined) return;
  const pid = one(e, `${prefix}.pid`);
  const pidText = text(pid);
  set.add(
    'process',
    exe,
    `${prefix}.executable`,
    role,
    {
      pid: typeof pid === 'number' ? pid : pidText,
      name: one(e, `${prefix}.name`),
      command_line: one(e, `${prefix}.command_line`),
      entity_id: one(e, `${prefix}.entity_id`),
      parent_executable: prefix === 'process' ? one(e, 'process.parent.executable') : undefined,
      parent_pid: prefix === 'process' ? one(e, 'process.parent.pid') : undefined,
    },
    pidText === undefined ? '' : `#${pidText}`,
  );
  for (const algo of hashAlgorithms) {
    for (const h of all(e, `${prefix}.hash.${algo}`)) {
      set.add('hash', normaliseHash(h), `${prefix}.hash.${algo}`, role, { algorithm: algo });
    }
  }
}

function addUser(set: EntitySet, e: Record<string, unknown>, prefix: string, role: string | undefined): void {
  const name = one(e, `${prefix}.name`);
  const domain = one(e, `${prefix}.domain`);
  set.add('user', normaliseUser(name, domain), `${prefix}.name`, role, {
    name,
    domain,
    id: one(e, `${prefix}.id`),
    email: one(e, `${prefix}.email`),
  });
}

/** Entities of one ECS event. */
function addEvent(set: EntitySet, e: Record<string, unknown>): void {
  const hostName = one(e, 'host.name') ?? one(e, 'host.hostname');
  set.add('host', normaliseHost(hostName), 'host.name', undefined, {
    os: one(e, 'host.os.family') ?? one(e, 'host.os.type'),
  });
  for (const ip of all(e, 'host.ip')) set.add('ip', normaliseIp(ip), 'host.ip', 'host');

  addUser(set, e, 'user', undefined);
  addUser(set, e, 'user.target', 'target');
  addUser(set, e, 'user.effective', 'effective');

  for (const side of ['source', 'destination', 'client', 'server'] as const) {
    for (const ip of all(e, `${side}.ip`)) {
      set.add('ip', normaliseIp(ip), `${side}.ip`, side, { port: one(e, `${side}.port`) });
    }
    // `source.address` may hold an IP or a name (CloudTrail service principals).
    const address = one(e, `${side}.address`);
    set.add('ip', normaliseIp(address), `${side}.address`, side);
    set.add('domain', normaliseDomain(one(e, `${side}.domain`)), `${side}.domain`, side);
  }

  addProcess(set, e, 'process', undefined);
  addProcess(set, e, 'process.parent', 'parent');

  const filePath = normalisePath(one(e, 'file.path'));
  set.add('file', filePath, 'file.path', undefined, { name: one(e, 'file.name') });
  for (const algo of hashAlgorithms) {
    for (const h of all(e, `file.hash.${algo}`)) {
      set.add('hash', normaliseHash(h), `file.hash.${algo}`, 'file', { algorithm: algo, file: filePath });
    }
  }

  for (const name of all(e, 'dns.question.name'))
    set.add('domain', normaliseDomain(name), 'dns.question.name', 'dns');
  for (const ip of all(e, 'dns.resolved_ip')) set.add('ip', normaliseIp(ip), 'dns.resolved_ip', 'resolved');
  set.add('domain', normaliseDomain(one(e, 'url.domain')), 'url.domain', 'url');
  set.add('url', text(one(e, 'url.full')) ?? text(one(e, 'url.original')), 'url.full');

  const provider = one(e, 'cloud.provider');
  set.add('cloud_account', text(one(e, 'cloud.account.id')), 'cloud.account.id', undefined, {
    provider,
    name: one(e, 'cloud.account.name'),
  });
  set.add('cloud_resource', text(one(e, 'cloud.instance.id')), 'cloud.instance.id', undefined, { provider });
  set.add(
    'cloud_resource',
    text(one(e, 'aws.cloudtrail.user_identity.arn')),
    'aws.cloudtrail.user_identity.arn',
    'actor',
    {
      provider,
    },
  );
  // CloudTrail names the resources it touched in the original record.
  for (const r of all(e, 'raw.resources')) {
    if (r === null || typeof r !== 'object') continue;
    const res = r as Record<string, unknown>;
    set.add('cloud_resource', text(res['ARN']) ?? text(res['arn']), 'raw.resources.ARN', 'target', {
      provider,
      resource_type: res['type'],
    });
  }
}

/**
 * Extracts normalised, deduplicated entities from ECS events (nested or flat dotted keys), bounded by `limit`.
 * Example: `extractEntities([{host: {name: 'WS01'}}])` → `[{key: 'host:ws01', type: 'host', value: 'ws01', …}]`.
 */
export function extractEntities(
  events: readonly Record<string, unknown>[],
  limit: number = maxEntitiesPerAlert,
): Entity[] {
  const set = new EntitySet(limit);
  for (const event of events) addEvent(set, event);
  return set.values();
}

/** Merges two entity lists (e.g. an alert's and a repeat's), keeping the first occurrence of each key. */
export function mergeEntities(
  a: readonly Entity[],
  b: readonly Entity[],
  limit = maxEntitiesPerAlert,
): Entity[] {
  const out = new Map<string, Entity>(a.map((e) => [e.key, e]));
  for (const e of b) {
    if (out.size >= limit) break;
    const known = out.get(e.key);
    if (known === undefined) {
      out.set(e.key, e);
      continue;
    }
    out.set(e.key, {
      ...known,
      fields: [...new Set([...known.fields, ...e.fields])],
      roles: [...new Set([...known.roles, ...e.roles])],
      attributes: { ...e.attributes, ...known.attributes },
    });
  }
  return [...out.values()];
}
