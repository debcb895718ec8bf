import type { SetupTokenRecord } from './setup-token.ts';

/** Storage of the single pending setup token. */
export interface SetupTokenStore {
  current(): Promise<SetupTokenRecord | undefined>;
  /** Replaces any previous token (issuing a new link invalidates the old one). */
  replace(record: SetupTokenRecord): Promise<void>;
  /** Atomically sets `usedAt` if the stored token has this hash and is unused; false otherwise. */
  consume(hash: string, at: number): Promise<boolean>;
}
