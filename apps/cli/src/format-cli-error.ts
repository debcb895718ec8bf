import { isVigilError } from '@vigil/core';

/**
 * The one line a failed command prints: `vigil: <what> (<where>): <why>` — VigilError messages are
 * written in that shape. Anything else is a bug: say so, and show the stack only with VIGIL_DEBUG=1.
 */
export function formatCliError(error: unknown, debug: boolean): string {
  const lines: string[] = [];
  if (isVigilError(error)) {
    lines.push(`vigil: ${error.message}`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    lines.push(
      `vigil: unexpected error: ${message.split('\n')[0] ?? ''}${debug ? '' : ' (set VIGIL_DEBUG=1 for details)'}`,
    );
  }
  if (debug) {
    let current: unknown = error;
    for (let depth = 0; current instanceof Error && depth < 5; depth++) {
      lines.push(depth === 0 ? (current.stack ?? '') : `caused by: ${current.stack ?? current.message}`);
      current = current.cause;
    }
  }
  return `${lines.join('\n')}\n`;
}
