import { userError, type VigilError } from '@vigil/core';

export function incidentNotFound(workspace: string, id: string): VigilError {
  return userError('INCIDENT_NOT_FOUND', 'No such incident in this workspace', {
    status: 404,
    details: { workspace, id },
  });
}

export function incidentExists(id: string): VigilError {
  return userError('INCIDENT_EXISTS', 'An incident with this id already exists', {
    status: 409,
    details: { id },
  });
}

export function incidentVersionConflict(id: string, expected: number, actual: number): VigilError {
  return userError('VERSION_CONFLICT', 'The incident changed since it was read; reload and retry', {
    status: 409,
    details: { id, expected, actual },
  });
}

export function invalidIncidentTransition(from: string, to: string): VigilError {
  return userError('INVALID_INCIDENT_TRANSITION', `An incident cannot go from ${from} to ${to}`, {
    status: 409,
    details: { field: 'status', from, to },
  });
}

/** A request about an incident's content that cannot be done (bad split, merging a closed incident…). */
export function invalidIncidentRequest(field: string, message: string): VigilError {
  return userError('INVALID_INCIDENT_REQUEST', `${field}: ${message}`, { status: 400, details: { field } });
}
