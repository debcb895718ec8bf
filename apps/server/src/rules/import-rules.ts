import { loadRulesSliced } from '@vigil/sigma';
import type { Rejection, RuleSource } from '@vigil/sigma';
import type { StoredRecord } from '@vigil/core';
import { sha256, splitRuleFile, summarize } from './rule-documents.ts';
import type { RuleDocument, RuleSummary } from './rule-documents.ts';
import type { RuleStore } from './rule-store.ts';
import { versionRecordId } from './stored-rule.ts';
import type { StoredRule, StoredRuleVersion } from './stored-rule.ts';
import { breather, eventLoopSlicer } from '../detection/event-loop-slicer.ts';

export interface ImportOptions {
  /** Whether new rules start enabled (default false: backtest first). Updates keep their state. */
  enabled?: boolean;
  by?: string;
}

export interface ImportedRule {
  id: string;
  title: string;
  file: string;
  version: number;
}

export interface ImportResult {
  created: ImportedRule[];
  updated: ImportedRule[];
  /** Same text as the current version: nothing stored. */
  unchanged: ImportedRule[];
  rejected: Rejection[];
  warnings: string[];
}

const MAX_ID = 200;

/** Stores a version record; one left over by an interrupted import is overwritten. */
async function putVersion(store: RuleStore, workspace: string, v: StoredRuleVersion): Promise<void> {
  const id = versionRecordId(v.ruleId, v.version);
  const old = await store.versionRecords.get(workspace, id);
  if (old) await store.versionRecords.update(workspace, id, old.version, v);
  else await store.versionRecords.create(workspace, id, v);
}
const STORED = 'stored:';

/** Checks a document beyond what the Sigma loader checks: a usable id, not reserved, not twice. */
function ownProblem(
  doc: RuleDocument,
  s: RuleSummary | undefined,
  seen: Map<string, string>,
): string | undefined {
  if (s === undefined) return undefined; // the loader rejects it with its own reason
  if (s.id.length > MAX_ID) return `rule id longer than ${MAX_ID} characters`;
  if (s.id.startsWith('vigil-exception:')) return "ids starting with 'vigil-exception:' are reserved";
  const prev = seen.get(s.id);
  if (prev !== undefined) return `duplicate rule id '${s.id}' (also in ${prev})`;
  seen.set(s.id, doc.path);
  return undefined;
}

/**
 * Stored rules the imported correlations and filters reference (transitively), which the loader needs
 * to validate them; plain rules need no context, so importing one rule stays cheap in a big workspace.
 */
function referencedStored(
  candidates: readonly { summary: RuleSummary | undefined }[],
  existing: ReadonlyMap<string, StoredRecord<StoredRule>>,
  imported: ReadonlyMap<string, string>,
): StoredRule[] {
  const byRef = new Map<string, StoredRule>();
  for (const r of existing.values()) {
    if (imported.has(r.id)) continue;
    byRef.set(r.data.id, r.data);
    if (r.data.name !== undefined && !byRef.has(r.data.name)) byRef.set(r.data.name, r.data);
  }
  const out = new Set<StoredRule>();
  const queue = candidates.flatMap((c) => c.summary?.references ?? []);
  while (queue.length > 0) {
    const dep = byRef.get(queue.pop() as string);
    if (!dep || out.has(dep)) continue;
    out.add(dep);
    queue.push(...(dep.references ?? []));
  }
  return [...out];
}

/**
 * Imports rule files into a workspace: every document is validated and compiled by the Sigma loader
 * together with the workspace's other rules (so correlations and filters may reference them);
 * rejected documents are reported with file and reason, accepted ones stored. A changed text makes a
 * new version (history kept); an unchanged text is a no-op.
 */
export async function importRules(
  store: RuleStore,
  workspace: string,
  files: readonly { path: string; text: string }[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  // A SigmaHQ-sized import parses, compiles and writes for seconds: in slices, so the server keeps
  // serving meanwhile.
  const breathe = breather();
  const docs: RuleDocument[] = [];
  for (const f of files) {
    docs.push(...splitRuleFile(f.path, f.text));
    await breathe();
  }
  const result: ImportResult = { created: [], updated: [], unchanged: [], rejected: [], warnings: [] };
  const seen = new Map<string, string>();
  const candidates: { doc: RuleDocument; summary: RuleSummary | undefined }[] = [];
  for (const doc of docs) {
    const summary = doc.data === undefined ? undefined : summarize(doc.data);
    const problem = ownProblem(doc, summary, seen);
    if (problem !== undefined) result.rejected.push({ file: doc.path, reason: problem });
    else candidates.push({ doc, summary });
  }
  const existing = new Map((await store.all(workspace)).map((r) => [r.id, r] as const));
  const context: RuleSource[] = referencedStored(candidates, existing, seen).map((r) => ({
    path: `${STORED}${r.id}`,
    text: r.text,
  }));
  const loaded = await loadRulesSliced(
    [...candidates.map((c) => ({ path: c.doc.path, text: c.doc.text })), ...context],
    { placeholders: await store.placeholders(workspace) },
    eventLoopSlicer,
  );
  const rejectedPaths = new Set<string>();
  for (const r of loaded.rejected) {
    if (r.file.startsWith(STORED)) continue;
    rejectedPaths.add(r.file);
    result.rejected.push(r);
  }
  result.warnings = loaded.warnings.filter((w) => !w.startsWith(STORED));
  const now = store.clock.now();
  for (const { doc, summary } of candidates) {
    await breathe();
    if (summary === undefined || rejectedPaths.has(doc.path)) {
      if (summary === undefined && !rejectedPaths.has(doc.path))
        result.rejected.push({
          file: doc.path,
          reason: "'title' is required and must be a non-empty string",
        });
      continue;
    }
    const hash = sha256(doc.text);
    const prev = existing.get(summary.id);
    if (prev && prev.data.sha256 === hash) {
      result.unchanged.push({
        id: summary.id,
        title: summary.title,
        file: doc.path,
        version: prev.data.ruleVersion,
      });
      continue;
    }
    const ruleVersion = (prev?.data.ruleVersion ?? 0) + 1;
    const data: StoredRule = {
      ...summary,
      file: doc.path,
      text: doc.text,
      sha256: hash,
      ruleVersion,
      enabled: prev?.data.enabled ?? options.enabled === true,
      importedAt: now,
      ...(options.by === undefined ? {} : { importedBy: options.by }),
    };
    await putVersion(store, workspace, {
      ruleId: summary.id,
      version: ruleVersion,
      text: doc.text,
      sha256: hash,
      file: doc.path,
      importedAt: now,
      ...(options.by === undefined ? {} : { importedBy: options.by }),
    });
    const entry = { id: summary.id, title: summary.title, file: doc.path, version: ruleVersion };
    if (prev) {
      await store.rules.update(workspace, summary.id, prev.version, data);
      result.updated.push(entry);
    } else {
      await store.rules.create(workspace, summary.id, data);
      result.created.push(entry);
    }
  }
  if (result.created.length + result.updated.length > 0) await store.touch(workspace);
  return result;
}
