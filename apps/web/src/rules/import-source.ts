// Turns what the user gave the import panel into an import body: a pasted text, or a chosen .yml/.yaml
// (sent as text) or .zip file (sent as base64 in JSON, so the usual JSON client carries it).
import type { ImportSource } from './rules-api.ts';

const CHUNK = 0x8000;

/** Base64 of bytes, in chunks so large archives do not overflow the argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export async function sourceOfFile(file: File): Promise<ImportSource> {
  if (/\.zip$/i.test(file.name))
    return { kind: 'zip', base64: toBase64(new Uint8Array(await file.arrayBuffer())) };
  if (/\.ya?ml$/i.test(file.name)) return { kind: 'text', path: file.name, text: await file.text() };
  throw new Error('Choose a .yml, .yaml or .zip file.');
}
