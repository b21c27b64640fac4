import type { ScalarType } from '../../types/scalar-type.js';
import type { DynamicValue, Value } from '../../values/value.js';
import {
  dynamicKind, parseJson, toBool, toDatetime, toGuid, toInt, toLong, toReal, toTimespan,
} from '../../values/convert.js';
import { valueToString } from '../../values/to-string.js';
import type { ScalarFunction } from '../function-types.js';
import { alias, define } from './signature.js';
import type { ParamKind } from './signature.js';

/**
 * The casts. Each names its unnamed result column after its argument (`project tostring(Name)`
 * gives `Name`) and gives null when the value cannot be converted (tostring gives "").
 */

function cast(
  name: string, target: ScalarType, doc: string, convert: (v: Value, from: ScalarType) => Value, param: ParamKind = 'scalar',
): ScalarFunction {
  return define({
    name, doc, params: [param], result: target, resultName: 'first-argument',
    compile: (args) => {
      const from = args[0]!.type;
      return (vals) => convert(vals[0]!, from);
    },
  });
}

const tostring = cast('tostring', 'string', 'The value as text ("" for null).', valueToString);
const toint = cast('toint', 'int', 'The value as an int (reals truncate); null when it cannot be converted.', toInt);
const tolong = cast('tolong', 'long', 'The value as a long (reals truncate); null when it cannot be converted.', toLong);
const todouble = cast('todouble', 'real', 'The value as a real; null when it cannot be converted.', toReal);
const tobool = cast('tobool', 'bool', 'The value as a bool ("true"/"false", non-zero numbers are true); null otherwise.', toBool);
const toguid = cast('toguid', 'guid', 'The text as a guid; null when it is not one.', toGuid, 'text');
const todatetime = cast('todatetime', 'datetime', 'The value as a datetime (ISO 8601 or RFC 822 text); null otherwise.', toDatetime);
const totimespan = cast('totimespan', 'timespan', "The value as a timespan ('1.02:03:04', '2h'); null otherwise.", toTimespan);

const parseJsonFn = define({
  name: 'parse_json', doc: 'Interprets text as JSON and returns a dynamic value (invalid JSON: the text itself as a dynamic string).',
  params: ['text'], result: 'dynamic', resultName: 'first-argument', opaqueDynamic: true,
  compile: (args) => {
    if (args[0]!.type === 'dynamic') return (vals) => vals[0]!;
    return (vals) => parseJson(vals[0] as string);
  },
});

const todynamic = define({
  name: 'todynamic', doc: 'Interprets text as JSON and returns a dynamic value (the same as parse_json).',
  params: ['strictString'], result: 'dynamic', resultName: 'first-argument', opaqueDynamic: true,
  compile: () => (vals) => parseJson(vals[0] as string),
});

/** gettype(): the static type, except that a dynamic value reports its runtime kind ('array', 'dictionary', 'int'…). */
const gettype = define({
  name: 'gettype', doc: "The runtime type of a value: 'string', 'long', 'datetime'…; for dynamic values 'array', 'dictionary', 'int', 'null'….",
  params: ['scalar'], result: 'string', namePrefix: 'type',
  compile: (args) => {
    const t = args[0]!.type;
    if (t === 'dynamic') return (vals) => dynamicKind(vals[0] as DynamicValue);
    return () => t;
  },
});

export const CONVERSION_FUNCTIONS: readonly ScalarFunction[] = [
  tostring, toint, tolong, todouble, alias(todouble, 'toreal'), alias(todouble, 'todecimal'),
  tobool, alias(tobool, 'toboolean'), toguid, todatetime, totimespan,
  parseJsonFn, alias(parseJsonFn, 'parsejson'), todynamic, alias(todynamic, 'toobject'), gettype,
];
