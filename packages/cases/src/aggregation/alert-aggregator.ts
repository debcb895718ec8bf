import { isVigilError, type Clock, type IdGenerator } from '@vigil/core';
import { alertDedupKey, defaultDedupFields } from '../alerts/alert-dedup-key.ts';
import { alertFromDetection, detectionEventIds } from '../alerts/alert-from-detection.ts';
import type { Alert } from '../alerts/alert.ts';
import type { AlertRepository } from '../alerts/alert.port.ts';
import type { Detection } from '../alerts/detection.ts';
import type { TechniqueTactics } from '../attack/attack-tags.ts';
import type { ExceptionCheck } from './exception-check.port.ts';
import { foldRepeat } from './fold-repeat.ts';
import type { SuppressedHit } from './suppressed-hit.ts';
import type { SuppressedHitLedger } from './suppressed-hit.port.ts';
import { suppressionMatches } from './suppression-rule.ts';
import type { SuppressionRuleRepository } from './suppression-rule.port.ts';

/** Per-rule dedup settings. */
export interface DedupPolicy {
  /** Fields whose values, with the rule id, form the dedup key. Default `host.name`, `user.name`. */
  groupFields?: readonly string[];
  /** How long after an alert is created repeats fold into it, ms. */
  windowMs?: number;
}

export interface AlertAggregatorDeps {
  alerts: AlertRepository;
  suppressions: SuppressionRuleRepository;
  ledger: SuppressedHitLedger;
  clock: Clock;
  ids: IdGenerator;
  /** The detection side's local exceptions; absent = none. */
  exceptions?: ExceptionCheck;
  techniqueTactics?: TechniqueTactics;
  /** Per-rule dedup settings (rule id → policy, e.g. a rule's stored alerting settings); absent or undefined = defaults. */
  dedupPolicy?: (
    ruleId: string,
    workspace: string,
  ) => DedupPolicy | undefined | Promise<DedupPolicy | undefined>;
  /** Default dedup window, ms. Default 1 h. */
  defaultWindowMs?: number;
}

export interface AggregationResult {
  created: Alert[];
  /** Detections skipped because their id was already processed (a bus redelivery). */
  replayed: number;
  /** Existing alerts that repeats folded into (stored versions). */
  updated: Alert[];
  suppressed: number;
  excepted: number;
}

interface Kept {
  detection: Detection;
  key: string;
  windowMs: number;
}

/**
 * Turns detections into alerts: ids already processed are skipped (bus redelivery), then exceptions,
 * then suppression rules (both counted per rule in the ledger), then dedup by key within the window — a
 * repeat raises `count`/`lastSeenAt` of the open alert instead of creating one. Closed alerts never absorb
 * repeats. Batch-friendly: one dedup lookup and one all-or-nothing write per workspace per call, which
 * also records the processed detection ids (retried on a version conflict or a concurrent redelivery).
 * Example: `await aggregator.ingest(detections)` → `{created, updated, suppressed, excepted}`.
 */
export class AlertAggregator {
  readonly #deps: AlertAggregatorDeps;

  constructor(deps: AlertAggregatorDeps) {
    this.#deps = deps;
  }

  async ingest(detections: readonly Detection[]): Promise<AggregationResult> {
    const result: AggregationResult = { created: [], replayed: 0, updated: [], suppressed: 0, excepted: 0 };
    const byWorkspace = new Map<string, Detection[]>();
    for (const d of detections) {
      const list = byWorkspace.get(d.workspace) ?? [];
      list.push(d);
      byWorkspace.set(d.workspace, list);
    }
    for (const [workspace, list] of byWorkspace) await this.#ingestWorkspace(workspace, list, result);
    return result;
  }

