// Discord signs every HTTP interaction with the application's Ed25519 key: X-Signature-Ed25519 (hex) over
// X-Signature-Timestamp + the raw body. node:crypto verifies it; no dependency is needed on Node 20.

import { createPublicKey, verify, type KeyObject } from 'node:crypto';

// DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING <32 bytes> }.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The application's public key (64 hex characters, as the Developer Portal shows it) as a KeyObject. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new RangeError('an Ed25519 public key is 64 hexadecimal characters');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/**
 * Whether `signatureHex` is a valid signature of timestamp + body. Missing, malformed or wrong values are
 * all simply false (the caller answers 401 either way).
 */
export function verifyInteraction(key: KeyObject, body: Buffer, signatureHex: string | undefined, timestamp: string | undefined): boolean {
  if (!signatureHex || !timestamp || !/^[0-9a-f]{128}$/i.test(signatureHex)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}
