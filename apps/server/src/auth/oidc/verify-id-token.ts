import { constants, createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { userError } from '@vigil/core';

export type IdTokenClaims = Record<string, unknown> & { sub: string; iss: string };

function invalid(reason: string) {
  return userError('OIDC_TOKEN_INVALID', 'The identity provider answer could not be verified', {
    status: 401,
    details: { reason },
  });
}

function decode(part: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw invalid('malformed');
  }
}

/** Signature check for the JOSE algorithms identity providers use, with node:crypto only. */
function checkSignature(alg: string, key: KeyObject, data: Buffer, signature: Buffer): boolean {
  switch (alg) {
    case 'RS256':
    case 'RS384':
    case 'RS512':
      return verify(`sha${alg.slice(2)}`, data, key, signature);
    case 'PS256':
    case 'PS384':
    case 'PS512':
      return verify(
        `sha${alg.slice(2)}`,
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(alg.slice(2)) / 8 },
        signature,
      );
    case 'ES256':
    case 'ES384':
    case 'ES512':
      return verify(
        `sha${alg === 'ES512' ? 512 : alg.slice(2)}`,
        data,
        { key, dsaEncoding: 'ieee-p1363' },
        signature,
      );
    case 'EdDSA':
      return verify(null, data, key, signature);
    default:
      // `none` and HMAC algorithms are refused: the key must be the provider's public key.
      return false;
  }
}

export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  nonce: string;
  now: number;
  /** Public keys of the provider (JWKS `keys`). */
  keys: readonly (JsonWebKey & { kid?: string; use?: string })[];
}

/** Verifies an ID token: signature with the provider's JWKS, then iss, aud/azp, exp/iat and nonce (OIDC Core 3.1.3.7). */
export function verifyIdToken(token: string, expect: IdTokenExpectations): IdTokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw invalid('malformed');
  const [h = '', p = '', s = ''] = parts;
  const header = decode(h);
  const claims = decode(p);
  const alg = typeof header['alg'] === 'string' ? header['alg'] : '';
  const kid = typeof header['kid'] === 'string' ? header['kid'] : undefined;
  const candidates = expect.keys.filter((k) => (kid === undefined || k.kid === kid) && k.use !== 'enc');
  const data = Buffer.from(`${h}.${p}`);
  const signature = Buffer.from(s, 'base64url');
  const signed = candidates.some((jwk) => {
    try {
      return checkSignature(alg, createPublicKey({ key: jwk, format: 'jwk' }), data, signature);
    } catch {
      return false;
    }
  });
  if (!signed) throw invalid('signature');
  if (claims['iss'] !== expect.issuer) throw invalid('issuer');
  const aud = claims['aud'];
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(expect.clientId)) throw invalid('audience');
  if (audiences.length > 1 && claims['azp'] !== expect.clientId) throw invalid('azp');
  const skew = 60;
  const nowSec = Math.floor(expect.now / 1000);
  if (typeof claims['exp'] !== 'number' || claims['exp'] + skew < nowSec) throw invalid('expired');
  if (typeof claims['iat'] === 'number' && claims['iat'] - skew > nowSec) throw invalid('issued_in_future');
  if (claims['nonce'] !== expect.nonce) throw invalid('nonce');
  if (typeof claims['sub'] !== 'string' || claims['sub'] === '') throw invalid('sub');
  return claims as IdTokenClaims;
}
