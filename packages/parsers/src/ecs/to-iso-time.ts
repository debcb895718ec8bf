const months: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/** Month index (0-11) of an English month abbreviation, or undefined. */
export function monthIndex(name: string): number | undefined {
  return months[name.slice(0, 3).toLowerCase()];
}

/**
 * Normalises the time formats found in logs to ISO-8601 UTC, or undefined when unparseable.
 * Accepts epoch s/ms numbers, ISO-8601, `YYYY-MM-DD HH:MM:SS[.fff]` (taken as UTC),
 * and Apache `17/May/2015:10:05:03 +0000`.
 * @example toIsoTime('2020-10-19 03:30:41.104') === '2020-10-19T03:30:41.104Z'
 */
export function toIsoTime(value: unknown): string | undefined {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (s === '') return undefined;
  if (/^\d{9,13}(\.\d+)?$/.test(s)) return fromEpoch(Number(s));
  const apache = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{4}):(\d\d):(\d\d):(\d\d)(?:\s*([+-]\d{4}))?$/.exec(s);
  if (apache) {
    const [, d, mon, y, hh, mm, ss, zone] = apache;
    const m = monthIndex(mon ?? '');
    if (m === undefined) return undefined;
    const iso = `${y}-${pad(m + 1)}-${pad(Number(d))}T${hh}:${mm}:${ss}${zone ? `${zone.slice(0, 3)}:${zone.slice(3)}` : 'Z'}`;
    return isoOf(Date.parse(iso));
  }
  // `YYYY-MM-DD HH:MM:SS(.fff…)` without a zone: Sysmon UtcTime and most exports are UTC.
  const plain = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)(\.\d+)?$/.exec(s);
  if (plain) {
    const frac = plain[3] ? plain[3].slice(0, 4) : '';
    return isoOf(Date.parse(`${plain[1]}T${plain[2]}${frac}Z`));
  }
  if (/^\d{4}-\d\d-\d\d/.test(s)) {
    // Trim sub-millisecond digits (`.165324Z`) that Date.parse may reject on some inputs.
    const trimmed = s.replace(/(\.\d{3})\d+/, '$1');
    return isoOf(Date.parse(trimmed));
  }
  return isoOf(Date.parse(s));
}

function fromEpoch(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  // Seconds until 2286, milliseconds after.
  return isoOf(n < 1e11 ? n * 1000 : n);
}

function isoOf(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
