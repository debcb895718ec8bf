import { unexpectedError, type VigilError } from '@vigil/core';

/** Two tokens drew the same random 64-bit id: a bug or a broken random source, never a user mistake. */
export function machineTokenExists(id: string): VigilError {
  return unexpectedError('MACHINE_TOKEN_EXISTS', 'A machine token with this id already exists', {
    details: { id },
  });
}
