// Sigma correlation rules (spec v2.1): parsing and a streaming, event-time evaluation engine.
export { parseCorrelation } from './parse-correlation.ts';
export { parseTimespan } from './parse-timespan.ts';
export { CorrelationEngine } from './correlation-engine.ts';
export type { CorrelationEngineOptions, CorrelationStats } from './correlation-engine.ts';
export { suppressedRuleRefs } from './suppressed-rule-refs.ts';
export { validateCorrelationRefs } from './correlation-graph.ts';
export { correlationTypes, conditionOperators } from './correlation-rule.ts';
export type {
  ConditionOperator,
  CorrelationCondition,
  CorrelationHit,
  CorrelationMatch,
  CorrelationRule,
  CorrelationType,
} from './correlation-rule.ts';
