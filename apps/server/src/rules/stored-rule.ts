import type { Logsource } from '@vigil/sigma';

/** Metadata kinds of the rule store (RecordRepository kinds, per workspace). */
export const RULE_KIND = 'sigma-rule';
export const RULE_VERSION_KIND = 'sigma-rule-version';
export const RULE_EXCEPTION_KIND = 'rule-exception';
/** One record per workspace (id `current`) whose version moves on every rule or exception change. */
export const RULE_REVISION_KIND = 'rule-revision';
/** One record per workspace (id `current`): values of `%name%` placeholders for `expand`. */
export const PLACEHOLDER_KIND = 'sigma-placeholders';

export type RuleDocumentType = 'rule' | 'correlation' | 'filter';

/**
 * A stored Sigma document (metadata kind `sigma-rule`, id = the rule's id). The current text is kept
 * here for compilation; every text it ever had is a `sigma-rule-version` record `<id>@<n>`.
 */
export interface StoredRule {
  id: string;
  type: RuleDocumentType;
  name?: string;
  title: string;
  level?: string;
  status?: string;
  description?: string;
  tags: string[];
  logsource?: Logsource;
  /** Ids or names of referenced rules (correlations, filters). */
  references?: string[];
  /** The path it was imported from (SigmaHQ layout: `rules/windows/process_creation/…yml`). */
  file: string;
  text: string;
  /** SHA-256 of the text: re-importing an unchanged text is a no-op. */
  sha256: string;
  /** Current rule version (1 = first import); history in `sigma-rule-version`. */
  ruleVersion: number;
  enabled: boolean;
  importedAt: number;
  importedBy?: string;
}

/** One version of a rule's text (metadata kind `sigma-rule-version`, id `<rule id>@<n>` zero-padded). */
export interface StoredRuleVersion {
  ruleId: string;
  version: number;
  text: string;
  sha256: string;
  file: string;
  importedAt: number;
  importedBy?: string;
}

export function versionRecordId(ruleId: string, version: number): string {
  return `${ruleId}@${String(version).padStart(6, '0')}`;
}
