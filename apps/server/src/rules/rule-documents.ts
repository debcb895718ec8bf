import { createHash } from 'node:crypto';
import { parseYamlDocuments } from '@vigil/sigma';
import type { Logsource } from '@vigil/sigma';
import type { RuleDocumentType } from './stored-rule.ts';

/** One Sigma document of an imported file, with its own text (a multi-document file gives several). */
export interface RuleDocument {
  /** `file`, or `file#n` (1-based) for the documents of a multi-document file. */
  path: string;
  file: string;
  text: string;
  data: Record<string, unknown> | undefined;
}

const separator = /^(---|\.\.\.)([ \t].*)?$/;

function meaningful(lines: readonly string[]): boolean {
  return lines.some((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
}

/** Splits a YAML file at `---` / `...` lines (as the Sigma loader does), dropping comment-only parts. */
export function splitRuleFile(file: string, text: string): RuleDocument[] {
  const chunks: string[][] = [];
  let cur: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (separator.test(line)) {
      if (meaningful(cur)) chunks.push(cur);
      const rest = line.startsWith('---') ? line.slice(3).trim() : '';
      cur = rest !== '' && !rest.startsWith('#') ? [rest] : [];
    } else cur.push(line);
  }
  if (meaningful(cur)) chunks.push(cur);
  return chunks.map((lines, i) => {
    const docText = `${lines.join('\n').replace(/\s+$/, '')}\n`;
    const data = parseYamlDocuments(docText)[0]?.data;
    return {
      path: chunks.length > 1 ? `${file}#${i + 1}` : file,
      file,
      text: docText,
      data:
        data !== null && typeof data === 'object' && !Array.isArray(data)
          ? (data as Record<string, unknown>)
          : undefined,
    };
  });
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** What the store keeps beside the text: identity and the fields the rule list filters on. */
export interface RuleSummary {
  id: string;
  type: RuleDocumentType;
  name?: string;
  title: string;
  level?: string;
  status?: string;
  description?: string;
  tags: string[];
  logsource?: Logsource;
  references?: string[];
}

/** Reads a document's summary; the id follows the Sigma loader (`id`, else `name`, else `title`). */
export function summarize(data: Record<string, unknown>): RuleSummary | undefined {
  const title = str(data['title']);
  const id = str(data['id']) ?? str(data['name']) ?? title;
  if (id === undefined || title === undefined) return undefined;
  const corr = data['correlation'];
  const filter = data['filter'];
  const type: RuleDocumentType =
    corr !== null && typeof corr === 'object'
      ? 'correlation'
      : filter !== null && typeof filter === 'object'
        ? 'filter'
        : 'rule';
  const s: RuleSummary = {
    id,
    type,
    title,
    tags: Array.isArray(data['tags']) ? data['tags'].filter((t): t is string => typeof t === 'string') : [],
  };
  const name = str(data['name']);
  if (name !== undefined) s.name = name;
  const level = str(data['level']);
  if (level !== undefined) s.level = level;
  const status = str(data['status']);
  if (status !== undefined) s.status = status;
  const description = str(data['description']);
  if (description !== undefined) s.description = description.slice(0, 4000);
  const ls = data['logsource'];
  if (ls !== null && typeof ls === 'object' && !Array.isArray(ls)) {
    const src = ls as Record<string, unknown>;
    const logsource: Logsource = {};
    const product = str(src['product']);
    const category = str(src['category']);
    const service = str(src['service']);
    if (product !== undefined) logsource.product = product;
    if (category !== undefined) logsource.category = category;
    if (service !== undefined) logsource.service = service;
    s.logsource = logsource;
  }
  const refsOf = (v: unknown): string[] | undefined => {
    if (v === null || typeof v !== 'object') return undefined;
    const r = (v as Record<string, unknown>)['rules'];
    if (typeof r === 'string') return [r];
    return Array.isArray(r) ? r.filter((x): x is string => typeof x === 'string') : undefined;
  };
  const refs = refsOf(corr) ?? refsOf(filter);
  if (refs !== undefined) s.references = refs;
  return s;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
