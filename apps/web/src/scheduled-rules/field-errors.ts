import type { ApiError } from '../api/api-error.ts';

/**
 * The server's refusal of a scheduled rule as field → message: the rule validator's `details.problems`
 * (`{field, message}`), else the one field a schema check names (`body.trigger.operator` → `trigger.operator`).
 */
export function fieldErrors(error: ApiError | null): Readonly<Record<string, string>> {
  if (error === null) return {};
  const out: Record<string, string> = {};
  const problems = error.details['problems'];
  if (Array.isArray(problems)) {
    for (const p of problems as unknown[]) {
      if (typeof p !== 'object' || p === null) continue;
      const { field, message } = p as { field?: unknown; message?: unknown };
      if (typeof field === 'string' && typeof message === 'string' && out[field] === undefined)
        out[field] = message;
    }
  }
  const field = error.details['field'];
  if (Object.keys(out).length === 0 && typeof field === 'string') {
    out[field.replace(/^body[./]/, '').replaceAll('/', '.')] = error.message;
  }
  return out;
}
