import { userError, type VigilError } from '@vigil/core';

/** A window, limit or entity in an investigation request that cannot be served; names the field. */
export function invalidInvestigationInput(field: string, reason: string): VigilError {
  return userError('INVALID_INVESTIGATION_REQUEST', `${field}: ${reason}`, {
    status: 400,
    details: { field, reason },
  });
}
