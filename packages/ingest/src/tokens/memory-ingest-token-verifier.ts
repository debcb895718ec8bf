import type { IngestBinding, IngestTokenVerifier } from './ingest-token-verifier.port.ts';

/** A fixed token table, for tests and single-user set-ups without the identity store. */
export class MemoryIngestTokenVerifier implements IngestTokenVerifier {
  readonly #tokens = new Map<string, IngestBinding>();

  add(token: string, binding: IngestBinding): this {
    this.#tokens.set(token, { ...binding });
    return this;
  }

  verify(presentedToken: string): Promise<IngestBinding | undefined> {
    const binding = this.#tokens.get(presentedToken);
    return Promise.resolve(binding && { ...binding });
  }
}
