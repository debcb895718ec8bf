import type { Clock } from '@vigil/core';
import { DEFAULT_SESSION_POLICY, sessionState, type Session, type SessionPolicy } from './session.ts';
import type { SessionStore } from './session.port.ts';
import { isWellFormedSessionId, newSessionId, sessionKey } from './session-id.ts';
import { sessionInvalid } from './session.error.ts';

export interface StartSessionOptions {
  mfa?: boolean;
  clientIp?: string;
  userAgent?: string;
  /** The id the client presented before login, if any: it is destroyed so it cannot be fixed on a victim. */
  previousSessionId?: string;
}

export interface IssuedSession {
  /** The value for the cookie; shown to the client only. */
  sessionId: string;
  session: Session;
}

/**
 * Session lifecycle over a `SessionStore`: a fresh id at login and at every privilege change,
 * idle and absolute timeouts against the `Clock`, logout and "sign out everywhere".
 */
export class SessionManager {
  readonly #store: SessionStore;
  readonly #clock: Clock;
  readonly #policy: SessionPolicy;

  constructor(store: SessionStore, clock: Clock, policy: SessionPolicy = DEFAULT_SESSION_POLICY) {
    this.#store = store;
    this.#clock = clock;
    this.#policy = policy;
  }

  /** Login: always issues a new id (never reuses one the client brought). */
  async start(userId: string, options: StartSessionOptions = {}): Promise<IssuedSession> {
    if (options.previousSessionId !== undefined) await this.end(options.previousSessionId);
    const now = this.#clock.now();
    const sessionId = newSessionId();
    const session: Session = {
      key: sessionKey(sessionId),
      userId,
      authenticatedAt: now,
      issuedAt: now,
      lastSeenAt: now,
      expiresAt: now + this.#policy.absoluteTimeoutMs,
      mfa: options.mfa ?? false,
      privilegeEpoch: 0,
      ...(options.clientIp === undefined ? {} : { clientIp: options.clientIp }),
      ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
    };
    await this.#store.put(session);
    return { sessionId, session };
  }

  /** Resolves a cookie value to its live session and records activity; throws SESSION_INVALID (401) otherwise. */
  async validate(sessionId: string): Promise<Session> {
    if (!isWellFormedSessionId(sessionId)) throw sessionInvalid('malformed');
    const key = sessionKey(sessionId);
    const session = await this.#store.get(key);
    if (!session) throw sessionInvalid('unknown');
    const now = this.#clock.now();
    const state = sessionState(session, this.#policy, now);
    if (state !== 'active') {
      await this.#store.delete(key);
      throw sessionInvalid(state);
    }
    if (now - session.lastSeenAt >= this.#policy.touchIntervalMs) {
      await this.#store.touch(key, now);
      session.lastSeenAt = now;
    }
    return session;
  }

  /**
   * Privilege change (MFA completed, role granted, password changed, operator access started): issues a new
   * id carrying the session over, destroys the old one. The absolute expiry is kept.
   */
  async rotate(sessionId: string, changes: { mfa?: boolean } = {}): Promise<IssuedSession> {
    const old = await this.validate(sessionId);
    const now = this.#clock.now();
    const next = newSessionId();
    const session: Session = {
      ...old,
      key: sessionKey(next),
      issuedAt: now,
      lastSeenAt: now,
      mfa: changes.mfa ?? old.mfa,
      privilegeEpoch: old.privilegeEpoch + 1,
    };
    await this.#store.put(session);
    await this.#store.delete(old.key);
    return { sessionId: next, session };
  }

  /** Logout: revokes the session server-side. */
  async end(sessionId: string): Promise<boolean> {
    if (!isWellFormedSessionId(sessionId)) return false;
    return this.#store.delete(sessionKey(sessionId));
  }

  /** "Sign out everywhere" (also after a password change or an admin reset). */
  endAll(userId: string): Promise<number> {
    return this.#store.deleteByUser(userId);
  }

  /** Housekeeping: removes sessions past either timeout. */
  purgeExpired(): Promise<number> {
    const now = this.#clock.now();
    return this.#store.deleteExpired(now, now - this.#policy.idleTimeoutMs);
  }
}
