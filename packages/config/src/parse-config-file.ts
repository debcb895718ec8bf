import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { userError } from '@vigil/core';

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Finds where JSON.parse fails. V8 reports the position for most errors but not for
 * "Unexpected token" ones; parsing growing prefixes locates those: the first prefix whose error is
 * neither "ran out of input" nor a position at its very end holds the offending character.
 * Quadratic, but only on the error path and config files are small.
 */
function errorOffset(text: string, message: string): number {
  const reported = /at position (\d+)/.exec(message);
  if (reported) return Number(reported[1]);
  if (text.length > 65_536) return text.length;
  for (let end = 1; end <= text.length; end++) {
    try {
      JSON.parse(text.slice(0, end));
    } catch (err) {
      const m = (err as Error).message;
      const at = /at position (\d+)/.exec(m);
      if (m.startsWith('Unexpected end')) continue;
      if (at && Number(at[1]) >= end) continue;
      return at ? Number(at[1]) : end - 1;
    }
  }
  return text.length;
}

/**
 * Parses a JSON config file; a syntax error names the file, line and column. The parser's own text is
 * trimmed to its first clause because V8 quotes the offending input, which may hold a credential.
 */
export function parseConfigFile(text: string, file: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    const message = (cause as Error).message;
    const { line, column } = lineColumn(text, errorOffset(text, message));
    const why =
      /^Unexpected token '.*?'/.exec(message)?.[0] ?? message.replace(/ in JSON at position.*$/s, '');
    throw userError('CONFIG_INVALID', `config file is not valid JSON (${file}:${line}:${column}): ${why}`, {
      details: { file, line, column },
    });
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw userError(
      'CONFIG_INVALID',
      `config file must hold a JSON object (${file}): got ${Array.isArray(doc) ? 'an array' : typeof doc}`,
      {
        details: { file },
      },
    );
  }
  return doc as Record<string, unknown>;
}

/** Reads and parses a config file (relative paths from `cwd`); every failure is CONFIG_INVALID. */
export function readConfigFile(file: string, cwd: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (cause) {
    const why =
      (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (cause as Error).message;
    throw userError('CONFIG_INVALID', `cannot read config file (${file}): ${why}`, {
      cause,
      details: { file },
    });
  }
  return parseConfigFile(text, file);
}
