import { configKeys, redactConfig, resolveConfig } from '@vigil/config';
import { EXIT_OK, type Command } from '../command.ts';
import { configFlagOptions, configFlagUsage, SERVE_FLAGS } from '../config-flags.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

function valueAt(doc: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
}

export const configPrintCommand: Command = {
  name: 'config print',
  summary: 'Show the effective configuration (secrets redacted)',
  usage: `Usage: vigil config print [--config FILE] [--data-dir DIR] [--host H] [--port P] [--json]

Resolves the configuration exactly as \`vigil serve\` would (defaults, config file, VIGIL_* variables,
flags) and prints every setting with where it came from. Passwords in URLs and tokens are redacted.

Options:
${configFlagUsage(SERVE_FLAGS)}
  --json              Print the configuration as JSON
  -h, --help          Show this help`,
  run(args, io) {
    const { values } = parseCommandArgs('config print', args, {
      ...configFlagOptions(SERVE_FLAGS),
      json: { type: 'boolean' },
    });
    const flags: Record<string, string> = {};
    for (const [name, value] of Object.entries(values)) if (typeof value === 'string') flags[name] = value;
    const { config, sources } = resolveConfig({ env: io.env, flags, cwd: io.cwd });
    const redacted = redactConfig(config);
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify(redacted, null, 2)}\n`);
      return Promise.resolve(EXIT_OK);
    }
    const width = Math.max(...configKeys.map((k) => k.path.length));
    for (const key of configKeys) {
      const value = valueAt(redacted, key.path);
      const shown = value === undefined ? '(unset)' : JSON.stringify(value);
      io.stdout.write(
        `${key.path.padEnd(width)}  ${shown}${sources[key.path] ? `  (${sources[key.path]})` : ''}\n`,
      );
    }
    return Promise.resolve(EXIT_OK);
  },
};
