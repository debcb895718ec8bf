import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { sharedData } from '../../../testkit/src/shared-data.ts';
import { validateCorrelationRefs } from './correlation-graph.ts';
import { correlationTypes } from './correlation-rule.ts';
import type { CorrelationRule } from './correlation-rule.ts';
import { parseCorrelation } from './parse-correlation.ts';
import { parseTimespan } from './parse-timespan.ts';

const base = (): Record<string, unknown> => ({
  title: 'Many failed logins',
  id: 'corr-1',
  correlation: {
    type: 'event_count',
    rules: ['failed_login'],
    'group-by': ['User'],
    timespan: '1h',
    condition: { gte: 10 },
  },
});

/** Parses `base()` with `correlation` keys replaced (undefined removes a key). */
function parseWith(changes: Record<string, unknown>, top: Record<string, unknown> = {}) {
  const doc = { ...base(), ...top };
  const section = { ...(doc['correlation'] as Record<string, unknown>), ...changes };
  for (const [k, v] of Object.entries(section)) if (v === undefined) delete section[k];
  return parseCorrelation({ ...doc, correlation: section }, 'rules/x.yml');
}

function messages(changes: Record<string, unknown>, top: Record<string, unknown> = {}): string[] {
  const { rule, problems } = parseWith(changes, top);
  assert.equal(rule, undefined, 'a rule with problems must not be returned');
  for (const p of problems) assert.equal(p.where, 'rules/x.yml');
  return problems.map((p) => p.message);
}

describe('parseCorrelation: spec examples', () => {
  const dir = sharedData('sigma', 'spec-examples', 'correlation');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));

  test('there is one example per correlation type', () => {
    const typeOf = (f: string): unknown =>
      (parse(readFileSync(join(dir, f), 'utf8')) as { correlation: { type: unknown } }).correlation.type;
    assert.deepEqual(new Set(files.map(typeOf)), new Set(correlationTypes));
  });

  for (const file of files) {
    test(`${file} parses without problems`, () => {
      const doc = parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
      const { rule, problems } = parseCorrelation(doc, file);
      assert.deepEqual(problems, []);
      assert.ok(rule);
      const section = doc['correlation'] as Record<string, unknown>;
      assert.equal(rule.type, section['type']);
      assert.ok(rule.timespanMs > 0);
      assert.ok(rule.rules.length > 0);
    });
  }

  test('the examples parse to the expected rules', () => {
    const load = (f: string): CorrelationRule => {
      const { rule } = parseCorrelation(
        parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>,
        f,
      );
      assert.ok(rule);
      return rule;
    };
    const count = load('value_count.yml');
    assert.deepEqual(
      [count.id, count.groupBy, count.timespanMs, count.condition],
      [
        '0e95725d-7320-415d-80f7-004da920fc12',
        ['ComputerName', 'WorkstationName'],
        86_400_000,
        { ops: { gte: 100 }, fields: ['User'] },
      ],
    );
    const temporal = load('temporal.yml');
    assert.deepEqual(temporal.condition, { ops: { gte: 3 }, fields: [] }); // all referenced rules
    assert.equal(temporal.id, 'Recon'); // no id or name: the title identifies it
    assert.equal(temporal.generate, false);
    const percentile = load('value_percentile.yml');
    assert.equal(percentile.condition.percentile, 50); // not given: the median
  });
});

