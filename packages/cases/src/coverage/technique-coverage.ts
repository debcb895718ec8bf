/** Coverage states, best first. */
export const coverageStates = ['covered', 'covered-but-no-data', 'rules-disabled', 'none'] as const;
export type CoverageState = (typeof coverageStates)[number];

/** One logsource a rule reads and when an event for it was last seen by detection. */
export interface LogsourceSeen {
  /** `windows/process_creation`, `aws/cloudtrail` (product/category/service, empty parts left out). */
  logsource: string;
  /** Epoch ms of the last event routed to it; absent when never seen. */
  lastSeen?: number;
  /** False when Vigil knows no event source for this logsource (the rule cannot fire). */
  routed: boolean;
}

/** A Sigma rule as coverage needs it; the composition root fills data and health. */
export interface CoverageRuleInput {
  id: string;
  title: string;
  level: string;
  enabled: boolean;
  tags: readonly string[];
  data: readonly LogsourceSeen[];
  /** Why the rule cannot run (compile rejection…), empty when healthy. */
  errors: readonly string[];
  hits: number;
  /** Epoch ms of the last recorded hit. */
  lastHit?: number;
}

/** A rule in a technique's coverage. */
export interface CoverageRule {
  id: string;
  title: string;
  level: string;
  enabled: boolean;
  /** Some logsource of the rule saw an event in the window. */
  dataSeen: boolean;
  data: LogsourceSeen[];
  errors: string[];
  hits: number;
  lastHit?: number;
  /** The sub-technique tag that brought the rule to its parent technique. */
  via?: string;
}

export interface TechniqueCoverage {
  id: string;
  name: string;
  tactics: string[];
  platforms: string[];
  dataSources: string[];
  parent?: string;
  state: CoverageState;
  /** Enabled rules, then disabled ones (the console shows both; only enabled ones cover). */
  rules: CoverageRule[];
  enabledRules: number;
  disabledRules: number;
  /** Enabled rules whose data was seen in the window. */
  rulesWithData: number;
  hits: number;
  lastHit?: number;
  errors: number;
}
