import { useEffect, type ReactNode } from 'react';
import { Link } from '../routing/link.tsx';
import { loginPathFor } from './safe-next-path.ts';
import { useSession } from './session-store.ts';

/** Renders its children only for a signed-in account; otherwise sends the browser to sign in (and back). */
export function RequireSignIn({ children }: { readonly children: ReactNode }) {
  const session = useSession();
  const signedOut = session.status === 'signed-out';
  useEffect(() => {
    if (signedOut) window.location.replace(loginPathFor(window.location.pathname + window.location.search));
  }, [signedOut]);
  switch (session.status) {
    case 'signed-in':
      // The server refuses workspace routes until the password is changed; say so instead of failing.
      if (session.me.mustChangePassword && window.location.pathname !== '/account') {
        return (
          <div className="banner banner-error" role="alert">
            <p className="banner-title">Choose a new password first</p>
            <p>
              An administrator asked you to change your password.{' '}
              <Link href="/account#password">Change it now</Link>.
            </p>
          </div>
        );
      }
      return children;
    case 'loading':
      return <p role="status">Checking your session…</p>;
    case 'signed-out':
      return <p role="status">Redirecting to the sign-in page…</p>;
    case 'unreachable':
      return (
        <div className="banner banner-error" role="alert">
          <p className="banner-title">Your session could not be checked</p>
          <p>{session.message}</p>
        </div>
      );
  }
}
