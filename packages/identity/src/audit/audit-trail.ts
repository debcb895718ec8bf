import type { KeyObject } from 'node:crypto';
import { isVigilError, type Clock } from '@vigil/core';
import { chainAuditRecord, type AuditEntry, type AuditRecord } from './audit-record.ts';
import { signAuditCheckpoint, type AuditCheckpoint } from './audit-checkpoint.ts';
import type { AuditLog } from './audit-log.port.ts';

export interface AuditTrailOptions {
  /** Ed25519 private key for checkpoints; without it no checkpoints are written. */
  signingKey?: KeyObject;
  /** Write a checkpoint every N records (default 100); call `checkpoint()` on a timer as well. */
  checkpointEvery?: number;
  /** Attempts when another process appended first (distributed mode). */
  maxAttempts?: number;
}

/**
 * Writes audit records: chains each to the head, appends through the port (retrying on a lost race with
 * another process), and signs a checkpoint every N records. Appends within one process are serialised.
 */
export class AuditTrail {
  readonly #log: AuditLog;
  readonly #clock: Clock;
  readonly #options: AuditTrailOptions;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(log: AuditLog, clock: Clock, options: AuditTrailOptions = {}) {
    this.#log = log;
    this.#clock = clock;
    this.#options = options;
  }

  /** Appends one entry; resolves once it is durable in the log. */
  record(entry: AuditEntry): Promise<AuditRecord> {
    const run = this.#tail.then(() => this.#append(entry));
    this.#tail = run.catch(() => undefined);
    return run;
  }

  /** Signs the current head (no-op without a key or when the head is already checkpointed). */
  checkpoint(): Promise<AuditCheckpoint | undefined> {
    const run = this.#tail.then(() => this.#checkpoint());
    this.#tail = run.catch(() => undefined);
    return run;
  }

  async #append(entry: AuditEntry): Promise<AuditRecord> {
    const attempts = this.#options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      const record = chainAuditRecord(await this.#log.head(), entry, this.#clock.now());
      try {
        await this.#log.append(record);
      } catch (err) {
        if (isVigilError(err) && err.code === 'AUDIT_APPEND_CONFLICT' && attempt < attempts) continue;
        throw err;
      }
      if (this.#options.signingKey && record.seq % (this.#options.checkpointEvery ?? 100) === 0) {
        await this.#log.appendCheckpoint(
          signAuditCheckpoint(record, this.#clock.now(), this.#options.signingKey),
        );
      }
      return record;
    }
  }

  async #checkpoint(): Promise<AuditCheckpoint | undefined> {
    const key = this.#options.signingKey;
    const head = await this.#log.head();
    if (!key || !head) return undefined;
    const last = (await this.#log.checkpoints()).at(-1);
    if (last?.seq === head.seq) return undefined;
    const cp = signAuditCheckpoint(head, this.#clock.now(), key);
    await this.#log.appendCheckpoint(cp);
    return cp;
  }
}
