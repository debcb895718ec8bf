import { useState, type FormEvent } from 'react';
import { apiJson } from '../api/api-client.ts';
import { ApiError, asApiError } from '../api/api-error.ts';
import { NewPasswordField } from '../auth/password-field.tsx';
import { redirectIfSignedOut } from '../auth/redirect-if-signed-out.ts';
import { refreshSession, updateCsrfToken } from '../auth/session-store.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { TextField } from '../shell/text-field.tsx';

/** `POST /api/v1/me/password`: the server ends every other session and rotates this one. */
export function ChangePasswordForm({ username }: { readonly username: string }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (next !== confirm) {
      setError(new ApiError('MISMATCH', 'The new password and its confirmation differ.', 0));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = await apiJson<{ csrfToken?: unknown }>('POST', '/api/v1/me/password', {
        currentPassword: current,
        newPassword: next,
      });
      if (typeof body?.csrfToken === 'string') updateCsrfToken(body.csrfToken);
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
      await refreshSession();
    } catch (e) {
      const err = asApiError(e);
      if (redirectIfSignedOut(err)) return;
      setError(
        err.code === 'LOGIN_FAILED'
          ? new ApiError(err.code, 'The current password is not correct.', 401)
          : err,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onChange={setCurrent}
      />
      <NewPasswordField label="New password" value={next} username={username} onChange={setNext} />
      <TextField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={setConfirm}
      />
      <ErrorBanner error={error} />
      {done && (
        <p className="banner banner-ok" role="status">
          Your password was changed. Every other session of your account was signed out.
        </p>
      )}
      <button className="button button-primary" type="submit" disabled={busy}>
        Change password
      </button>
    </form>
  );
}
