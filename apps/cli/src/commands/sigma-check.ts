import { loadRules } from '@vigil/sigma';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../command.ts';
import type { CliIO, Command } from '../command.ts';
import { readRuleSources } from './detect-rule-files.ts';

const usage = `Usage: vigil sigma check PATH... [--json]

Parses and compiles Sigma rules (files or directories, recursively) and reports what loads and
what is rejected, with file and reason. Exit 0 when every rule loads, 1 otherwise.

Options:
  --json              Print {"loaded":N,"rejected":[{"file","reason"}]}
  -h, --help          Show this help`;

async function run(args: string[], io: CliIO): Promise<number> {
  let json = false;
  const paths: string[] = [];
  for (const a of args) {
    if (a === '--help' || a === '-h') {
      io.stdout.write(`${usage}\n`);
      return EXIT_OK;
    }
    if (a === '--json') json = true;
    else if (a.startsWith('-')) {
      io.stderr.write(`vigil sigma check: unknown option ${a} (see \`vigil sigma check --help\`)\n`);
      return EXIT_USAGE;
    } else paths.push(a);
  }
  if (paths.length === 0) {
    io.stderr.write('vigil sigma check: PATH... is required (see `vigil sigma check --help`)\n');
    return EXIT_USAGE;
  }
  const { sources, errors } = await readRuleSources(paths, io.cwd);
  for (const e of errors) io.stderr.write(`vigil sigma check: cannot read rules: ${e}\n`);
  if (errors.length > 0) return EXIT_FAILURE;
  const { ruleset, rejected } = loadRules(sources);
  const loaded = ruleset.rules.length + ruleset.correlations.length;
  if (json) {
    io.stdout.write(
      `${JSON.stringify({ loaded, rejected: rejected.map((r) => ({ file: r.file, reason: r.reason })) })}\n`,
    );
  } else {
    for (const r of rejected)
      io.stdout.write(`rejected: ${r.file}${r.line === undefined ? '' : `:${r.line}`}: ${r.reason}\n`);
    io.stdout.write(`loaded: ${loaded}, rejected: ${rejected.length}\n`);
  }
  return rejected.length > 0 ? EXIT_FAILURE : EXIT_OK;
}

/** `vigil sigma check` (DESIGN §5): parse and compile rules, report loaded count and rejections. */
export const sigmaCheckCommand: Command = {
  name: 'sigma check',
  summary: 'Validate Sigma rules and report rejections',
  usage,
  run,
};
