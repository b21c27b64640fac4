import type { ScalarFunction } from '../function-types.js';
import { CONDITIONAL_FUNCTIONS } from './conditional.js';
import { CONVERSION_FUNCTIONS } from './conversion.js';
import { DATETIME_FUNCTIONS } from './datetime.js';
import { DYNAMIC_FUNCTIONS } from './dynamic.js';
import { ENCODING_FUNCTIONS } from './encoding.js';
import { HASH_FUNCTIONS } from './hash.js';
import { MATH_FUNCTIONS } from './math.js';
import { STRING_FUNCTIONS } from './string.js';
import { STRING_REGEX_FUNCTIONS } from './string-regex.js';

/** Every scalar function, declared as data. Names are unique; aliases are separate entries. */
export const SCALAR_FUNCTIONS: readonly ScalarFunction[] = [
  ...STRING_FUNCTIONS,
  ...STRING_REGEX_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...DATETIME_FUNCTIONS,
  ...CONVERSION_FUNCTIONS,
  ...DYNAMIC_FUNCTIONS,
  ...CONDITIONAL_FUNCTIONS,
  ...HASH_FUNCTIONS,
  ...ENCODING_FUNCTIONS,
];
