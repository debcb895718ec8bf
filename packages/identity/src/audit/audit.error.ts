import { operationalError, type VigilError } from '@vigil/core';

export function auditAppendConflict(expectedSeq: number, gotSeq: number): VigilError {
  return operationalError('AUDIT_APPEND_CONFLICT', 'Audit record does not extend the current chain head', {
    details: { expectedSeq, gotSeq },
  });
}
