import { userError, type Clock } from '@vigil/core';
import { checkSetupToken, hashSetupToken, issueSetupToken, SETUP_TOKEN_TTL_MS } from './setup-token.ts';
import type { SetupTokenStore } from './setup-token.port.ts';

/**
 * First-run set-up: while no account exists, one setup token at a time can create the owner.
 * `isSetUp` is asked every time (it reads the accounts), so a finished set-up can never be repeated.
 */
export class FirstRun {
  readonly #store: SetupTokenStore;
  readonly #clock: Clock;
  readonly #isSetUp: () => Promise<boolean>;
  readonly #ttlMs: number;

  constructor(
    store: SetupTokenStore,
    clock: Clock,
    isSetUp: () => Promise<boolean>,
    ttlMs = SETUP_TOKEN_TTL_MS,
  ) {
    this.#store = store;
    this.#clock = clock;
    this.#isSetUp = isSetUp;
    this.#ttlMs = ttlMs;
  }

  /** Issues a new token (replacing any older one) and returns it for printing; refuses once set up. */
  async issue(): Promise<{ token: string; expiresAt: number }> {
    if (await this.#isSetUp()) throw alreadySetUp();
    const { token, record } = issueSetupToken(this.#clock.now(), this.#ttlMs);
    await this.#store.replace(record);
    return { token, expiresAt: record.expiresAt };
  }

  /**
   * Spends the token: call right before creating the owner account, in the same unit of work.
   * Throws SETUP_DONE (409) or SETUP_TOKEN_INVALID (403, reason in details).
   */
  async redeem(token: string): Promise<void> {
    if (await this.#isSetUp()) throw alreadySetUp();
    const now = this.#clock.now();
    const check = checkSetupToken(await this.#store.current(), token, now);
    if (!check.ok) throw tokenInvalid(check.reason);
    if (!(await this.#store.consume(hashSetupToken(token), now))) throw tokenInvalid('used');
  }
}

function alreadySetUp() {
  return userError('SETUP_DONE', 'Vigil is already set up', { status: 409 });
}

function tokenInvalid(reason: string) {
  return userError('SETUP_TOKEN_INVALID', 'The setup link is invalid, expired or already used', {
    status: 403,
    details: { reason },
  });
}
