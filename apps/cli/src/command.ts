/** What a command may touch: injected so commands are testable without a real process. */
export interface CliIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  stdin: AsyncIterable<Buffer | string>;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Exit codes of DESIGN.md §5: 0 ok, 1 runtime/input error, 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** One `vigil` sub-command. `name` may contain a space for nested commands (`sigma check`, `config print`). */
export interface Command {
  name: string;
  /** One line for `vigil --help`. */
  summary: string;
  /** Full text printed by `vigil <name> --help`. */
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}
