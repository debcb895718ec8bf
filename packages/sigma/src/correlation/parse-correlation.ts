import type { Problem } from '@vigil/core';
import { parseCondition } from './correlation-condition.ts';
import { correlationTypes } from './correlation-rule.ts';
import type { CorrelationRule, CorrelationType } from './correlation-rule.ts';
import { parseTimespan } from './parse-timespan.ts';

const levels = new Set(['informational', 'low', 'medium', 'high', 'critical']);
const statuses = new Set(['stable', 'test', 'experimental', 'deprecated', 'unsupported']);
const sectionKeys = new Set(['type', 'rules', 'group-by', 'timespan', 'condition', 'aliases', 'generate']);

type Fields = Record<string, unknown>;

function isMap(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCorrelationType(v: unknown): v is CorrelationType {
  return typeof v === 'string' && (correlationTypes as readonly string[]).includes(v);
}

/** A string list given as a list or as one string; undefined when it is neither. */
function stringList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '')) return v as string[];
  return undefined;
}

function duplicates(list: string[]): string[] {
  return list.filter((x, i) => list.indexOf(x) !== i);
}

/**
 * Parses and validates one YAML document holding a Sigma correlation rule (spec v2.1),
 * collecting every problem rather than stopping at the first.
 * Example: `parseCorrelation({title: 'x', correlation: {type: 'event_count', …}}, 'rules/a.yml')`.
 */
export function parseCorrelation(
  doc: Record<string, unknown>,
  where: string,
): { rule?: CorrelationRule; problems: Problem[] } {
  const problems: Problem[] = [];
  const add = (message: string, at = where): void => {
    problems.push({ where: at, message });
  };
  const meta = parseMeta(doc, add);
  const section = doc['correlation'];
  if (!isMap(section)) {
    add('correlation must be a map with type, rules, timespan and (for most types) group-by and condition');
    return { problems: problems.map(relocate(where)) };
  }
  const at = (key: string): string => `${where}: correlation.${key}`;
  for (const key of Object.keys(section)) {
    if (!sectionKeys.has(key)) {
      const hint =
        key === 'field'
          ? ' (field belongs inside condition)'
          : key === 'group_by'
            ? ' (did you mean group-by?)'
            : '';
      add(`unknown key '${key}' in correlation${hint}`, at(key));
    }
  }

  const rawType = section['type'];
  let type: CorrelationType | undefined;
  if (rawType === undefined) add('correlation.type is required');
  else if (!isCorrelationType(rawType))
    add(
      `unknown correlation type ${JSON.stringify(rawType)} (expected ${correlationTypes.join(', ')})`,
      at('type'),
    );
  else type = rawType;

  const rules = stringList(section['rules']);
  if (section['rules'] === undefined)
    add('correlation.rules is required (ids or names of the correlated rules)');
  else if (rules === undefined || rules.length === 0)
    add('must be a rule id or name, or a non-empty list of them', at('rules'));
  else {
    for (const d of duplicates(rules)) add(`rule '${d}' is listed twice`, at('rules'));
    for (const self of [meta.id, meta.name]) {
      if (self !== undefined && rules.includes(self))
        add(`the rule references itself ('${self}')`, at('rules'));
    }
  }

  let groupBy: string[] = [];
  if (section['group-by'] !== undefined && section['group-by'] !== null) {
    const g = stringList(section['group-by']);
    if (g === undefined) add('must be a field name or a list of field names', at('group-by'));
    else {
      groupBy = g;
      for (const d of duplicates(g)) add(`field '${d}' is listed twice`, at('group-by'));
    }
  }

  let timespanMs = 0;
  const rawTimespan = section['timespan'];
  if (rawTimespan === undefined) add('correlation.timespan is required (e.g. 5m, 1h, 1d)');
  else {
    const t = parseTimespan(rawTimespan);
    if ('error' in t) add(t.error, at('timespan'));
    else timespanMs = t.ms;
  }

  // Alias keys may be rule names while `rules` lists ids, so they are checked against the
  // loaded rules later (validateCorrelationRefs), not here.
  const aliases = parseAliases(section['aliases'], at('aliases'), add);

  const rawGenerate = section['generate'] ?? doc['generate'];
  if (rawGenerate !== undefined && typeof rawGenerate !== 'boolean')
    add('must be true or false', at('generate'));
  const generate = rawGenerate === true;

  let condition: CorrelationRule['condition'] | undefined;
  if (type !== undefined) {
    const parsed = parseCondition(section['condition'], type, rules?.length ?? 0, where);
    problems.push(...parsed.problems);
    condition = parsed.condition;
  }

  if (
    problems.length > 0 ||
    type === undefined ||
    rules === undefined ||
    condition === undefined ||
    meta.title === undefined
  ) {
    return { problems: problems.map(relocate(where)) };
  }
  const rule: CorrelationRule = {
    id: meta.id ?? meta.name ?? meta.title,
    title: meta.title,
    tags: meta.tags,
    type,
    rules,
    generate,
    groupBy,
    timespan: String(rawTimespan),
    timespanMs,
    condition,
    aliases,
    where,
  };
  if (meta.name !== undefined) rule.name = meta.name;
  if (meta.level !== undefined) rule.level = meta.level;
  if (meta.status !== undefined) rule.status = meta.status;
  if (meta.description !== undefined) rule.description = meta.description;
  return { rule, problems: [] };
}

