/**
 * IPv4 and IPv6 addresses as 128-bit bigints. IPv4 lives in the IPv4-mapped block ::ffff:0:0/96, so
 * `10.0.0.1` and `::ffff:10.0.0.1` (as dual-stack sockets log it) are the same address.
 */
export const V4_MAPPED = 0xffffn << 32n;
export const V4_MASK = 0xffffffffn;

/** Parses `10.0.0.1`, `2001:db8::1`, `::ffff:10.0.0.1`, `fe80::1%eth0`, `[::1]`; undefined otherwise. */
export function parseIp(text: string): bigint | undefined {
  let t = text.trim();
  if (t.startsWith('[') && t.endsWith(']')) t = t.slice(1, -1);
  if (t.includes(':')) return parseV6(t);
  const v4 = parseV4(t);
  return v4 === undefined ? undefined : V4_MAPPED | v4;
}

/** True when the address lies in the IPv4-mapped block, i.e. is an IPv4 address. */
export function isV4(address: bigint): boolean {
  return address >> 32n === 0xffffn;
}

/** Canonical text: dotted quad for IPv4, RFC 5952 for IPv6 (`2001:db8::1`). */
export function formatIp(address: bigint): string {
  if (isV4(address)) {
    const v = address & V4_MASK;
    return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 0xffn)).join('.');
  }
  const groups: number[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(Number((address >> s) & 0xffffn));
  // The longest run of two or more zero groups becomes `::` (the first one on a tie).
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    // Leading zeros are refused: some tools read them as octal, so `010` is ambiguous.
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = (n << 8n) | BigInt(v);
  }
  return n;
}

function parseV6(input: string): bigint | undefined {
  let s = input;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  let tail: bigint | undefined;
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.', lastColon)) {
    tail = parseV4(s.slice(lastColon + 1));
    if (tail === undefined) return undefined;
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const head = (halves[0] ?? '') === '' ? [] : (halves[0] ?? '').split(':');
  const rest = halves.length === 2 && halves[1] !== '' ? (halves[1] ?? '').split(':') : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  return tail === undefined ? n : (n & ~V4_MASK) | tail;
}
