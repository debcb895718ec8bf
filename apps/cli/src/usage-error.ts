import { userError, type VigilError } from '@vigil/core';

/** Code of errors that mean "the command line is wrong" (exit 2, DESIGN §5). */
export const USAGE_ERROR = 'USAGE_ERROR';

/** A command-line mistake: wrong flag, missing argument, unknown command. */
export function usageError(message: string): VigilError {
  return userError(USAGE_ERROR, message);
}
