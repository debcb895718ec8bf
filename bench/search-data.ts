// Deterministic event generation for bench:search: day by day from a per-day seed, so any day can be
// regenerated alone (the baseline needs only the queried day) and memory stays bounded at any size.
import type { VigilEvent } from '@vigil/core';
import { seeded } from './bench-support.ts';

export const BENCH_WORKSPACE = 'bench';
export const FIRST_DAY = Date.UTC(2026, 2, 1);
export const DAY_MS = 86_400_000;

const PROCESSES = [
  'cmd.exe',
  'powershell.exe',
  'sshd',
  'nginx',
  'svchost.exe',
  'explorer.exe',
  'python3',
  'bash',
];
const VERBS = [
  'Accepted password',
  'Failed password',
  'session opened',
  'connection closed',
  'process started',
];
const CATEGORIES = ['authentication', 'process', 'network'];

/** Events of day `day` (0-based), `count` of them, evenly spaced over that UTC day, in `batch`-sized arrays. */
export function* dayEvents(day: number, count: number, batch: number): Generator<VigilEvent[]> {
  const rand = seeded(7 + day);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const start = FIRST_DAY + day * DAY_MS;
  let out: VigilEvent[] = [];
  for (let i = 0; i < count; i++) {
    const ts = start + Math.floor((i / count) * DAY_MS);
    const outcome = rand() < 0.2 ? 'failure' : 'success';
    const user = `user${Math.floor(rand() * 500)}`;
    const ip = `10.${Math.floor(rand() * 4)}.${Math.floor(rand() * 16)}.${Math.floor(rand() * 16)}`;
    const verb = pick(VERBS);
    out.push({
      '@timestamp': new Date(ts).toISOString(),
      message: `${verb} for ${user} from ${ip}`,
      event: { category: [pick(CATEGORIES)], outcome, action: verb },
      host: { name: `host-${Math.floor(rand() * 50)}` },
      user: { name: user },
      source: { ip, port: 1024 + Math.floor(rand() * 60_000) },
      process: { name: pick(PROCESSES), pid: Math.floor(rand() * 65_000) },
      raw: { EventID: Math.floor(rand() * 20) + 4600 },
      vigil: {
        id: `e${String(day).padStart(3, '0')}${String(i).padStart(9, '0')}`,
        workspace: BENCH_WORKSPACE,
        data_space: 'default',
        source: 'bench',
        received_at: new Date(ts).toISOString(),
      },
    });
    if (out.length === batch) {
      yield out;
      out = [];
    }
  }
  if (out.length > 0) yield out;
}

/** Events per day when `total` events are spread over `days` days (the first days take the remainder). */
export function perDay(total: number, days: number, day: number): number {
  return Math.floor(total / days) + (day < total % days ? 1 : 0);
}