/**
 * Problems are collected with `where: "<file>: correlation.<key>"` while parsing; callers get the
 * file alone in `where` (so they can match it) and the key path at the front of the message.
 */
function relocate(where: string): (p: Problem) => Problem {
  const prefix = `${where}: `;
  return (p) =>
    p.where.startsWith(prefix)
      ? { ...p, where, message: `${p.where.slice(prefix.length)}: ${p.message}` }
      : p;
}

interface Meta {
  title?: string;
  id?: string;
  name?: string;
  level?: string;
  status?: string;
  description?: string;
  tags: string[];
}

function parseMeta(doc: Fields, add: (message: string, at?: string) => void): Meta {
  const meta: Meta = { tags: [] };
  const title = doc['title'];
  if (typeof title !== 'string' || title.trim() === '') add('title is required');
  else if (title.length > 256) add('title is longer than 256 characters');
  else meta.title = title;
  const optionalString = (key: 'id' | 'name' | 'description'): void => {
    const v = doc[key];
    if (v === undefined || v === null) return;
    if (typeof v === 'string' && v !== '') meta[key] = v;
    else add(`${key} must be a non-empty string`);
  };
  optionalString('id');
  optionalString('name');
  optionalString('description');
  const level = doc['level'];
  if (level !== undefined && level !== null) {
    if (typeof level === 'string' && levels.has(level)) meta.level = level;
    else add(`level ${JSON.stringify(level)} is not one of ${[...levels].join(', ')}`);
  }
  const status = doc['status'];
  if (status !== undefined && status !== null) {
    if (typeof status === 'string' && statuses.has(status)) meta.status = status;
    else add(`status ${JSON.stringify(status)} is not one of ${[...statuses].join(', ')}`);
  }
  const tags = doc['tags'];
  if (tags !== undefined && tags !== null) {
    const list = stringList(tags);
    if (list === undefined) add('tags must be a list of strings');
    else meta.tags = list;
  }
  return meta;
}

function parseAliases(
  raw: unknown,
  at: string,
  add: (message: string, at?: string) => void,
): Record<string, Record<string, string>> {
  const aliases: Record<string, Record<string, string>> = {};
  if (raw === undefined || raw === null) return aliases;
  if (!isMap(raw)) {
    add('must be a map: alias → {rule name or id → field}', at);
    return aliases;
  }
  for (const [alias, mapping] of Object.entries(raw)) {
    if (!isMap(mapping)) {
      add(`alias '${alias}' must map rule names or ids to field names`, `${at}.${alias}`);
      continue;
    }
    const fields: Record<string, string> = {};
    for (const [ref, field] of Object.entries(mapping)) {
      if (typeof field !== 'string' || field === '')
        add(`field for rule '${ref}' must be a field name`, `${at}.${alias}`);
      else fields[ref] = field;
    }
    aliases[alias] = fields;
  }
  return aliases;
}