describe('parseCorrelation: problems', () => {
  test('a valid rule parses', () => {
    const { rule, problems } = parseWith({}, { name: 'many_failed', level: 'high', tags: ['attack.t1110'] });
    assert.deepEqual(problems, []);
    assert.equal(rule?.name, 'many_failed');
    assert.equal(rule?.level, 'high');
    assert.deepEqual(rule?.tags, ['attack.t1110']);
  });

  test('a problem names the key it is about', () => {
    assert.deepEqual(parseWith({ timespan: '1H' }).problems, [
      {
        where: 'rules/x.yml',
        message:
          "correlation.timespan: '1H' is not a timespan: use a number and a unit s, m, h, d (or w, M, y), e.g. 90m",
      },
    ]);
  });

  test('type is required and must be known', () => {
    assert.deepEqual(messages({ type: undefined }), ['correlation.type is required']);
    assert.match(messages({ type: 'sequence' })[0] ?? '', /unknown correlation type "sequence"/);
  });

  test('rules are required, as a string or a list of strings', () => {
    assert.match(messages({ rules: undefined })[0] ?? '', /correlation.rules is required/);
    assert.match(messages({ rules: [] })[0] ?? '', /non-empty list/);
    assert.match(messages({ rules: [1, 2] })[0] ?? '', /non-empty list/);
    assert.match(messages({ rules: ['a', 'a'] })[0] ?? '', /'a' is listed twice/);
    assert.match(messages({ rules: ['corr-1'] })[0] ?? '', /references itself/);
    assert.deepEqual(parseWith({ rules: 'failed_login' }).rule?.rules, ['failed_login']);
  });

  test('timespan is required and must be a number and a unit', () => {
    assert.match(messages({ timespan: undefined })[0] ?? '', /timespan is required/);
    for (const bad of ['1H', '0m', '5', 'abc', '1.5h', '-1d', 10]) {
      assert.equal(messages({ timespan: bad }).length, 1, `timespan ${String(bad)}`);
    }
    const ok = { '30s': 30_000, '5m': 300_000, '1h': 3_600_000, '2d': 172_800_000, '1w': 604_800_000 };
    for (const [text, ms] of Object.entries(ok)) assert.deepEqual(parseTimespan(text), { ms });
  });

  test('condition is required for counting types and checked', () => {
    assert.match(messages({ condition: undefined })[0] ?? '', /condition is required for event_count/);
    assert.match(messages({ condition: 5 })[0] ?? '', /must be a map of operators/);
    assert.match(messages({ condition: 'a and b' })[0] ?? '', /extended \(string\) correlation conditions/);
    assert.match(messages({ condition: {} })[0] ?? '', /at least one operator/);
    assert.match(messages({ condition: { gte: 'many' } })[0] ?? '', /"many" is not a number/);
    assert.match(messages({ condition: { above: 3 } })[0] ?? '', /unknown key 'above'/);
    assert.match(messages({ condition: { gt: 200, lt: 100 } })[0] ?? '', /can never be satisfied/);
    assert.match(messages({ condition: { eq: 3, neq: 3 } })[0] ?? '', /can never be satisfied/);
    assert.match(
      messages({ condition: { gte: 1, field: 'User' } })[0] ?? '',
      /field is not used by event_count/,
    );
  });

  test('ranges: several operators must all hold', () => {
    const { rule } = parseWith({ condition: { gt: 100, lte: 200 } });
    assert.deepEqual(rule?.condition.ops, { gt: 100, lte: 200 });
  });

  test('value types need a field', () => {
    assert.match(
      messages({ type: 'value_count', condition: { gte: 3 } })[0] ?? '',
      /value_count correlations need condition.field/,
    );
    assert.match(
      messages({ type: 'value_sum', condition: { gte: 3, field: ['a', 'b'] } })[0] ?? '',
      /exactly one field/,
    );
    assert.match(messages({ type: 'value_avg', condition: { gte: 3, field: '' } })[0] ?? '', /field name/);
    const multi = parseWith({ type: 'value_count', condition: { gte: 3, field: ['a', 'b'] } });
    assert.deepEqual(multi.rule?.condition.fields, ['a', 'b']);
  });

  test('percentile is 0–100 and only for value_percentile', () => {
    const pc = (percentile: unknown) => ({
      type: 'value_percentile',
      condition: { field: 'b', gte: 1, percentile },
    });
    assert.match(messages(pc(101))[0] ?? '', /not a percentile between 0 and 100/);
    assert.equal(parseWith(pc(95)).rule?.condition.percentile, 95);
    assert.match(
      messages({ condition: { gte: 1, percentile: 90 } })[0] ?? '',
      /only used by value_percentile/,
    );
  });

  test('group-by, aliases and generate are checked', () => {
    assert.match(messages({ 'group-by': [1] })[0] ?? '', /field name or a list/);
    assert.match(messages({ 'group-by': ['User', 'User'] })[0] ?? '', /'User' is listed twice/);
    assert.deepEqual(parseWith({ 'group-by': 'User' }).rule?.groupBy, ['User']);
    assert.deepEqual(parseWith({ 'group-by': undefined }).rule?.groupBy, []);
    assert.match(messages({ aliases: ['x'] })[0] ?? '', /must be a map/);
    assert.match(messages({ aliases: { ip: 'source.ip' } })[0] ?? '', /alias 'ip' must map/);
    assert.match(messages({ aliases: { ip: { failed_login: 3 } } })[0] ?? '', /must be a field name/);
    assert.match(messages({ generate: 'yes' })[0] ?? '', /true or false/);
    assert.equal(parseWith({ generate: true }).rule?.generate, true);
    assert.match(messages({ group_by: ['User'] })[0] ?? '', /unknown key 'group_by'.*group-by/);
  });

  test('metadata is checked', () => {
    assert.deepEqual(messages({}, { title: undefined }), ['title is required']);
    assert.match(messages({}, { level: 'severe' })[0] ?? '', /level "severe" is not one of/);
    assert.match(messages({}, { status: 'done' })[0] ?? '', /status "done" is not one of/);
    assert.match(messages({}, { title: 'x'.repeat(257) })[0] ?? '', /longer than 256/);
    assert.deepEqual(parseCorrelation({ title: 'x', correlation: 'no' }, 'f').problems.length, 1);
  });

  test('every problem of a document is reported at once', () => {
    const found = messages({
      type: 'value_count',
      timespan: '1x',
      condition: { gte: 'a' },
      rules: undefined,
    });
    assert.equal(found.length, 4, found.join('\n'));
  });
});

