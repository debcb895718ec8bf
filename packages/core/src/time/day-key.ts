const DAY_MS = 86_400_000;

/** UTC day number of an epoch-ms time; event stores partition by it. Example: dayOf(Date.UTC(1970,0,2)) === 1. */
export function dayOf(epochMs: number): number {
  return Math.floor(epochMs / DAY_MS);
}

/** `YYYYMMDD` label of a UTC day number, used in partition names. */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

export const MS_PER_DAY = DAY_MS;
