// A pasted PEM certificate → its SHA-256 fingerprint, as `openssl x509 -fingerprint -sha256` prints it.

const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';

/** The DER bytes of the first certificate block of a PEM text; undefined when there is none or it is not base64. */
export function pemToDer(text: string): Uint8Array<ArrayBuffer> | undefined {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END, start + BEGIN.length);
  if (start < 0 || end < 0) return undefined;
  const body = text.slice(start + BEGIN.length, end).replace(/\s+/g, '');
  if (body === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return undefined;
  try {
    return Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Bytes as upper-case hex pairs joined by colons: `AB:01:…`. */
export function colonHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

/** A stored fingerprint (lower-case hex) in the colon form people compare with openssl's output. */
export function displayFingerprint(hex: string): string {
  return /^[0-9a-fA-F]+$/.test(hex) && hex.length % 2 === 0
    ? (hex.match(/../g) ?? []).join(':').toUpperCase()
    : hex;
}

/**
 * The SHA-256 fingerprint of a PEM certificate, undefined when the text holds no certificate or the
 * page has no Web Crypto (plain HTTP to a non-loopback host is not a secure context).
 */
export async function certificateFingerprint(pem: string): Promise<string | undefined> {
  const der = pemToDer(pem);
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (der === undefined || subtle === undefined) return undefined;
  return colonHex(new Uint8Array(await subtle.digest('SHA-256', der)));
}
