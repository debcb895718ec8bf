import { randomBytes } from 'node:crypto';
import type { MetadataStore, RecordRepository, StoredRecord } from '@vigil/core';

/** Record kind of registered syslog sources (one record per source, workspace-scoped). */
export const SYSLOG_SOURCE_KIND = 'syslog-source';

/**
 * A syslog sender authenticated by its TLS client certificate: either that certificate itself
 * (`certificate`: its SHA-256 fingerprint) or any certificate issued by a CA (`issuer`: the CA's
 * fingerprint and PEM, needed to check the signature). Certificates are public: nothing secret here.
 */
export interface SyslogSource {
  name: string;
  dataSpace: string;
  match: 'certificate' | 'issuer';
  /** Lower-case hex SHA-256 of the DER certificate, no colons. */
  fingerprint: string;
  /** The CA certificate (PEM) when `match` is `issuer`. */
  caCertificate?: string;
  /** The CA's subject, for display. */
  subject?: string;
  createdBy: string;
}

/** Syslog sources in the records table (works on SQLite and PostgreSQL alike). */
export class SyslogSourceStore {
  readonly #repo: RecordRepository<SyslogSource>;

  constructor(metadata: MetadataStore) {
    this.#repo = metadata.repository<SyslogSource>(SYSLOG_SOURCE_KIND);
  }

  create(workspace: string, source: SyslogSource): Promise<StoredRecord<SyslogSource>> {
    return this.#repo.create(workspace, randomBytes(8).toString('hex'), source);
  }

  get(workspace: string, id: string): Promise<StoredRecord<SyslogSource> | undefined> {
    return this.#repo.get(workspace, id);
  }

  /** Every source of a workspace (ordered by id). */
  async list(workspace: string): Promise<StoredRecord<SyslogSource>[]> {
    const out: StoredRecord<SyslogSource>[] = [];
    for (;;) {
      const last = out[out.length - 1];
      const page = await this.#repo.list(workspace, { limit: 1000, ...(last ? { after: last.id } : {}) });
      out.push(...page);
      if (page.length < 1000) return out;
    }
  }

  delete(workspace: string, id: string): Promise<boolean> {
    return this.#repo.delete(workspace, id);
  }
}

/** `AB:cd:…` or `abcd…` → `abcd…`. */
export function normaliseFingerprint(text: string): string {
  return text.replaceAll(':', '').toLowerCase();
}
