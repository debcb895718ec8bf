import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { TextField } from '../shell/text-field.tsx';
import { safeNextPath } from './safe-next-path.ts';
import { GENERIC_FAILURE, signIn } from './sign-in.ts';

/** Sign-in; the code field appears when the server answers MFA_REQUIRED. */
export function LoginPage() {
  const [params] = useState(() => new URLSearchParams(window.location.search));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needCode, setNeedCode] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const outcome = await signIn(username, password, needCode ? code.trim() : undefined);
    if (outcome.kind === 'signed-in') {
      const next = safeNextPath(params.get('next'));
      const account = outcome.mustChangePassword || outcome.mfaEnrolmentRequired;
      // Without a page to return to, the signed-in home is the overview (`/` stays the public status page).
      window.location.assign(account ? '/account' : next === '/' ? '/overview' : next);
      return;
    }
    setBusy(false);
    if (outcome.kind === 'mfa-required') {
      setNeedCode(true);
      // Let the new field render, then put the caret in it.
      requestAnimationFrame(() => form.current?.querySelector<HTMLInputElement>('[name="totp"]')?.focus());
      return;
    }
    const e = outcome.error;
    setError(
      e.code === 'LOGIN_FAILED' || e.status === 401 || e.status === 400
        ? new ApiError(e.code, GENERIC_FAILURE, e.status)
        : e,
    );
  }

  function startOver() {
    setNeedCode(false);
    setCode('');
    setPassword('');
    setError(null);
  }

  return (
    <section className="auth-card card" aria-labelledby="login-heading">
      <h1 id="login-heading">Sign in to Vigil</h1>
      {params.get('setup') === 'done' && (
        <p className="banner banner-ok" role="status">
          Vigil is set up. Sign in with the owner account you just created.
        </p>
      )}
      {params.get('signed-out') !== null && (
        <p className="banner banner-ok" role="status">
          {params.get('signed-out') === 'all' ? 'You are signed out on every device.' : 'You are signed out.'}
        </p>
      )}
      <form ref={form} onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <TextField
          label="Username"
          name="username"
          autoComplete="username"
          required
          readOnly={needCode}
          value={username}
          onChange={setUsername}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          readOnly={needCode}
          value={password}
          onChange={setPassword}
        />
        {needCode && (
          <>
            <p role="status">Two-factor authentication is on for this account.</p>
            <TextField
              label="Authenticator code or recovery code"
              name="totp"
              autoComplete="one-time-code"
              required
              value={code}
              onChange={setCode}
            />
          </>
        )}
        <ErrorBanner error={error} />
        <div className="form-actions">
          <button className="button button-primary" type="submit" disabled={busy}>
            {needCode ? 'Verify and sign in' : 'Sign in'}
          </button>
          {needCode && (
            <button type="button" className="link-button" onClick={startOver}>
              Use another account
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
