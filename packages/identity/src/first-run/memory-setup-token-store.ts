import type { SetupTokenRecord } from './setup-token.ts';
import type { SetupTokenStore } from './setup-token.port.ts';

/** In-memory `SetupTokenStore` for tests and the reference behaviour for adapters. */
export class MemorySetupTokenStore implements SetupTokenStore {
  #record: SetupTokenRecord | undefined;

  current(): Promise<SetupTokenRecord | undefined> {
    return Promise.resolve(this.#record && { ...this.#record });
  }
  replace(record: SetupTokenRecord): Promise<void> {
    this.#record = { ...record };
    return Promise.resolve();
  }
  consume(hash: string, at: number): Promise<boolean> {
    if (!this.#record || this.#record.hash !== hash || this.#record.usedAt !== undefined)
      return Promise.resolve(false);
    this.#record.usedAt = at;
    return Promise.resolve(true);
  }
}
