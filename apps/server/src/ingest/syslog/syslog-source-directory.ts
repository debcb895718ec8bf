import { X509Certificate } from 'node:crypto';
import type { SourceRef } from '@vigil/ingest';
import type { SyslogRuntime } from './syslog-runtime.ts';
import { normaliseFingerprint, type SyslogSourceStore } from './syslog-source-store.ts';

interface Entry {
  ref: SourceRef;
  ca?: X509Certificate;
}

export interface SyslogSourceDirectoryOptions {
  store: SyslogSourceStore;
  /** Ids of the workspaces to load sources from (active ones only). */
  workspaces: () => Promise<string[]>;
  runtime: SyslogRuntime;
  now?: () => number;
  /** Reload at least this often, so changes made through another server apply (default 10 s). */
  maxAgeMs?: number;
}

/**
 * Maps TLS client certificates to registered syslog sources across all workspaces. The index is
 * rebuilt when this server's API changed a source, when it is older than `maxAgeMs`, and (at most
 * once a second) when a certificate is unknown — so a new source works at once everywhere.
 */
export class SyslogSourceDirectory {
  readonly #options: SyslogSourceDirectoryOptions;
  #byFingerprint = new Map<string, Entry>();
  #loadedAt = Number.NEGATIVE_INFINITY;
  #generation = -1;
  #loading: Promise<void> | undefined;

  constructor(options: SyslogSourceDirectoryOptions) {
    this.#options = options;
  }

  /** The source of a peer's certificate chain (leaf first), or undefined when none matches. */
  async identify(chain: readonly X509Certificate[]): Promise<SourceRef | undefined> {
    const now = (this.#options.now ?? Date.now)();
    const stale =
      this.#generation !== this.#options.runtime.generation ||
      now - this.#loadedAt > (this.#options.maxAgeMs ?? 10_000);
    if (stale) await this.#reload();
    let found = this.#match(chain, now);
    if (found === undefined && now - this.#loadedAt > 1000) {
      await this.#reload();
      found = this.#match(chain, now);
    }
    return found;
  }

  #match(chain: readonly X509Certificate[], now: number): SourceRef | undefined {
    const leaf = chain[0];
    if (leaf === undefined || !validAt(leaf, now)) return undefined;
    const pinned = this.#byFingerprint.get(normaliseFingerprint(leaf.fingerprint256));
    if (pinned !== undefined && pinned.ca === undefined) return pinned.ref;
    // Walk up the presented chain; each link must be signed by the next, ending at a registered CA.
    let current = leaf;
    for (let depth = 0; depth < 8; depth++) {
      for (const entry of this.#byFingerprint.values()) {
        if (entry.ca !== undefined && issued(entry.ca, current) && validAt(entry.ca, now)) return entry.ref;
      }
      const parent = chain.find((c) => c !== current && issued(c, current) && validAt(c, now));
      if (parent === undefined) return undefined;
      current = parent;
    }
    return undefined;
  }

  #reload(): Promise<void> {
    this.#loading ??= this.#load().finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  async #load(): Promise<void> {
    const generation = this.#options.runtime.generation;
    const index = new Map<string, Entry>();
    for (const workspace of await this.#options.workspaces()) {
      for (const record of await this.#options.store.list(workspace)) {
        const s = record.data;
        const ref = { workspace, dataSpace: s.dataSpace, source: `syslog-tls:${s.name}` };
        const ca = s.caCertificate === undefined ? undefined : new X509Certificate(s.caCertificate);
        // A certificate registered in two workspaces is ambiguous: the API refuses that, and the
        // first one wins here should two servers have raced.
        if (!index.has(s.fingerprint)) index.set(s.fingerprint, ca ? { ref, ca } : { ref });
      }
    }
    this.#byFingerprint = index;
    this.#generation = generation;
    this.#loadedAt = (this.#options.now ?? Date.now)();
  }

  /** The workspace holding a fingerprint, if any (for the API's uniqueness check). */
  async owner(fingerprint: string): Promise<string | undefined> {
    await this.#reload();
    return this.#byFingerprint.get(normaliseFingerprint(fingerprint))?.ref.workspace;
  }
}

function issued(issuer: X509Certificate, cert: X509Certificate): boolean {
  return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
}

function validAt(cert: X509Certificate, now: number): boolean {
  return Date.parse(cert.validFrom) <= now && now <= Date.parse(cert.validTo);
}
