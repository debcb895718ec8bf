import { userError, type VigilError } from '@vigil/core';

export function alertNotFound(workspace: string, id: string): VigilError {
  return userError('ALERT_NOT_FOUND', 'No such alert in this workspace', {
    status: 404,
    details: { workspace, id },
  });
}

export function alertExists(id: string): VigilError {
  return userError('ALERT_EXISTS', 'An alert with this id already exists', { status: 409, details: { id } });
}

export function alertVersionConflict(id: string, expected: number, actual: number): VigilError {
  return userError('VERSION_CONFLICT', 'The alert changed since it was read; reload and retry', {
    status: 409,
    details: { id, expected, actual },
  });
}

export function invalidAlertTransition(from: string, to: string): VigilError {
  return userError('INVALID_ALERT_TRANSITION', `An alert cannot go from ${from} to ${to}`, {
    status: 409,
    details: { field: 'status', from, to },
  });
}

/** Closing needs a reason (and `other` needs a comment saying what it is). */
export function closeReasonRequired(field: 'closeReason' | 'closeComment'): VigilError {
  return userError(
    'CLOSE_REASON_REQUIRED',
    field === 'closeReason' ? 'Closing needs a close reason' : 'Closing with reason "other" needs a comment',
    { status: 400, details: { field } },
  );
}

/** A detection the bus delivered again was already turned into alerts (a concurrent redelivery). */
export function detectionAlreadyProcessed(id: string): VigilError {
  return userError('DETECTION_ALREADY_PROCESSED', 'This detection was already processed', {
    status: 409,
    details: { id },
  });
}
