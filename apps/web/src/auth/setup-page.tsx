import { useState } from 'react';
import { SetupForm } from './setup-form.tsx';
import { setupTokenFromHash } from './setup-token.ts';
import { useSetupRequired } from './use-setup-required.ts';

/** First run: the owner chooses a username and password with the one-time link's token. */
export function SetupPage() {
  const [token] = useState(() => setupTokenFromHash(window.location.hash));
  const required = useSetupRequired();
  return (
    <section className="auth-card card" aria-labelledby="setup-heading">
      <h1 id="setup-heading">Set up Vigil</h1>
      {required === 'checking' && <p role="status">Checking whether set-up is pending…</p>}
      {required === 'done' && (
        <>
          <p>Vigil is already set up.</p>
          <p>
            <a href="/login">Sign in</a>
          </p>
        </>
      )}
      {(required === 'required' || required === 'unknown') &&
        (token === '' ? (
          <div className="banner banner-error" role="alert">
            <p>
              This page needs the one-time set-up link that <code>vigil serve</code> printed when it started
              (it ends in <code>#token=…</code>). Restarting the server prints a new one;{' '}
              <code>vigil setup</code> does the same from a shell.
            </p>
          </div>
        ) : (
          <SetupForm token={token} />
        ))}
    </section>
  );
}
