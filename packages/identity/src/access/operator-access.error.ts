import { userError, type VigilError } from '@vigil/core';

export function operatorAccessInvalid(message: string, field: string): VigilError {
  return userError('OPERATOR_ACCESS_INVALID', message, { status: 400, details: { field } });
}

export function operatorAccessForbidden(message: string): VigilError {
  return userError('OPERATOR_ACCESS_FORBIDDEN', message, { status: 403 });
}

export function operatorAccessSelfApproval(): VigilError {
  return userError(
    'OPERATOR_ACCESS_SELF_APPROVAL',
    'A request must be decided by a different account than the requester',
    {
      status: 403,
    },
  );
}

export function operatorAccessWrongState(status: string, action: string): VigilError {
  return userError('OPERATOR_ACCESS_STATE', `Cannot ${action} an operator-access grant that is ${status}`, {
    status: 409,
    details: { status },
  });
}
