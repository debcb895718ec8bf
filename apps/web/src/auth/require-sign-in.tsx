import { useEffect, type ReactNode } from 'react';
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
