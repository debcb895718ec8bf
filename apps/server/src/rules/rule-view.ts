import type { StoredRecord } from '@vigil/core';
import type { RuleException } from './rule-exception.ts';
import type { StoredRule, StoredRuleVersion } from './stored-rule.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** A rule as the list shows it (no text). */
export function ruleSummaryView(r: StoredRecord<StoredRule>) {
  const { text: _text, importedAt, ruleVersion, ...rest } = r.data;
  return { ...rest, version: ruleVersion, importedAt: iso(importedAt), updatedAt: iso(r.updatedAt) };
}

export function versionView(v: StoredRuleVersion) {
  return {
    version: v.version,
    sha256: v.sha256,
    file: v.file,
    importedAt: iso(v.importedAt),
    importedBy: v.importedBy,
    text: v.text,
  };
}

export function exceptionView(e: RuleException, now: number) {
  const { createdAt, expiresAt, ...rest } = e;
  return {
    ...rest,
    createdAt: iso(createdAt),
    ...(expiresAt === undefined ? {} : { expiresAt: iso(expiresAt) }),
    active: expiresAt === undefined || expiresAt > now,
  };
}
