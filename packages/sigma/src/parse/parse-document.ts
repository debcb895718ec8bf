import type { Problem } from '@vigil/core';
import type { ModifierContext } from './apply-modifiers.ts';
import { parseDetection } from './parse-detection.ts';
import type { Logsource, SigmaFilter, SigmaRule } from './sigma-rule.ts';
import type { YamlDocument } from './yaml-documents.ts';
import { parseCorrelationDocument } from './parse-correlation-document.ts';
import type { CorrelationRule } from '../correlation/index.ts';

export type ParsedDocument =
  | { kind: 'rule'; rule: SigmaRule }
  | { kind: 'filter'; filter: SigmaFilter }
  | { kind: 'correlation'; correlation: CorrelationRule }
  | { kind: 'rejected'; problems: Problem[] };

const levels = new Set(['informational', 'low', 'medium', 'high', 'critical']);
const statuses = new Set(['stable', 'test', 'experimental', 'deprecated', 'unsupported']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Validates one YAML document as a Sigma rule, filter or correlation (spec v2.1). Never throws. */
export function parseDocument(doc: YamlDocument, file: string, ctx: ModifierContext): ParsedDocument {
  const problems: Problem[] = [];
  const at = (path: (string | number)[], message: string): void => {
    const line = doc.lineOf(path) ?? doc.line;
    problems.push({ where: file, message, line });
  };
  if (doc.errors.length > 0) {
    return {
      kind: 'rejected',
      problems: doc.errors.map((e) =>
        e.line === undefined
          ? { where: file, message: `YAML: ${e.message}` }
          : { where: file, message: `YAML: ${e.message}`, line: e.line },
      ),
    };
  }
  const data = doc.data;
  if (!isRecord(data)) {
    return {
      kind: 'rejected',
      problems: [{ where: file, message: 'a Sigma document must be a YAML map', line: doc.line }],
    };
  }
  if ('correlation' in data) {
    const where = doc.index > 0 ? `${file}#${doc.index + 1}` : file;
    const r = parseCorrelationDocument(data, where);
    if (r.rule && r.problems.length === 0) return { kind: 'correlation', correlation: r.rule };
    return {
      kind: 'rejected',
      problems: r.problems.length > 0 ? r.problems : [{ where: file, message: 'invalid correlation' }],
    };
  }
  const title = data['title'];
  if (typeof title !== 'string' || title.trim() === '')
    at(['title'], "'title' is required and must be a non-empty string");
  else if (title.length > 256) at(['title'], "'title' is longer than 256 characters");
  const id = optionalString(data, 'id', at);
  const name = optionalString(data, 'name', at);
  const level = optionalString(data, 'level', at);
  if (level !== undefined && !levels.has(level)) at(['level'], `unknown level '${level}'`);
  const status = optionalString(data, 'status', at);
  if (status !== undefined && !statuses.has(status)) at(['status'], `unknown status '${status}'`);
  const logsource = parseLogsource(data['logsource'], at);
  const tags = Array.isArray(data['tags'])
    ? data['tags'].filter((t): t is string => typeof t === 'string')
    : [];
  const ident = id ?? name ?? (typeof title === 'string' ? title : '');
  if (isRecord(data['filter'])) {
    const f = data['filter'];
    const rules = Array.isArray(f['rules'])
      ? f['rules']
      : typeof f['rules'] === 'string'
        ? [f['rules']]
        : undefined;
    if (!rules || rules.length === 0 || !rules.every((r) => typeof r === 'string')) {
      at(['filter', 'rules'], "'filter.rules' must list the ids or names of the rules to filter");
    }
    const det = parseDetection(f, ['filter'], doc, file, ctx);
    problems.push(...det.problems);
    if (problems.length > 0 || !det.detection || !logsource) return { kind: 'rejected', problems };
    return {
      kind: 'filter',
      filter: {
        id: ident,
        title: title as string,
        rules: rules as string[],
        logsource,
        detection: det.detection,
        file,
        line: doc.line,
      },
    };
  }
  if (data['detection'] === undefined) at([], "'detection' is required");
  const det =
    data['detection'] === undefined
      ? undefined
      : parseDetection(data['detection'], ['detection'], doc, file, ctx);
  if (det) problems.push(...det.problems);
  if (problems.length > 0 || !det?.detection || !logsource) return { kind: 'rejected', problems };
  const rule: SigmaRule = {
    id: ident,
    title: title as string,
    tags,
    logsource,
    detection: det.detection,
    file,
    line: doc.line,
  };
  if (name !== undefined) rule.name = name;
  if (level !== undefined) rule.level = level;
  if (status !== undefined) rule.status = status;
  return { kind: 'rule', rule };
}

function optionalString(
  data: Record<string, unknown>,
  key: string,
  at: (path: (string | number)[], message: string) => void,
): string | undefined {
  const v = data[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') {
    at([key], `'${key}' must be a string`);
    return undefined;
  }
  return v;
}

function parseLogsource(
  raw: unknown,
  at: (path: (string | number)[], message: string) => void,
): Logsource | undefined {
  if (!isRecord(raw)) {
    at(['logsource'], "'logsource' is required and must be a map");
    return undefined;
  }
  const ls: Logsource = {};
  for (const key of ['product', 'category', 'service'] as const) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') at(['logsource', key], `'logsource.${key}' must be a string`);
    else ls[key] = v.toLowerCase();
  }
  if (ls.product === undefined && ls.category === undefined && ls.service === undefined) {
    at(['logsource'], "'logsource' needs at least one of product, category, service");
  }
  return ls;
}
