import { verify, createPublicKey } from 'node:crypto';
import type { WebSocket } from 'ws';

/**
 * Ed25519 proof of a key: the signature of a challenge's bytes by the private key whose public half
 * (SPKI DER, base64) was registered. False, not a throw, for any malformed key or signature. Agents
 * prove themselves to the site this way, and sites to the cloud.
 */
export function verifyNonce(publicKeyB64: string, nonce: Buffer, signatureB64: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyB64, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, nonce, key, Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}

/** Closes a WebSocket with a reason, cut to the 123 bytes RFC 6455 allows. */
export function closeWith(socket: WebSocket, code: number, reason: string): void {
  let r = reason;
  while (Buffer.byteLength(r) > 123) r = r.slice(0, -1);
  socket.close(code, r);
}
