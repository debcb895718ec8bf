import { useState, type FormEvent } from 'react';
import { ApiError, asApiError } from '../api/api-error.ts';
import { redirectIfSignedOut } from '../auth/redirect-if-signed-out.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { TextField } from '../shell/text-field.tsx';
import { deleteOwnAccount } from './personal-data-api.ts';
import './privacy.css';

/** `POST /api/v1/me/delete` after a password re-check and typing DELETE; then the browser leaves. */
export function DeleteAccountForm({ sso }: { readonly sso: boolean }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (confirm !== 'DELETE') {
      setError(new ApiError('NOT_CONFIRMED', 'Type DELETE to confirm.', 0));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await deleteOwnAccount(password);
      window.location.assign('/login?signed-out=deleted');
    } catch (e) {
      const err = asApiError(e);
      if (redirectIfSignedOut(err)) return;
      setError(
        err.code === 'LOGIN_FAILED'
          ? new ApiError(
              err.code,
              sso ? 'Sign in again, then retry within 10 minutes.' : 'The password is not correct.',
              401,
            )
          : err,
      );
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <p>
        Deleting your account signs you out everywhere, removes your password, second factor, roles and API
        keys, and replaces your username with a pseudonym. Audit records of what you did are kept, under your
        user id, because the audit log must stay complete and unaltered (legal obligation, integrity of its
        hash chain). This cannot be undone.
      </p>
      {!sso && (
        <TextField
          label="Password for deletion"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
      )}
      <TextField
        label="Type DELETE to confirm"
        autoComplete="off"
        required
        value={confirm}
        onChange={setConfirm}
      />
      <ErrorBanner error={error} />
      <button className="button button-danger" type="submit" disabled={busy}>
        Delete my account
      </button>
    </form>
  );
}
