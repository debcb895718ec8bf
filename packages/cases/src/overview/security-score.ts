import type { Severity } from '../alerts/severity.ts';

/** What the score is computed from: counts and times of one workspace (or of several, summed). */
export interface ScoreInputs {
  /** Alerts not closed (open or in progress), by severity. */
  openAlerts: Record<Severity, number>;
  /** Incidents not closed. */
  openIncidents: number;
  /** SLA targets missed and still not met (neither acknowledged nor closed). */
  outstandingSlaBreaches: number;
  /** Mean time to acknowledge / resolve of incidents created in the period, ms; undefined without data. */
  mttaMs?: number;
  mttrMs?: number;
  /** Detection rules (single-event and correlation) enabled, of all stored. */
  enabledRules: number;
  /** Records received, kept with a parse error, and lost, since the ingesting process started. */
  ingest: { received: number; failed: number; dropped: number };
}

/** What "good" means for the inputs measured against a target. */
export interface ScoreTargets {
  mttaMs: number;
  mttrMs: number;
  /** Enabled rules below this count lose coverage points in proportion. */
  minEnabledRules: number;
}

/** The default targets: the SLA of a high incident (1 h / 24 h) and 20 enabled rules. */
export const defaultScoreTargets: ScoreTargets = {
  mttaMs: 3_600_000,
  mttrMs: 86_400_000,
  minEnabledRules: 20,
};

export const scoreInputIds = [
  'open_critical_high_alerts',
  'open_incidents',
  'sla_breaches',
  'response_times',
  'detection_coverage',
  'ingest_health',
] as const;
export type ScoreInputId = (typeof scoreInputIds)[number];

/** The weight of each input: they add up to 100, so a weight is the most points an input can give. */
export const scoreWeights: Readonly<Record<ScoreInputId, number>> = {
  open_critical_high_alerts: 25,
  open_incidents: 15,
  sla_breaches: 20,
  response_times: 15,
  detection_coverage: 10,
  ingest_health: 15,
};

/** One input of the score: its measured value, the share of its weight it earned, and why. */
export interface ScoreInput {
  id: ScoreInputId;
  label: string;
  /** The measured value in the unit of the input (a count, a ratio or ms). */
  value: number;
  weight: number;
  /** 0–1: how healthy the input is. */
  health: number;
  /** weight × health: the points this input adds to the score. */
  contribution: number;
  explanation: string;
}

export interface SecurityScore {
  /** 0–100, the rounded sum of the contributions. */
  score: number;
  inputs: ScoreInput[];
}

const clamp01 = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 1 : x);
const round2 = (x: number): number => Math.round(x * 100) / 100;
const hours = (ms: number): string => `${round2(ms / 3_600_000)} h`;

function input(id: ScoreInputId, label: string, value: number, health: number, explanation: string) {
  const weight = scoreWeights[id];
  const h = clamp01(health);
  return { id, label, value, weight, health: round2(h), contribution: round2(weight * h), explanation };
}

/** Health of one response time against its target: full marks up to the target, then target ÷ actual. */
function timeHealth(actual: number | undefined, target: number): number | undefined {
  if (actual === undefined) return undefined;
  return actual <= target ? 1 : target / actual;
}

/**
 * The security score 0–100 and its inputs. Each input earns a share (health 0–1) of its weight:
 * - open critical/high alerts: 1 − (3 × critical + high) ÷ 20;
 * - open incidents: 1 − open ÷ 10;
 * - outstanding SLA breaches: 1 − breaches ÷ 5;
 * - response times: mean over MTTA and MTTR of min(1, target ÷ actual); full marks without data;
 * - detection coverage: enabled rules ÷ minEnabledRules;
 * - ingest health: 1 − (failed + dropped) ÷ received; nothing when nothing was received.
 * Example: `securityScore(inputs).score` → 87.
 */
export function securityScore(
  inputs: ScoreInputs,
  targets: ScoreTargets = defaultScoreTargets,
): SecurityScore {
  const { critical, high } = inputs.openAlerts;
  const load = 3 * critical + high;
  const mtta = timeHealth(inputs.mttaMs, targets.mttaMs);
  const mttr = timeHealth(inputs.mttrMs, targets.mttrMs);
  const times = [mtta, mttr].filter((h): h is number => h !== undefined);
  const timesHealth = times.length === 0 ? 1 : times.reduce((s, h) => s + h, 0) / times.length;
  const timesText = [
    inputs.mttaMs === undefined
      ? 'no incident was acknowledged'
      : `MTTA ${hours(inputs.mttaMs)} (target ${hours(targets.mttaMs)})`,
    inputs.mttrMs === undefined
      ? 'none was closed'
      : `MTTR ${hours(inputs.mttrMs)} (target ${hours(targets.mttrMs)})`,
  ].join(', ');
  const { received, failed, dropped } = inputs.ingest;
  const bad = failed + dropped;
  const list: ScoreInput[] = [
    input(
      'open_critical_high_alerts',
      'Open critical and high alerts',
      critical + high,
      1 - load / 20,
      `${critical} critical and ${high} high alerts are not closed; each critical costs 3 and each high 1 of 20 allowed.`,
    ),
    input(
      'open_incidents',
      'Open incidents',
      inputs.openIncidents,
      1 - inputs.openIncidents / 10,
      `${inputs.openIncidents} incidents are not closed; 10 or more earn nothing.`,
    ),
    input(
      'sla_breaches',
      'Outstanding SLA breaches',
      inputs.outstandingSlaBreaches,
      1 - inputs.outstandingSlaBreaches / 5,
      `${inputs.outstandingSlaBreaches} SLA targets are missed and still not met; 5 or more earn nothing.`,
    ),
    input(
      'response_times',
      'Response times',
      round2(timesHealth),
      timesHealth,
      `${timesText}; a time within its target earns full marks, a slower one target ÷ actual.`,
    ),
    input(
      'detection_coverage',
      'Detection coverage',
      inputs.enabledRules,
      inputs.enabledRules / targets.minEnabledRules,
      `${inputs.enabledRules} rules are enabled; ${targets.minEnabledRules} or more earn full marks.`,
    ),
    input(
      'ingest_health',
      'Ingest health',
      received === 0 ? 0 : round2(1 - bad / received),
      received === 0 ? 0 : 1 - bad / received,
      received === 0
        ? 'No events were received since the server started, so ingest cannot be shown healthy.'
        : `${bad} of ${received} received records failed to parse or were dropped.`,
    ),
  ];
  return { score: Math.round(list.reduce((s, i) => s + i.contribution, 0)), inputs: list };
}
