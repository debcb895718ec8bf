import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './usage-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Rewrites node:util's long parse errors as one short line. */
function shortParseError(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code ?? '') {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted}"`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return error.message.replace(/\.$/, '');
    default:
      return error.message;
  }
}

/**
 * `parseArgs` in strict mode; any mistake becomes a usage error (exit 2) with a one-line hint
 * pointing at the command's help.
 */
export function parseCommandArgs<O extends Options>(
  command: string,
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (err) {
    throw usageError(`${shortParseError(err as Error)} (see \`vigil ${command} --help\`)`);
  }
}
