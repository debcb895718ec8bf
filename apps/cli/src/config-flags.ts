import { configKeys, loadConfig, type VigilConfig } from '@vigil/config';
import type { CliIO } from './command.ts';

type FlagOption = { type: 'string' };

/** parseArgs options for `--config` and the named config flags (from the schema's `flag`s). */
export function configFlagOptions(flags: readonly string[]): Record<string, FlagOption> {
  const options: Record<string, FlagOption> = { config: { type: 'string' } };
  for (const key of configKeys) {
    if (key.flag !== undefined && flags.includes(key.flag)) options[key.flag] = { type: 'string' };
  }
  return options;
}

/** Usage lines for the config flags a command accepts. */
export function configFlagUsage(flags: readonly string[]): string {
  const lines = ['  --config FILE       JSON config file (also VIGIL_CONFIG)'];
  for (const key of configKeys) {
    if (key.flag === undefined || !flags.includes(key.flag)) continue;
    const left = `  --${key.flag} ${key.path === 'dataDir' ? 'DIR' : key.type === 'integer' ? 'N' : 'VALUE'}`;
    lines.push(
      `${left.padEnd(22)}${key.description.split('. ')[0]?.replace(/\.$/, '')} (also ${key.env ?? ''})`,
    );
  }
  return lines.join('\n');
}

/** Loads the configuration for a command from its parsed flags and the process environment. */
export function configFromFlags(values: Record<string, unknown>, io: CliIO): VigilConfig {
  const flags: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) if (typeof value === 'string') flags[name] = value;
  return loadConfig({ env: io.env, flags, cwd: io.cwd });
}

/** The flags of commands that start Vigil locally. */
export const SERVE_FLAGS = ['data-dir', 'host', 'port', 'mode', 'log-level'] as const;
