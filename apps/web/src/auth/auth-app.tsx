import { useEffect } from 'react';
import { LoginPage } from './login-page.tsx';
import { SetupPage } from './setup-page.tsx';
import './auth.css';

/** Pages shown outside the console shell (before there is a session). */
export const AUTH_PATHS = ['/login', '/setup'] as const;

export function isAuthPath(pathname: string): boolean {
  return (AUTH_PATHS as readonly string[]).includes(pathname.replace(/\/+$/u, '') || '/');
}

/** Sign-in and first-run set-up; both leave with a full page load into the console. */
export function AuthApp({ path }: { readonly path: string }) {
  const setup = path.startsWith('/setup');
  useEffect(() => {
    document.title = `${setup ? 'Set up' : 'Sign in'} · Vigil`;
  }, [setup]);
  return <main className="auth-layout">{setup ? <SetupPage /> : <LoginPage />}</main>;
}
