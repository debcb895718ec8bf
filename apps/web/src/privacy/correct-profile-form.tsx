import { useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { redirectIfSignedOut } from '../auth/redirect-if-signed-out.ts';
import { refreshSession } from '../auth/session-store.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { TextField } from '../shell/text-field.tsx';
import { correctProfile } from './personal-data-api.ts';
import type { PersonalDataSummary } from './parse-privacy.ts';

/** `PATCH /api/v1/me`: correct the display name and email (empty removes them). */
export function CorrectProfileForm({
  data,
  onSaved,
}: {
  readonly data: PersonalDataSummary;
  readonly onSaved: () => void;
}) {
  const [displayName, setDisplayName] = useState(data.displayName ?? '');
  const [email, setEmail] = useState(data.email ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await correctProfile({
        displayName: displayName.trim() === '' ? null : displayName.trim(),
        email: email.trim() === '' ? null : email.trim(),
      });
      setDone(true);
      onSaved();
      await refreshSession();
    } catch (e) {
      const err = asApiError(e);
      if (!redirectIfSignedOut(err)) setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <TextField
        label="Display name"
        autoComplete="name"
        maxLength={200}
        value={displayName}
        onChange={setDisplayName}
      />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        maxLength={320}
        value={email}
        onChange={setEmail}
      />
      <ErrorBanner error={error} />
      {done && (
        <p className="banner banner-ok" role="status">
          Your details were saved.
        </p>
      )}
      <button className="button" type="submit" disabled={busy}>
        Save details
      </button>
    </form>
  );
}
