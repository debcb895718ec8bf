import type { Logger } from '@vigil/core';
import type { CliIO } from './command.ts';

export interface RunUntilSignalOptions {
  /** Graceful stop of whatever runs. */
  close: () => Promise<void>;
  /** After this long the shutdown is abandoned and the process exits 1. */
  timeoutMs: number;
  logger: Logger;
  io: CliIO;
}

/**
 * Keeps a long-running command alive until SIGTERM or SIGINT, then shuts it down gracefully.
 * A second signal (an impatient Ctrl-C) or an expired shutdown timeout forces the exit.
 * Resolves once the graceful close finished.
 */
export async function runUntilSignal(options: RunUntilSignalOptions): Promise<void> {
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    const first = (name: NodeJS.Signals) => {
      process.off('SIGINT', first);
      process.off('SIGTERM', first);
      resolve(name);
    };
    process.on('SIGINT', first);
    process.on('SIGTERM', first);
  });
  options.logger.info({ signal }, 'shutting down');
  const force = (why: string) => {
    options.io.stderr.write(`vigil: ${why}: forced exit\n`);
    process.exit(1);
  };
  process.once('SIGINT', () => force('second signal during shutdown'));
  process.once('SIGTERM', () => force('second signal during shutdown'));
  // Not unref'd: while shutting down, this timer is what guarantees the process ends.
  const timer = setTimeout(
    () => force(`shutdown took longer than ${options.timeoutMs} ms`),
    options.timeoutMs,
  );
  await options.close();
  clearTimeout(timer);
  // Safety net: everything is closed, so a handle a dependency forgot must not keep the process alive.
  setTimeout(() => process.exit(process.exitCode ?? 0), 2000).unref();
}
