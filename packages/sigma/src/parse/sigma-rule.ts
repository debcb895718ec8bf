import type { Condition } from './parse-condition.ts';
import type { Selection } from './value-test.ts';

export interface Logsource {
  product?: string;
  category?: string;
  service?: string;
}

/** Detection section of a rule or filter: named selections and the (ORed) conditions over them. */
export interface Detection {
  selections: Map<string, Selection>;
  condition: Condition;
}

/** A validated single-event Sigma rule. */
export interface SigmaRule {
  /** `id`, else `name`, else `title`: how matches and correlations refer to the rule. */
  id: string;
  name?: string;
  title: string;
  level?: string;
  status?: string;
  tags: string[];
  logsource: Logsource;
  detection: Detection;
  file: string;
  line: number;
}

/** A validated filter (meta) rule: excludes events from the rules it names (AND NOT). */
export interface SigmaFilter {
  id: string;
  title: string;
  /** Ids or names of the rules it applies to. */
  rules: string[];
  logsource: Logsource;
  detection: Detection;
  file: string;
  line: number;
}
