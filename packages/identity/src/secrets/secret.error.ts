import { operationalError, userError, type VigilError } from '@vigil/core';

// Messages are static: they never include the sealed value, the plaintext, the AAD or any key material.

export function secretMalformed(): VigilError {
  return userError('SECRET_MALFORMED', 'Sealed secret is not in a known format');
}

export function secretKeyUnknown(keyId: string): VigilError {
  return operationalError('SECRET_KEY_UNKNOWN', 'Sealed secret uses a master key that is not configured', {
    details: { keyId },
  });
}

export function secretOpenFailed(): VigilError {
  return userError(
    'SECRET_OPEN_FAILED',
    'Sealed secret could not be decrypted: wrong master key, wrong context (AAD) or tampered data',
  );
}

export function masterKeyInvalid(reason: string): VigilError {
  return userError('MASTER_KEY_INVALID', `Master key is invalid: ${reason}`);
}
