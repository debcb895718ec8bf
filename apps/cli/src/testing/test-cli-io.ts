import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import type { CliIO } from '../command.ts';
import { registerCliInput, registerIssuedTokens, stderrForScan } from './cli-test-secrets.ts';

export interface CapturedOutput {
  stdout: string;
  stderr: string;
}

/**
 * A `CliIO` for calling `main` in-process that captures stdout/stderr, with the run-wide secret scan
 * wired in: stdin lines and secret settings are registered, printed tokens too, and stderr is scanned.
 */
export function testCliIo(options: { stdin?: string; env?: Record<string, string>; cwd?: string } = {}): {
  io: CliIO;
  out: CapturedOutput;
} {
  registerCliInput(options);
  const out: CapturedOutput = { stdout: '', stderr: '' };
  const scan = stderrForScan();
  const io: CliIO = {
    stdout: {
      write: (s: string) => {
        out.stdout += s;
        registerIssuedTokens(s);
      },
    },
    stderr: {
      write: (s: string) => {
        out.stderr += s;
        scan?.(s);
      },
    },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: options.env ?? {},
    cwd: options.cwd ?? tmpdir(),
  };
  return { io, out };
}
