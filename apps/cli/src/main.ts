import { isVigilError } from '@vigil/core';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIO } from './command.ts';
import { commands, commandsInGroup, findCommand } from './command-registry.ts';
import { generalHelp, groupHelp } from './help-text.ts';
import { formatCliError } from './format-cli-error.ts';
import { USAGE_ERROR } from './usage-error.ts';

/** The real process streams and environment. */
export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}

function isHelpFlag(arg: string | undefined): boolean {
  return arg === '--help' || arg === '-h';
}

/** Prints a command's help (`vigil help serve`, `vigil help config print`). */
function help(words: string[], io: CliIO): number {
  if (words.length === 0) {
    io.stdout.write(generalHelp(commands));
    return EXIT_OK;
  }
  const match = findCommand(commands, words);
  if (match && match.args.length === 0) {
    io.stdout.write(`${match.command.usage}\n`);
    return EXIT_OK;
  }
  const group = commandsInGroup(commands, words.join(' '));
  if (group.length > 0) {
    io.stdout.write(groupHelp(words.join(' '), group));
    return EXIT_OK;
  }
  io.stderr.write(`vigil: unknown command "${words.join(' ')}" (run \`vigil --help\` for the list)\n`);
  return EXIT_USAGE;
}

/** Runs `vigil <argv>` and returns the exit status (DESIGN §5: 0 ok, 1 failure, 2 usage). */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const debug = io.env['VIGIL_DEBUG'] === '1';
  const [first] = argv;
  if (first === undefined) {
    io.stderr.write(generalHelp(commands));
    return EXIT_USAGE;
  }
  if (isHelpFlag(first)) return help([], io);
  if (first === 'help') return help(argv.slice(1), io);
  if (first === '--version') return runVersion(io);

  const match = findCommand(commands, argv);
  if (!match) {
    const group = commandsInGroup(commands, first);
    if (group.length > 0 && (argv.length === 1 || isHelpFlag(argv[1]))) {
      if (isHelpFlag(argv[1])) {
        io.stdout.write(groupHelp(first, group));
        return EXIT_OK;
      }
      io.stderr.write(groupHelp(first, group));
      return EXIT_USAGE;
    }
    const what = first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`;
    io.stderr.write(`vigil: ${what} (run \`vigil --help\` for the list of commands)\n`);
    return EXIT_USAGE;
  }
  if (match.args.some(isHelpFlag)) {
    io.stdout.write(`${match.command.usage}\n`);
    return EXIT_OK;
  }
  try {
    return await match.command.run(match.args, io);
  } catch (error) {
    io.stderr.write(formatCliError(error, debug));
    return isVigilError(error) && error.code === USAGE_ERROR ? EXIT_USAGE : EXIT_FAILURE;
  }
}

async function runVersion(io: CliIO): Promise<number> {
  const match = findCommand(commands, ['version']);
  return match ? match.command.run([], io) : EXIT_FAILURE;
}
