import type { TriggerOperator } from './scheduled-rule.ts';

/** Whether `value operator threshold` holds; a group without a value never fires. Example: triggerFires(12, 'gte', 10) → true. */
export function triggerFires(
  value: number | undefined,
  operator: TriggerOperator,
  threshold: number,
): boolean {
  if (value === undefined) return false;
  switch (operator) {
    case 'gt':
      return value > threshold;
    case 'gte':
      return value >= threshold;
    case 'lt':
      return value < threshold;
    case 'lte':
      return value <= threshold;
    case 'eq':
      return value === threshold;
  }
}
