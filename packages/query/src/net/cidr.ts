import { formatIp, isV4, parseIp } from './ip-address.ts';

/** A network in the shared 128-bit space (IPv4 networks sit inside ::ffff:0:0/96). */
export interface Cidr {
  family: 4 | 6;
  /** Prefix length as written: 0..32 for IPv4, 0..128 for IPv6. */
  prefix: number;
  /** Canonical `address/prefix` with host bits cleared. */
  network: string;
  base: bigint;
  mask: bigint;
}

const ALL = (1n << 128n) - 1n;

/** Parses `10.0.0.0/8` or `2001:db8::/32`; host bits are cleared (`10.1.2.3/8` → `10.0.0.0/8`). */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return undefined;
  const lengthText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(lengthText)) return undefined;
  const address = parseIp(text.slice(0, slash));
  if (address === undefined) return undefined;
  const family = isV4(address) && !text.slice(0, slash).includes(':') ? 4 : 6;
  const prefix = Number(lengthText);
  if (prefix > (family === 4 ? 32 : 128)) return undefined;
  const bits = BigInt(family === 4 ? 96 + prefix : prefix);
  const mask = bits === 0n ? 0n : (ALL << (128n - bits)) & ALL;
  const base = address & mask;
  const shown = family === 6 && isV4(base) ? `::ffff:${formatIp(base)}` : formatIp(base);
  return { family, prefix, network: `${shown}/${prefix}`, base, mask };
}

/** True when `value` is an address text inside the network. */
export function cidrContains(cidr: Cidr, value: string): boolean {
  const address = parseIp(value);
  return address !== undefined && (address & cidr.mask) === cidr.base;
}
