// TOTP enrolment: begin (secret + otpauth URI, shown as text) → confirm with a first code → recovery codes.
import { useState, type FormEvent } from 'react';
import { apiJson } from '../api/api-client.ts';
import { ApiError, asApiError } from '../api/api-error.ts';
import { redirectIfSignedOut } from '../auth/redirect-if-signed-out.ts';
import { refreshSession, updateCsrfToken } from '../auth/session-store.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { TextField } from '../shell/text-field.tsx';
import { RecoveryCodes } from './recovery-codes.tsx';

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pending'; readonly secret: string; readonly uri: string }
  | { readonly kind: 'done'; readonly codes: readonly string[] };

export function MfaEnrolment() {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      const err = asApiError(e);
      if (!redirectIfSignedOut(err)) setError(err);
    } finally {
      setBusy(false);
    }
  }

  const begin = () =>
    run(async () => {
      const body = await apiJson<{ secret?: unknown; uri?: unknown }>('POST', '/api/v1/me/mfa/enrol');
      if (typeof body?.secret !== 'string' || typeof body.uri !== 'string')
        throw new ApiError('BAD_RESPONSE', 'The server answered unexpectedly.', 200);
      setStep({ kind: 'pending', secret: body.secret, uri: body.uri });
    });

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const body = await apiJson<{ recoveryCodes?: unknown; csrfToken?: unknown }>(
        'POST',
        '/api/v1/me/mfa/confirm',
        {
          code: code.trim(),
        },
      );
      if (typeof body?.csrfToken === 'string') updateCsrfToken(body.csrfToken);
      const codes = Array.isArray(body?.recoveryCodes)
        ? body.recoveryCodes.filter((c) => typeof c === 'string')
        : [];
      setStep({ kind: 'done', codes });
      setCode('');
    });
  };

  if (step.kind === 'done') return <RecoveryCodes codes={step.codes} onDone={() => void refreshSession()} />;
  if (step.kind === 'idle') {
    return (
      <>
        <p>Two-factor authentication is off. Add an authenticator app (TOTP) to require a code at sign-in.</p>
        <ErrorBanner error={error} />
        <button type="button" className="button" onClick={() => void begin()} disabled={busy}>
          Set up an authenticator
        </button>
      </>
    );
  }
  return (
    <form onSubmit={confirm} aria-busy={busy}>
      <p>Add this account to your authenticator app with the setup URI, or type the secret key by hand.</p>
      <dl className="facts">
        <dt>Setup URI</dt>
        <dd>
          <code className="break-all" data-testid="otpauth-uri">
            {step.uri}
          </code>
        </dd>
        <dt>Secret key</dt>
        <dd>
          <code className="break-all" data-testid="totp-secret">
            {step.secret}
          </code>
        </dd>
      </dl>
      <TextField
        label="Code from the app"
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        value={code}
        onChange={setCode}
      />
      <ErrorBanner error={error} />
      <button className="button button-primary" type="submit" disabled={busy}>
        Confirm and turn on
      </button>
    </form>
  );
}
