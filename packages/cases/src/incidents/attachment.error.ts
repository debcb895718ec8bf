import { userError, type VigilError } from '@vigil/core';

export function attachmentNotFound(workspace: string, id: string): VigilError {
  return userError('ATTACHMENT_NOT_FOUND', 'No such attachment here', {
    status: 404,
    details: { workspace, id },
  });
}

export function attachmentExists(id: string): VigilError {
  return userError('ATTACHMENT_EXISTS', 'An attachment with this id already exists', {
    status: 409,
    details: { id },
  });
}

/** Executables and active content (HTML, SVG, scripts) are never stored: 415 naming the field. */
export function attachmentTypeRefused(field: 'content' | 'name', reason: string): VigilError {
  return userError('ATTACHMENT_TYPE_REFUSED', `${field}: ${reason}`, { status: 415, details: { field } });
}

/** The declared type does not match what the content is. */
export function attachmentTypeMismatch(declared: string, detected: string): VigilError {
  return userError('ATTACHMENT_TYPE_MISMATCH', `type: declared ${declared} but the content is ${detected}`, {
    status: 415,
    details: { field: 'type', declared, detected },
  });
}

export function invalidAttachment(field: string, reason: string): VigilError {
  return userError('INVALID_ATTACHMENT', `${field}: ${reason}`, { status: 400, details: { field } });
}
