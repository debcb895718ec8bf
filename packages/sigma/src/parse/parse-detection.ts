import type { Problem } from '@vigil/core';
import { applyModifiers } from './apply-modifiers.ts';
import type { ModifierContext } from './apply-modifiers.ts';
import { parseCondition } from './parse-condition.ts';
import type { Condition } from './parse-condition.ts';
import type { Detection } from './sigma-rule.ts';
import type { FieldItem, Selection } from './value-test.ts';
import type { YamlDocument } from './yaml-documents.ts';

const reservedKeys = new Set(['condition', 'timeframe']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Validates a `detection` (or filter) section: each selection's field maps and modifiers, and the
 * condition(s) against the selection names. `section` is the key path of the section in the document.
 */
export function parseDetection(
  raw: unknown,
  section: string[],
  doc: YamlDocument,
  file: string,
  ctx: ModifierContext,
): { detection?: Detection; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (path: (string | number)[], message: string): void => {
    const line = doc.lineOf([...section, ...path]) ?? doc.lineOf(section);
    problems.push(line === undefined ? { where: file, message } : { where: file, message, line });
  };
  const label = section.join('.');
  if (!isRecord(raw)) {
    at([], `'${label}' must be a map of selections and a condition`);
    return { problems };
  }
  const selections = new Map<string, Selection>();
  for (const [name, value] of Object.entries(raw)) {
    if (reservedKeys.has(name) || (section[0] === 'filter' && name === 'rules')) continue;
    const sel = parseSelection(name, value, ctx, (path, message) => at([name, ...path], message));
    if (sel) selections.set(name, sel);
  }
  const rawCond = raw['condition'];
  const conditions = Array.isArray(rawCond) ? (rawCond as unknown[]) : [rawCond];
  if (rawCond === undefined || rawCond === null) {
    at([], `'${label}.condition' is required`);
    return { problems };
  }
  const parsed: Condition[] = [];
  const names = [...Object.keys(raw)].filter(
    (k) => !reservedKeys.has(k) && !(section[0] === 'filter' && k === 'rules'),
  );
  conditions.forEach((c, i) => {
    if (typeof c !== 'string') {
      at(['condition'], `'${label}.condition' must be a string or a list of strings`);
      return;
    }
    const r = parseCondition(c, names);
    for (const p of r.problems) {
      at(
        Array.isArray(rawCond) ? ['condition', i] : ['condition'],
        `condition '${c}': ${p.message} (at column ${p.offset + 1})`,
      );
    }
    if (r.condition) parsed.push(r.condition);
  });
  if (problems.length > 0) return { problems };
  const condition: Condition = parsed.length === 1 ? (parsed[0] as Condition) : { t: 'or', items: parsed };
  return { detection: { selections, condition }, problems };
}

function parseSelection(
  name: string,
  value: unknown,
  ctx: ModifierContext,
  report: (path: (string | number)[], message: string) => void,
): Selection | undefined {
  let ok = true;
  const fail = (path: (string | number)[], message: string): void => {
    ok = false;
    report(path, message);
  };
  const maps: FieldItem[][] = [];
  if (isRecord(value)) {
    const m = parseFieldMap(value, ctx, (p, msg) => fail(p, msg));
    if (m) maps.push(m);
  } else if (Array.isArray(value)) {
    if (value.length === 0) fail([], `selection '${name}' is an empty list`);
    const allMaps = value.every(isRecord);
    const allScalars = value.every((v) => !isRecord(v) && !Array.isArray(v));
    if (allMaps) {
      value.forEach((v, i) => {
        const m = parseFieldMap(v, ctx, (p, msg) => fail([i, ...p], msg));
        if (m) maps.push(m);
      });
    } else if (allScalars) {
      const r = applyModifiers(null, [], value, ctx);
      for (const p of r.problems) fail([], p);
      if (r.item) maps.push([r.item]);
    } else fail([], `selection '${name}' mixes maps and plain values`);
  } else if (typeof value === 'string' || typeof value === 'number') {
    const r = applyModifiers(null, [], [value], ctx);
    for (const p of r.problems) fail([], p);
    if (r.item) maps.push([r.item]);
  } else {
    fail([], `selection '${name}' must be a map, a list of maps or a list of values`);
  }
  return ok ? { name, maps } : undefined;
}

function parseFieldMap(
  map: Record<string, unknown>,
  ctx: ModifierContext,
  fail: (path: (string | number)[], message: string) => void,
): FieldItem[] | undefined {
  const items: FieldItem[] = [];
  let ok = true;
  for (const [key, value] of Object.entries(map)) {
    const [field = '', ...modifiers] = key.split('|');
    if (isRecord(value)) {
      fail([key], `'${key}': a field value cannot be a map`);
      ok = false;
      continue;
    }
    const r = applyModifiers(field === '' ? null : field, modifiers, value, ctx);
    for (const p of r.problems) fail([key], p);
    if (r.item) items.push(r.item);
    else ok = false;
  }
  if (items.length === 0 && ok) {
    fail([], 'empty selection map');
    return undefined;
  }
  return ok ? items : undefined;
}
