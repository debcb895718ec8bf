// Test support: builds correlation rules from YAML text and feeds matches to an engine.
import { formatProblem } from '@vigil/core';
import { parse } from 'yaml';
import { CorrelationEngine } from './correlation-engine.ts';
import type { CorrelationEngineOptions } from './correlation-engine.ts';
import type { CorrelationHit, CorrelationRule } from './correlation-rule.ts';
import { parseCorrelation } from './parse-correlation.ts';

/** One match for `correlationFixture().feed`: rule, time in seconds, the event's fields. */
export interface FixtureMatch {
  rule: string;
  name?: string;
  at: number;
  fields?: Record<string, unknown>;
}

/** Parses correlation YAML documents (throws on problems) and returns an engine driver. */
export function correlationFixture(yamlText: string, options: Partial<CorrelationEngineOptions> = {}) {
  const rules: CorrelationRule[] = yamlText
    .split(/^---$/m)
    .filter((doc) => doc.trim() !== '')
    .map((doc, i) => {
      const { rule, problems } = parseCorrelation(parse(doc) as Record<string, unknown>, `doc${i}`);
      if (rule === undefined) throw new Error(problems.map(formatProblem).join('\n'));
      return rule;
    });
  const engine = new CorrelationEngine(rules, {
    fieldValue: (event, field) => (event as Record<string, unknown>)[field],
    ...options,
  });
  let index = 0;
  return {
    rules,
    engine,
    /** Feeds matches in the order given; event indexes count up from 0 across calls. */
    feed(matches: FixtureMatch[]): CorrelationHit[] {
      const hits: CorrelationHit[] = [];
      for (const m of matches) {
        const match = { ruleId: m.rule, eventIndex: index++, time: m.at * 1000, event: m.fields ?? {} };
        hits.push(...engine.onMatch(m.name === undefined ? match : { ...match, ruleName: m.name }));
      }
      return hits;
    },
  };
}
