// Sigma (specification v2.1): rule/filter/correlation parsing, compilation and fast event matching.
export { loadRules } from './engine/load-rules.ts';
export type { LoadOptions, LoadResult, Rejection, RuleSource } from './engine/load-rules.ts';
export { Ruleset } from './engine/ruleset.ts';
export type { RuleInfo, RuleRef, RulesetStats } from './engine/ruleset.ts';
export { fieldValue } from './engine/field-value.ts';
export { eventView } from './logsource/event-view.ts';
export type { EventView } from './logsource/event-view.ts';
export { eventTime, parseEventTime } from './logsource/event-time.ts';
export { routeKeys } from './logsource/route-event.ts';
export { routeRule } from './logsource/route-rule.ts';
export { parseCondition } from './parse/parse-condition.ts';
export type { Condition, ConditionProblem } from './parse/parse-condition.ts';
export { parseYamlDocuments } from './parse/yaml-documents.ts';
export { knownModifiers } from './parse/apply-modifiers.ts';
export { foldCase } from './compile/fold-case.ts';
export type { SigmaFilter, SigmaRule, Logsource } from './parse/sigma-rule.ts';
export * from './correlation/index.ts';
export { JsonDocumentSplitter, splitJsonDocuments } from './input/json-document-splitter.ts';
