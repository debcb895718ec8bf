import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { userError } from '@vigil/core';
import { parseAttackMatrix, type AttackBundleProblem, type AttackMatrix } from '@vigil/cases';
import type { AttackMatrixStore } from './attack-matrix-store.ts';

export interface AttackImportResult {
  tactics: number;
  techniques: number;
  subtechniques: number;
  modified: string;
  attackVersion?: string;
  sha256: string;
  warnings: AttackBundleProblem[];
}

/** Largest bundle JSON accepted once decompressed. */
const MAX_JSON_BYTES = 128 * 1024 * 1024;

function invalidBundle(message: string, problems: AttackBundleProblem[] = []) {
  return userError('INVALID_ATTACK_BUNDLE', message, {
    status: 400,
    details: { field: 'body', problems },
  });
}

/** Decodes a bundle file as uploaded: gzip (`.json.gz`) or plain JSON bytes. */
export function decodeBundle(bytes: Uint8Array): unknown {
  let text: string;
  try {
    const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
    // Bounded: a small gzip must not inflate into gigabytes (the real bundle is ~33 MB).
    text = Buffer.from(gzip ? gunzipSync(bytes, { maxOutputLength: MAX_JSON_BYTES }) : bytes).toString(
      'utf8',
    );
  } catch (cause) {
    throw invalidBundle(`the file is not valid gzip: ${(cause as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw invalidBundle(`the file is not JSON: ${(cause as Error).message}`);
  }
}

export function summarise(matrix: AttackMatrix): Omit<AttackImportResult, 'sha256' | 'warnings'> {
  const subtechniques = matrix.techniques.filter((t) => t.parent !== undefined).length;
  return {
    tactics: matrix.tactics.length,
    techniques: matrix.techniques.length - subtechniques,
    subtechniques,
    modified: matrix.modified,
    ...(matrix.attackVersion === undefined ? {} : { attackVersion: matrix.attackVersion }),
  };
}

/**
 * Validates an ATT&CK Enterprise bundle and stores its compact matrix (the CLI and the API share this).
 * `bundle` is the file's bytes, or JSON already parsed by the HTTP layer. Nothing is stored when the
 * bundle is refused: INVALID_ATTACK_BUNDLE (400) lists the problems with their paths.
 */
export async function importAttackBundle(
  store: AttackMatrixStore,
  /** The file's bytes, or JSON the HTTP layer already parsed. */
  bundle: unknown,
  options: { now: number; by?: string },
): Promise<AttackImportResult> {
  const bytes = bundle instanceof Uint8Array ? bundle : Buffer.from(JSON.stringify(bundle) ?? '');
  const parsed = parseAttackMatrix(bundle instanceof Uint8Array ? decodeBundle(bundle) : bundle);
  if (!parsed.ok) {
    const first = parsed.problems[0];
    throw invalidBundle(
      `not a usable ATT&CK Enterprise bundle: ${first ? `${first.path}: ${first.message}` : 'unknown problem'}`,
      parsed.problems,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await store.put({
    matrix: parsed.matrix,
    sha256,
    importedAt: options.now,
    ...(options.by === undefined ? {} : { importedBy: options.by }),
  });
  return { ...summarise(parsed.matrix), sha256, warnings: parsed.warnings };
}
