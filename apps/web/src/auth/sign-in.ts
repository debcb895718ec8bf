// `POST /api/v1/auth/login`, with the outcomes the sign-in page distinguishes.
import { apiJson } from '../api/api-client.ts';
import { asApiError, type ApiError } from '../api/api-error.ts';

export type SignInOutcome =
  | {
      readonly kind: 'signed-in';
      readonly mustChangePassword: boolean;
      readonly mfaEnrolmentRequired: boolean;
    }
  | { readonly kind: 'mfa-required' }
  | { readonly kind: 'failed'; readonly error: ApiError };

/** One message for every credential failure, whatever the cause: no account enumeration. */
export const GENERIC_FAILURE = 'Sign-in failed: the username, password or code is not valid.';

export async function signIn(username: string, password: string, totp?: string): Promise<SignInOutcome> {
  try {
    const body = await apiJson<{ mustChangePassword?: unknown; mfaEnrolmentRequired?: unknown }>(
      'POST',
      '/api/v1/auth/login',
      { username, password, ...(totp === undefined ? {} : { totp }) },
    );
    return {
      kind: 'signed-in',
      mustChangePassword: body?.mustChangePassword === true,
      mfaEnrolmentRequired: Array.isArray(body?.mfaEnrolmentRequired) && body.mfaEnrolmentRequired.length > 0,
    };
  } catch (e) {
    const error = asApiError(e);
    if (error.code === 'MFA_REQUIRED') return { kind: 'mfa-required' };
    return { kind: 'failed', error };
  }
}
