import { userError, type VigilError } from '@vigil/core';
import { checkPasswordPolicy } from '@vigil/identity';

/** 400 naming every failed rule, so the API and the console say exactly what is missing. */
export function passwordPolicyFailed(failures: readonly { rule: string; message: string }[]): VigilError {
  return userError(
    'PASSWORD_POLICY',
    `The password does not meet the policy: ${failures.map((f) => f.message).join(' ')}`,
    { status: 400, details: { field: 'password', failures } },
  );
}

/** Throws PASSWORD_POLICY unless `password` passes every rule for `username`. */
export function assertPasswordPolicy(password: string, username: string): void {
  const result = checkPasswordPolicy(password, username);
  if (!result.ok) throw passwordPolicyFailed(result.failures);
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export function assertUsername(username: string): void {
  if (!USERNAME.test(username)) {
    throw userError(
      'VALIDATION_FAILED',
      'username: 1–64 letters, digits, dot, underscore, @ or -, starting with a letter or digit',
      { status: 400, details: { field: 'body.username' } },
    );
  }
}
