/** Timeouts of a session, in milliseconds. */
export interface SessionPolicy {
  /** Session ends after this long without a request. */
  idleTimeoutMs: number;
  /** Session ends this long after login, however active. */
  absoluteTimeoutMs: number;
  /** Skip store writes for activity closer together than this (touch throttling). */
  touchIntervalMs: number;
}

/** OWASP-style defaults for a management console: 30 min idle, 12 h absolute. */
export const DEFAULT_SESSION_POLICY: Readonly<SessionPolicy> = Object.freeze({
  idleTimeoutMs: 30 * 60_000,
  absoluteTimeoutMs: 12 * 3_600_000,
  touchIntervalMs: 60_000,
});

/** A server-side session. The cookie holds the id; the store holds this under `sessionKey(id)`. */
export interface Session {
  /** `sessionKey(id)`, never the id itself. */
  key: string;
  userId: string;
  /** Epoch ms of the login that started the session chain (kept across rotations). */
  authenticatedAt: number;
  /** Epoch ms this id was issued (login or rotation). */
  issuedAt: number;
  lastSeenAt: number;
  /** Absolute expiry, fixed at login: rotation does not extend it. */
  expiresAt: number;
  /** True once the second factor was checked in this session. */
  mfa: boolean;
  /** Bumped at every privilege change; lets the server see that cached grants are stale. */
  privilegeEpoch: number;
  /** Client address and user agent at login, for the user's session list and the audit log. */
  clientIp?: string;
  userAgent?: string;
}

export type SessionState = 'active' | 'idle_expired' | 'absolute_expired';

/** Evaluates a session's timeouts at `now`. */
export function sessionState(session: Session, policy: SessionPolicy, now: number): SessionState {
  if (now >= session.expiresAt) return 'absolute_expired';
  if (now - session.lastSeenAt >= policy.idleTimeoutMs) return 'idle_expired';
  return 'active';
}
