import type { Problem } from '@vigil/core';
import { validateCorrelationRefs } from '../correlation/index.ts';
import type { CorrelationRule } from '../correlation/index.ts';
import { parseDocument } from '../parse/parse-document.ts';
import type { SigmaFilter, SigmaRule } from '../parse/sigma-rule.ts';
import { parseYamlDocuments } from '../parse/yaml-documents.ts';
import { Ruleset } from './ruleset.ts';

export interface RuleSource {
  /** File path (or any label) used in problems. */
  path: string;
  text: string;
}

export interface LoadOptions {
  /** Values of `%name%` placeholders for the `expand` modifier (per workspace). */
  placeholders?: Readonly<Record<string, readonly string[]>>;
}

/** A rule (document) that was not loaded, and why. */
export interface Rejection {
  file: string;
  reason: string;
  line?: number;
}

export interface LoadResult {
  ruleset: Ruleset;
  rejected: Rejection[];
  /** Things that do not reject a rule but deserve a look (filters naming unknown rules, unroutable logsources). */
  warnings: string[];
}

function reasonOf(problems: readonly Problem[]): string {
  return problems.map((p) => (p.line === undefined ? p.message : `line ${p.line}: ${p.message}`)).join('; ');
}

function rejection(file: string, problems: readonly Problem[]): Rejection {
  const r: Rejection = { file, reason: reasonOf(problems) || 'invalid document' };
  const line = problems.find((p) => p.line !== undefined)?.line;
  if (line !== undefined) r.line = line;
  return r;
}

/**
 * Parses, validates and compiles Sigma rule files (rules, filters and correlations; multi-document
 * YAML allowed). Invalid documents are rejected one by one with file and reason; never throws.
 * Example: `loadRules([{path: 'r.yml', text}]).ruleset.match(event)`.
 */
export function loadRules(sources: readonly RuleSource[], options: LoadOptions = {}): LoadResult {
  const steps = loadRulesSteps(sources, options);
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
  }
}

/** loadRules in small steps: yields after each source file, rule and field index (see loadRulesSliced). */
export function* loadRulesSteps(
  sources: readonly RuleSource[],
  options: LoadOptions = {},
): Generator<undefined, LoadResult, undefined> {
  const ctx = { placeholders: options.placeholders ?? {} };
  const rules: SigmaRule[] = [];
  const filters: SigmaFilter[] = [];
  const correlations: CorrelationRule[] = [];
  const rejected: Rejection[] = [];
  const warnings: string[] = [];
  const ids = new Map<string, string>();
  for (const src of sources) {
    yield;
    let docs;
    try {
      docs = parseYamlDocuments(src.text);
    } catch (e) {
      rejected.push({ file: src.path, reason: `YAML: ${(e as Error).message}` });
      continue;
    }
    for (const doc of docs) {
      if (doc.errors.length === 0 && (doc.data === null || doc.data === undefined)) continue;
      let parsed;
      try {
        parsed = parseDocument(doc, src.path, ctx);
      } catch (e) {
        rejected.push({ file: src.path, reason: `internal error while parsing: ${(e as Error).message}` });
        continue;
      }
      switch (parsed.kind) {
        case 'rejected':
          rejected.push(rejection(src.path, parsed.problems));
          break;
        case 'rule': {
          const prev = ids.get(parsed.rule.id);
          if (prev !== undefined) {
            rejected.push({
              file: src.path,
              reason: `duplicate rule id '${parsed.rule.id}' (also in ${prev})`,
              line: parsed.rule.line,
            });
            break;
          }
          ids.set(parsed.rule.id, src.path);
          rules.push(parsed.rule);
          break;
        }
        case 'filter':
          filters.push(parsed.filter);
          break;
        case 'correlation':
          correlations.push(parsed.correlation);
          break;
      }
    }
  }
  const baseRefs = new Set<string>();
  for (const r of rules) {
    baseRefs.add(r.id);
    if (r.name !== undefined) baseRefs.add(r.name);
  }
  for (const f of filters) {
    for (const ref of f.rules)
      if (!baseRefs.has(ref)) warnings.push(`${f.file}: filter '${f.title}' names unknown rule '${ref}'`);
  }
  let validCorrelations = correlations;
  if (correlations.length > 0) {
    const problems = validateCorrelationRefs(correlations, baseRefs);
    const bad = new Map<string, Problem[]>();
    for (const p of problems) bad.set(p.where, [...(bad.get(p.where) ?? []), p]);
    validCorrelations = correlations.filter((c) => !bad.has(c.where));
    for (const [where, ps] of bad) rejected.push(rejection(where, ps));
  }
  const ruleset = yield* Ruleset.build(rules, filters, validCorrelations, (rule, reason) => {
    rejected.push({ file: rule.file, reason, line: rule.line });
  });
  for (const r of ruleset.rules) {
    if (!r.routed)
      warnings.push(`${r.file}: no event source known for logsource ${JSON.stringify(r.logsource)}`);
  }
  return { ruleset, rejected, warnings };
}
