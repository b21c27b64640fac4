import { describe, expect, it } from 'vitest';
import { MS_PER_HOUR } from '../../values/value.js';
import { call, dt, dyn, l, r, s, ts, typeOf } from './test-kit.js';

describe('array_length / bag_keys / bag_has_key / set_has_element', () => {
  it('measure arrays and bags; null for the wrong kind', () => {
    expect(call('array_length', [dyn([1, 2, 3])])).toBe(3);
    expect(call('array_length', [dyn([])])).toBe(0);
    expect(call('array_length', [dyn({ a: 1 })])).toBeNull();
    expect(call('array_length', [dyn('abc')])).toBeNull();
    expect(call('bag_keys', [dyn({ a: 1, b: { c: 2 } })])).toEqual(['a', 'b']);
    expect(call('bag_keys', [dyn([1])])).toBeNull();
    expect(call('bag_has_key', [dyn({ a: 1 }), s('a')])).toBe(true);
    expect(call('bag_has_key', [dyn({ a: 1 }), s('b')])).toBe(false);
    expect(call('set_has_element', [dyn([1, 'x', [2]]), s('x')])).toBe(true);
    expect(call('set_has_element', [dyn([1, 'x']), l(2)])).toBe(false);
    expect(typeOf('array_length', 'string')).toMatchObject({ argIndex: 0 });
  });
});

describe('pack / bag_pack / pack_array', () => {
  it('builds bags and arrays, datetimes and timespans as text', () => {
    expect(call('pack', [s('a'), l(1), s('b'), s('x')])).toEqual({ a: 1, b: 'x' });
    expect(call('bag_pack', [s('when'), dt('2020-01-01'), s('span'), ts(MS_PER_HOUR)]))
      .toEqual({ when: '2020-01-01T00:00:00Z', span: '01:00:00' });
    expect(call('pack_array', [l(1), r(1.5), s('x'), l(null)])).toEqual([1, 1.5, 'x', null]);
  });
  it('needs string keys in pairs', () => {
    expect(typeOf('pack', 'string', 'long')).toBe('dynamic');
    expect(typeOf('pack', 'long', 'long')).toMatchObject({ argIndex: 0 });
    expect(typeOf('pack', 'string', 'long', 'string')).toHaveProperty('error');
  });
});
