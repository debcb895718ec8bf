import { resolve } from 'node:path';
import { CorrelationEngine, eventTime, fieldValue, loadRules, suppressedRuleRefs } from '@vigil/sigma';
import type { CorrelationHit, RuleInfo } from '@vigil/sigma';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../command.ts';
import type { CliIO, Command } from '../command.ts';
import { parseDetectArgs } from './detect-args.ts';
import { readEvents } from './detect-events.ts';
import { readRuleSources } from './detect-rule-files.ts';

const usage = `Usage: vigil detect --rules PATH... --input FILE [--format auto|jsonl|json|evtx-json]
                    [--output jsonl] [--strict] [--lateness SECONDS]

Runs Sigma rules (files or directories, recursively; rules, filters and correlations) over the
events of FILE (.gz accepted; json = concatenated JSON documents or an array; the Windows shape —
evtx-rs JSON, Winlogbeat/ECS or flat — is detected per event). Writes one JSON line per match:
  {"rule_id","rule_title","level","event_index"}
  {"rule_id","rule_title","level","correlation":true,"type","group":{…},"event_indexes":[…]}
A summary and the rejected rules (file and reason) go to stderr.

Options:
  --rules PATH...     Rule files or directories (repeatable)
  --input FILE        Events to scan
  --format F          auto (default), jsonl, json or evtx-json
  --output jsonl      Output format (only jsonl)
  --strict            Exit 1 when any rule is rejected
  --lateness SECONDS  How far out of time order an event may arrive and still count in correlations
  -h, --help          Show this help`;

function hitLine(h: CorrelationHit): string {
  return `${JSON.stringify({
    rule_id: h.ruleId,
    rule_title: h.ruleTitle,
    level: h.level ?? null,
    correlation: true,
    type: h.type,
    group: h.group,
    event_indexes: h.eventIndexes,
  })}\n`;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseDetectArgs(args);
  if (parsed.help) {
    io.stdout.write(`${usage}\n`);
    return EXIT_OK;
  }
  if (!parsed.args) {
    io.stderr.write(`vigil detect: ${parsed.error ?? 'invalid arguments'} (see \`vigil detect --help\`)\n`);
    return EXIT_USAGE;
  }
  const opts = parsed.args;
  const started = performance.now();
  const { sources, errors } = await readRuleSources(opts.rules, io.cwd);
  for (const e of errors) io.stderr.write(`vigil detect: cannot read rules: ${e}\n`);
  if (errors.length > 0) return EXIT_FAILURE;
  const { ruleset, rejected } = loadRules(sources);
  for (const r of rejected)
    io.stderr.write(`rejected: ${r.file}${r.line === undefined ? '' : `:${r.line}`}: ${r.reason}\n`);
  if (opts.strict && rejected.length > 0) {
    io.stderr.write(`vigil detect: ${rejected.length} rule(s) rejected (--strict)\n`);
    return EXIT_FAILURE;
  }
  const correlations = ruleset.correlations;
  const engine =
    correlations.length > 0
      ? new CorrelationEngine([...correlations], { latenessMs: opts.latenessSeconds * 1000, fieldValue })
      : undefined;
  const suppressed = suppressedRuleRefs(correlations, ruleset.rules);
  const quiet = (r: RuleInfo): boolean =>
    suppressed.has(r.id) || (r.name !== undefined && suppressed.has(r.name));
  let events = 0;
  let invalid = 0;
  let matches = 0;
  let out = '';
  const flushOut = (): void => {
    if (out !== '') io.stdout.write(out);
    out = '';
  };
  try {
    for await (const item of readEvents(resolve(io.cwd, opts.input), opts.format)) {
      events++;
      if ('error' in item) {
        invalid++;
        if (invalid <= 10) io.stderr.write(`vigil detect: event ${item.index}: ${item.error}\n`);
        continue;
      }
      const hits = ruleset.matchIndexes(item.event);
      for (const i of hits) {
        const r = ruleset.rules[i] as RuleInfo;
        if (!quiet(r)) {
          matches++;
          out += `${JSON.stringify({ rule_id: r.id, rule_title: r.title, level: r.level ?? null, event_index: item.index })}\n`;
        }
        if (engine) {
          const m = {
            ruleId: r.id,
            eventIndex: item.index,
            time: eventTime(item.event) ?? Number.NaN,
            event: item.event,
          };
          for (const h of engine.onMatch(r.name === undefined ? m : { ...m, ruleName: r.name })) {
            matches++;
            out += hitLine(h);
          }
        }
      }
      if (out.length > 65536) flushOut();
    }
  } catch (e) {
    flushOut();
    io.stderr.write(`vigil detect: cannot read ${opts.input}: ${(e as Error).message}\n`);
    return EXIT_FAILURE;
  }
  if (engine) {
    for (const h of engine.flush()) {
      matches++;
      out += hitLine(h);
    }
  }
  flushOut();
  const seconds = (performance.now() - started) / 1000;
  io.stderr.write(
    `rules loaded: ${ruleset.rules.length + correlations.length}, rejected: ${rejected.length}; events: ${events}` +
      `${invalid > 0 ? ` (${invalid} invalid)` : ''}; matches: ${matches}; seconds: ${seconds.toFixed(3)}\n`,
  );
  return EXIT_OK;
}

/** `vigil detect` (DESIGN §5): offline Sigma detection over a file of events. */
export const detectCommand: Command = {
  name: 'detect',
  summary: 'Run Sigma rules over a file of events',
  usage,
  run,
};
