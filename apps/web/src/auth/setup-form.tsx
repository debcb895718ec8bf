import { useState, type FormEvent } from 'react';
import { apiJson } from '../api/api-client.ts';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { TextField } from '../shell/text-field.tsx';
import { NewPasswordField } from './password-field.tsx';

/** Creates the owner account with the one-time token; on success the browser goes to the sign-in page. */
export function SetupForm({ token }: { readonly token: string }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiJson('POST', '/api/v1/setup', { token, username, password });
      // The token is spent: drop it from the address bar and history, then sign in.
      window.history.replaceState(null, '', '/setup');
      window.location.replace('/login?setup=done');
    } catch (e) {
      setError(asApiError(e));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <p>Create the owner account. Vigil has no default account or password.</p>
      <TextField label="Username" autoComplete="username" required value={username} onChange={setUsername} />
      <NewPasswordField label="Password" value={password} username={username} onChange={setPassword} />
      <ErrorBanner error={error} />
      <button className="button button-primary" type="submit" disabled={busy}>
        Create owner account
      </button>
    </form>
  );
}
