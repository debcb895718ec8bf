// The CSRF token of the current session. The server hands it out with `GET /api/v1/me`, at login and
// whenever the session id rotates (password change, MFA enrolment); cookie-authenticated writes send it
// back in `x-csrf-token`. Kept in memory only: a page load asks `/me` again.

let current: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  current = token;
}

export function csrfToken(): string | undefined {
  return current;
}