  async #ingestWorkspace(
    workspace: string,
    detections: Detection[],
    result: AggregationResult,
  ): Promise<void> {
    const { alerts, suppressions, ledger, clock, exceptions } = this.#deps;
    const now = clock.now();
    const fresh = await this.#unprocessed(workspace, detections, now);
    result.replayed += detections.length - fresh.length;
    if (fresh.length === 0) return;
    const active = await suppressions.listActive(workspace, now);
    const hits: SuppressedHit[] = [];
    let kept: Kept[] = [];
    for (const detection of fresh) {
      const exception = await exceptions?.match(detection, now);
      if (exception !== undefined) {
        hits.push(this.#hit(detection, 'excepted', exception.id, now));
        result.excepted += 1;
        continue;
      }
      const suppression = active.find((s) => suppressionMatches(s, detection, now));
      if (suppression !== undefined) {
        hits.push(this.#hit(detection, 'suppressed', suppression.id, now));
        result.suppressed += 1;
        continue;
      }
      const policy = await this.#deps.dedupPolicy?.(detection.rule.id, workspace);
      kept.push({
        detection,
        key: alertDedupKey(detection, policy?.groupFields ?? defaultDedupFields),
        windowMs: policy?.windowMs ?? this.#defaultWindowMs,
      });
    }
    if (hits.length > 0) await ledger.record(workspace, hits);
    let ids = fresh.flatMap((d) => (d.id === undefined ? [] : [d.id]));
    if (kept.length === 0 && ids.length === 0) return;

    // An analyst may change an alert between our read and our write, and another consumer may be
    // handling the same redelivered detection: re-read and re-fold, a few times.
    for (let attempt = 1; ; attempt++) {
      try {
        const { created, updated } = await this.#fold(workspace, kept, now);
        const until = now + Math.max(this.#defaultWindowMs, ...kept.map((k) => k.windowMs));
        const stored = await alerts.saveBatch(workspace, {
          insert: created,
          update: updated,
          ...(ids.length === 0 ? {} : { processed: { ids, at: now, until } }),
        });
        result.updated.push(...stored);
        result.created.push(...created);
        return;
      } catch (e) {
        const code = isVigilError(e) ? e.code : undefined;
        if (!(attempt < 3 && (code === 'VERSION_CONFLICT' || code === 'DETECTION_ALREADY_PROCESSED')))
          throw e;
        if (code === 'DETECTION_ALREADY_PROCESSED') {
          const taken = new Set(await alerts.processedDetections(workspace, ids, now));
          const before = kept.length;
          kept = kept.filter((k) => k.detection.id === undefined || !taken.has(k.detection.id));
          result.replayed += before - kept.length;
          ids = ids.filter((id) => !taken.has(id));
          if (kept.length === 0 && ids.length === 0) return;
        }
      }
    }
  }

  get #defaultWindowMs(): number {
    return this.#deps.defaultWindowMs ?? 3_600_000;
  }

  /** Detections whose id was not processed before (nor seen earlier in this batch); id-less ones always pass. */
  async #unprocessed(workspace: string, detections: readonly Detection[], now: number): Promise<Detection[]> {
    const ids = detections.flatMap((d) => (d.id === undefined ? [] : [d.id]));
    if (ids.length === 0) return [...detections];
    const done = new Set(await this.#deps.alerts.processedDetections(workspace, ids, now));
    return detections.filter((d) => {
      if (d.id === undefined) return true;
      if (done.has(d.id)) return false;
      done.add(d.id);
      return true;
    });
  }

  /** Plans the batch: which detections fold into existing or new alerts. */
  async #fold(
    workspace: string,
    kept: readonly Kept[],
    now: number,
  ): Promise<{ created: Alert[]; updated: Alert[] }> {
    const targets = new Map<string, Alert>();
    const found = await this.#deps.alerts.findDedupTargets(
      workspace,
      [...new Set(kept.map((k) => k.key))],
      now,
    );
    for (const a of found) {
      if (!targets.has(a.dedupKey)) targets.set(a.dedupKey, a);
    }
    const created = new Map<string, Alert>();
    const updated = new Map<string, Alert>();
    for (const { detection, key, windowMs } of kept) {
      const target = targets.get(key);
      if (target !== undefined) {
        const folded = foldRepeat(target, detection, now);
        targets.set(key, folded);
        if (created.has(folded.id)) created.set(folded.id, folded);
        else updated.set(folded.id, folded);
        continue;
      }
      const alert = alertFromDetection(detection, {
        ids: this.#deps.ids,
        clock: this.#deps.clock,
        dedupKey: key,
        dedupWindowMs: windowMs,
        ...(this.#deps.techniqueTactics === undefined
          ? {}
          : { techniqueTactics: this.#deps.techniqueTactics }),
      });
      targets.set(key, alert);
      created.set(alert.id, alert);
    }
    return { created: [...created.values()], updated: [...updated.values()] };
  }

  #hit(detection: Detection, kind: SuppressedHit['kind'], by: string, at: number): SuppressedHit {
    return {
      workspace: detection.workspace,
      ruleId: detection.rule.id,
      kind,
      by,
      at,
      eventIds: detectionEventIds(detection),
    };
  }
}
