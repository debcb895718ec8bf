/**
 * The first `limit` rows, and whether any were cut: a search answer must say when it is partial
 * (`truncated`) rather than pass a cut-off stats table off as complete.
 * @example limitRows([a, b, c], 2) // { rows: [a, b], truncated: true }
 */
export function limitRows<T>(rows: T[], limit: number): { rows: T[]; truncated?: true } {
  if (rows.length <= limit) return { rows };
  return { rows: rows.slice(0, limit), truncated: true };
}
