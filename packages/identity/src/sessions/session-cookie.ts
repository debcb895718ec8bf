export interface SessionCookieAttributes {
  name: string;
  httpOnly: true;
  secure: boolean;
  sameSite: 'strict';
  path: '/';
}

/**
 * Cookie attributes for the session id (DESIGN §7): HttpOnly, SameSite=Strict, Secure when served over TLS.
 * Over TLS the `__Host-` prefix makes browsers refuse the cookie unless it is Secure, host-only and Path=/.
 * No Max-Age: the server enforces the timeouts, and the cookie dies with the browser.
 */
export function sessionCookieAttributes(tls: boolean): SessionCookieAttributes {
  return {
    name: tls ? '__Host-vigil_session' : 'vigil_session',
    httpOnly: true,
    secure: tls,
    sameSite: 'strict',
    path: '/',
  };
}
