import type { DynamicValue } from '../../values/value.js';
import { wrapDynamic } from '../../values/convert.js';
import type { ScalarFunction } from '../function-types.js';
import { argError, define, shaped, textOf } from './signature.js';

/**
 * Functions on dynamic values (JSON arrays and property bags). Typed values stored into a dynamic
 * value keep their JSON kind; datetimes and timespans become their text.
 */

type Bag = { [key: string]: DynamicValue };

function isBag(v: DynamicValue | undefined): v is Bag {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const arrayLength = define({
  name: 'array_length', doc: 'The number of elements of a dynamic array; null when the value is not an array.',
  params: [shaped('array')], result: 'long',
  compile: () => (vals) => (Array.isArray(vals[0]) ? vals[0].length : null),
});

const bagKeys = define({
  name: 'bag_keys', doc: 'The keys of a dynamic property bag, as a dynamic array; null when the value is not a bag.',
  params: [shaped('bag')], result: 'dynamic', resultShape: 'array',
  compile: () => (vals) => (isBag(vals[0] as DynamicValue) ? Object.keys(vals[0] as Bag) : null),
});

const bagHasKey = define({
  name: 'bag_has_key', doc: 'bag_has_key(bag, key): whether the property bag has the key.',
  params: [shaped('bag'), 'strictString'], result: 'bool',
  compile: () => (vals) => {
    const bag = vals[0] as DynamicValue;
    return isBag(bag) ? Object.prototype.hasOwnProperty.call(bag, vals[1] as string) : false;
  },
});

function makePack(name: string): ScalarFunction {
  return define({
    name, doc: `${name}(key1, value1, key2, value2, …): a dynamic property bag.`,
    params: ['scalar'], minArgs: 2, maxArgs: 65534, resultShape: 'bag',
    result: (args) => {
      if (args.length % 2 !== 0) return { error: `${name}(): expects key/value pairs` };
      for (let i = 0; i < args.length; i += 2) {
        const t = args[i]!.type;
        if (t !== 'string') return argError(name, i, 'strictString', t);
      }
      return 'dynamic';
    },
    compile: (args) => {
      const types = args.map((a) => a.type);
      const keys = args.map((a) => textOf(a.type));
      return (vals) => {
        const bag: Bag = {};
        for (let i = 0; i + 1 < vals.length; i += 2) bag[keys[i]!(vals[i]!)] = wrapDynamic(vals[i + 1]!, types[i + 1]!);
        return bag;
      };
    },
  });
}

const packArray = define({
  name: 'pack_array', doc: 'pack_array(a, b, …): a dynamic array of the values.',
  params: ['scalar'], minArgs: 1, maxArgs: 65535, result: 'dynamic', resultShape: 'array',
  compile: (args) => {
    const types = args.map((a) => a.type);
    return (vals) => vals.map((v, i) => wrapDynamic(v, types[i]!));
  },
});

const setHasElement = define({
  name: 'set_has_element', doc: 'set_has_element(array, value): whether the dynamic array holds the value.',
  params: [shaped('array'), 'scalar'], result: 'bool',
  compile: (args) => {
    const type = args[1]!.type;
    const key = textOf('dynamic');
    return (vals) => {
      if (!Array.isArray(vals[0])) return null;
      const wanted = wrapDynamic(vals[1]!, type);
      const text = key(wanted);
      return (vals[0] as DynamicValue[]).some((x) => x === wanted || (typeof x === 'object' && key(x) === text));
    };
  },
});

export const DYNAMIC_FUNCTIONS: readonly ScalarFunction[] = [
  arrayLength, bagKeys, bagHasKey, makePack('pack'), makePack('bag_pack'), packArray, setHasElement,
];
