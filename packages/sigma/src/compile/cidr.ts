/** IPv4/IPv6 addresses as 128-bit bigints (IPv4 mapped into ::ffff:0:0/96) and CIDR range tests. */

export interface CidrRange {
  base: bigint;
  mask: bigint;
}

const ALL = (1n << 128n) - 1n;
const V4_MAPPED = 0xffffn << 32n;

function parseV4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = (n << 8n) | BigInt(v);
  }
  return n;
}

function parseV6(s: string): bigint | undefined {
  let text = s;
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    tailV4 = parseV4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : (halves[0] as string).split(':');
  const tail = halves.length === 2 ? (halves[1] === '' ? [] : (halves[1] as string).split(':')) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  if (tailV4 !== undefined) n = (n & ~0xffffffffn) | tailV4;
  return n;
}

/** Parses an IPv4 or IPv6 address; IPv4 (and IPv4-mapped IPv6) share one space. */
export function parseIp(s: string): bigint | undefined {
  const t = s.trim();
  if (t.includes(':')) return parseV6(t.startsWith('[') && t.endsWith(']') ? t.slice(1, -1) : t);
  const v4 = parseV4(t);
  return v4 === undefined ? undefined : V4_MAPPED | v4;
}

/** Parses `10.0.0.0/8` or `fe80::/10` (a bare address is a /32 or /128). */
export function parseCidr(s: string): CidrRange | undefined {
  const slash = s.indexOf('/');
  const addr = slash < 0 ? s : s.slice(0, slash);
  const ip = parseIp(addr);
  if (ip === undefined) return undefined;
  const v4 = !addr.includes(':');
  const maxBits = v4 ? 32 : 128;
  let bits = maxBits;
  if (slash >= 0) {
    const b = s.slice(slash + 1);
    if (!/^\d{1,3}$/.test(b)) return undefined;
    bits = Number(b);
    if (bits > maxBits) return undefined;
  }
  const prefix = v4 ? bits + 96 : bits;
  const mask = prefix === 0 ? 0n : (ALL << BigInt(128 - prefix)) & ALL;
  return { base: ip & mask, mask };
}

/** True when `value` is an IP address inside `range`. */
export function inCidr(range: CidrRange, value: string): boolean {
  const ip = parseIp(value);
  return ip !== undefined && (ip & range.mask) === range.base;
}
