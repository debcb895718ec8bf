import { getField, userError, type Clock, type IdGenerator } from '@vigil/core';
import type { Detection } from '../alerts/detection.ts';

/**
 * A suppression rule: detections of `ruleId` (or of any rule) whose fields match are not turned into
 * alerts until `expiresAt`; every suppressed hit is counted. Set by analysts on noisy, known-benign activity.
 */
export interface SuppressionRule {
  id: string;
  workspace: string;
  /** Only detections of this rule; absent = every rule. */
  ruleId?: string;
  /** Field → accepted values (case-insensitive; `*` matches any run of characters). All fields must match. */
  match: Record<string, string[]>;
  /** Epoch ms. */
  startsAt: number;
  expiresAt: number;
  reason: string;
  owner: string;
  createdAt: number;
  /** False = kept but not applied; absent (rules made before it existed) = enabled. */
  enabled?: boolean;
  /** Last edit (epoch ms) and by whom. */
  updatedAt?: number;
  updatedBy?: string;
}

export interface SuppressionRuleInput {
  ruleId?: unknown;
  match?: unknown;
  /** How long it lasts from now, ms (1 min … 365 days). */
  durationMs?: unknown;
  reason?: unknown;
}

const maxDurationMs = 365 * 86_400_000;

function bad(field: string, message: string): Error {
  return userError('INVALID_SUPPRESSION', `${field}: ${message}`, { status: 400, details: { field } });
}

function checkMatch(match: unknown): Record<string, string[]> {
  if (
    match === null ||
    typeof match !== 'object' ||
    Array.isArray(match) ||
    Object.keys(match).length === 0
  ) {
    throw bad('match', 'expected an object of field → value(s) with at least one field');
  }
  const fields: Record<string, string[]> = {};
  for (const [field, raw] of Object.entries(match as Record<string, unknown>)) {
    const values = Array.isArray(raw) ? (raw as unknown[]) : [raw];
    if (values.length === 0 || !values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      throw bad(`match.${field}`, 'expected a string, a number or a non-empty list of them');
    }
    fields[field] = values.map(String);
  }
  return fields;
}

function checkDuration(duration: unknown): number {
  if (
    typeof duration !== 'number' ||
    !Number.isInteger(duration) ||
    duration < 60_000 ||
    duration > maxDurationMs
  ) {
    throw bad('durationMs', 'expected whole milliseconds between one minute and 365 days');
  }
  return duration;
}

function checkReason(reason: unknown): string {
  if (typeof reason !== 'string' || reason.trim() === '') throw bad('reason', 'a reason is required');
  return reason.trim();
}

/** Validates caller input into a suppression rule; every error names its field. */
export function newSuppressionRule(
  workspace: string,
  owner: string,
  input: SuppressionRuleInput,
  deps: { ids: IdGenerator; clock: Clock },
): SuppressionRule {
  const match = checkMatch(input.match);
  const duration = checkDuration(input.durationMs);
  const reason = checkReason(input.reason);
  if (input.ruleId !== undefined && (typeof input.ruleId !== 'string' || input.ruleId === '')) {
    throw bad('ruleId', 'expected a rule id');
  }
  const now = deps.clock.now();
  const rule: SuppressionRule = {
    id: deps.ids.next(),
    workspace,
    match,
    startsAt: now,
    expiresAt: now + duration,
    reason,
    owner,
    createdAt: now,
    enabled: true,
  };
  if (typeof input.ruleId === 'string') rule.ruleId = input.ruleId;
  return rule;
}

/** An edit of a suppression rule: only the fields given change. */
export interface SuppressionRulePatch {
  /** A rule id, or null for "every rule". */
  ruleId?: unknown;
  match?: unknown;
  /** A new duration counted from now (the rule restarts its clock), ms. */
  durationMs?: unknown;
  reason?: unknown;
  enabled?: unknown;
}

/**
 * Applies an edit, validated field by field like creation; returns the new rule and the names of the
 * fields that changed (empty = nothing to store). A new duration runs from `now`.
 * Example: `updateSuppressionRule(rule, {enabled: false}, 'ana', now)` → `{rule, changed: ['enabled']}`.
 */
export function updateSuppressionRule(
  rule: SuppressionRule,
  patch: SuppressionRulePatch,
  actor: string,
  now: number,
): { rule: SuppressionRule; changed: string[] } {
  const next: SuppressionRule = structuredClone(rule);
  const changed: string[] = [];
  if (patch.match !== undefined) {
    next.match = checkMatch(patch.match);
    if (JSON.stringify(next.match) !== JSON.stringify(rule.match)) changed.push('match');
  }
  if (patch.durationMs !== undefined) {
    const duration = checkDuration(patch.durationMs);
    next.expiresAt = now + duration;
    if (rule.startsAt > now) next.startsAt = now;
    changed.push('durationMs');
  }
  if (patch.reason !== undefined) {
    next.reason = checkReason(patch.reason);
    if (next.reason !== rule.reason) changed.push('reason');
  }
  if (patch.enabled !== undefined) {
    if (typeof patch.enabled !== 'boolean') throw bad('enabled', 'expected true or false');
    next.enabled = patch.enabled;
    if (patch.enabled !== (rule.enabled ?? true)) changed.push('enabled');
  }
  if (patch.ruleId !== undefined) {
    if (patch.ruleId === null) delete next.ruleId;
    else if (typeof patch.ruleId === 'string' && patch.ruleId !== '') next.ruleId = patch.ruleId;
    else throw bad('ruleId', 'expected a rule id, or null for every rule');
    if (next.ruleId !== rule.ruleId) changed.push('ruleId');
  }
  if (changed.length === 0) return { rule, changed };
  next.updatedAt = now;
  next.updatedBy = actor;
  return { rule: next, changed };
}

const patternCache = new Map<string, RegExp>();

function valueMatches(pattern: string, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.some((v) => valueMatches(pattern, v));
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return false;
  const text = String(value).toLowerCase();
  if (!pattern.includes('*')) return text === pattern.toLowerCase();
  let re = patternCache.get(pattern);
  if (re === undefined) {
    const body = pattern
      .toLowerCase()
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    re = new RegExp(`^${body}$`, 's');
    if (patternCache.size < 10_000) patternCache.set(pattern, re);
  }
  return re.test(text);
}

/** True when the rule is enabled, active at `now` and every field condition holds (group values first, then the first event). */
export function suppressionMatches(rule: SuppressionRule, detection: Detection, now: number): boolean {
  if (rule.enabled === false || now < rule.startsAt || now >= rule.expiresAt) return false;
  if (rule.workspace !== detection.workspace) return false;
  if (rule.ruleId !== undefined && rule.ruleId !== detection.rule.id) return false;
  const event = detection.events[0];
  return Object.entries(rule.match).every(([field, patterns]) => {
    const value = detection.group?.[field] ?? (event === undefined ? undefined : getField(event, field));
    return patterns.some((p) => valueMatches(p, value));
  });
}
