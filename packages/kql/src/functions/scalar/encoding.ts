import type { ScalarFunction } from '../function-types.js';
import { alias, define } from './signature.js';

/** Base64 of UTF-8 text, with TextEncoder/TextDecoder and btoa/atob (Node 20 and browsers alike). */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function base64Encode(text: string): string {
  const bytes = encoder.encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The decoded UTF-8 text, or null when the input is not base64 or the bytes are not UTF-8. */
export function base64Decode(b64: string): string | null {
  let binary: string;
  try {
    binary = atob(b64.trim());
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

const encode = define({
  name: 'base64_encode_tostring', doc: 'The base64 encoding of the string’s UTF-8 bytes.',
  params: ['strictString'], result: 'string', compile: () => (vals) => base64Encode(vals[0] as string),
});

// Kusto documents null for undecodable input; a Kusto string is never null, so that is "".
const decode = define({
  name: 'base64_decode_tostring', doc: 'The UTF-8 text encoded in a base64 string ("" when it cannot be decoded).',
  params: ['strictString'], result: 'string', compile: () => (vals) => base64Decode(vals[0] as string) ?? '',
});

export const ENCODING_FUNCTIONS: readonly ScalarFunction[] = [encode, alias(encode, 'base64_encodestring'), decode, alias(decode, 'base64_decodestring')];
