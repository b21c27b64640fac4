import { describe, expect, it } from 'vitest';
import { call, dt, l, s, typeOf } from './test-kit.js';

// Expected digests are the standard SHA-256 test vectors and values from a reference implementation.
describe('hash_sha256', () => {
  it('hashes the UTF-8 text to lower-case hex', () => {
    expect(call('hash_sha256', [s('')])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(call('hash_sha256', [s('abc')])).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(call('hash_sha256', [s('héllo wörld ✓')])).toBe('c2a59c71097b678dc5af2eb1f98ddc575b63948b0fa6740071a945673aaada4d');
    expect(call('hash_sha256', [s('a'.repeat(1000))])).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
  });
  it('hashes other scalars by their text', () => {
    expect(call('hash_sha256', [l(1)])).toBe('6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b');
    expect(call('hash_sha256', [dt('2020-01-01')])).toBe('1efeb9c0681c2e335560c3cd8e46bee2d5eb33b59acf5b995ae38458e4b6f3b0');
    expect(call('hash_sha256', [l(null)])).toBe('');
  });
  it('refuses dynamic values', () => {
    expect(typeOf('hash_sha256', 'dynamic')).toMatchObject({ argIndex: 0 });
  });
});

describe('base64', () => {
  it('encodes and decodes UTF-8 text', () => {
    expect(call('base64_encode_tostring', [s('Kusto')])).toBe('S3VzdG8=');
    expect(call('base64_encode_tostring', [s('héllo ✓')])).toBe('aMOpbGxvIOKckw==');
    expect(call('base64_decode_tostring', [s('S3VzdG8=')])).toBe('Kusto');
    expect(call('base64_decode_tostring', [s('aMOpbGxvIOKckw==')])).toBe('héllo ✓');
    expect(call('base64_encode_tostring', [s('')])).toBe('');
  });
  it('gives "" for input that is not base64 or not UTF-8', () => {
    expect(call('base64_decode_tostring', [s('not base64!')])).toBe('');
    expect(call('base64_decode_tostring', [s('/w==')])).toBe(''); // the single byte 0xFF
  });
});