describe('validateCorrelationRefs', () => {
  const rule = (id: string, rules: string[], extra: Partial<CorrelationRule> = {}): CorrelationRule => {
    const { rule: r } = parseCorrelation(
      { title: id, id, correlation: { type: 'temporal', rules, timespan: '1m' } },
      `${id}.yml`,
    );
    assert.ok(r);
    return { ...r, ...extra };
  };

  test('reports unknown references, unknown alias rules, duplicate ids and cycles', () => {
    const problems = validateCorrelationRefs(
      [
        rule('a', ['base', 'b']),
        rule('b', ['a']),
        rule('c', ['nowhere'], { aliases: { ip: { ghost: 'source.ip' } } }),
        rule('c', ['base']),
      ],
      new Set(['base']),
    );
    const text = problems.map((p) => `${p.where}: ${p.message}`);
    assert.deepEqual(text.sort(), [
      "b.yml: correlation 'b' is part of a reference cycle",
      "c.yml: correlation id 'c' is used twice",
      "c.yml: correlation.aliases.ip names unknown rule 'ghost'",
      "c.yml: correlation.rules references unknown rule 'nowhere'",
    ]);
  });
});

describe('parseCorrelation: hostile input', () => {
  test('never throws and always explains', () => {
    const odd: unknown[] = [null, 5, 'x', [], {}, [1, 'a'], { a: { b: [] } }, -1, Number.NaN, true];
    const keys = ['type', 'rules', 'group-by', 'timespan', 'condition', 'aliases', 'generate'];
    for (const key of keys) {
      for (const value of odd) {
        const result = parseWith({ [key]: value });
        if (result.rule === undefined)
          assert.ok(result.problems.length > 0, `${key}=${JSON.stringify(value)}`);
      }
    }
    for (const doc of [
      {},
      { correlation: null },
      { title: 3, correlation: [] },
      { title: 't', correlation: {} },
    ]) {
      const { rule, problems } = parseCorrelation(doc, 'f');
      assert.equal(rule, undefined);
      assert.ok(problems.length > 0);
    }
  });
});
