import type { ArgInfo, RowFunction, ScalarFunction, SignatureError } from '../function-types.js';
import { compileRegex, regexError } from './regex.js';
import { constant, constantText, define } from './signature.js';
import { converterTo } from '../../values/convert.js';

/**
 * String functions driven by a regular expression (RE2 syntax, run as JavaScript RegExp; see
 * regex.ts). A constant pattern is checked at bind time; a bad pattern computed per row leaves the
 * text unchanged (trim, replace) or gives "" (extract).
 */

function checkPattern(name: string, args: readonly ArgInfo[], index: number): SignatureError | undefined {
  const pattern = constantText(args[index]);
  const error = pattern === undefined ? undefined : regexError(pattern);
  return error === undefined ? undefined : { error: `${name}(): ${error}`, argIndex: index };
}

/** Kusto's rewrite syntax (`\1`, `\0`) in JavaScript's (`$1`, `$&`); a literal `$` is doubled. */
export function translateRewrite(rewrite: string): string {
  let out = '';
  for (let i = 0; i < rewrite.length; i++) {
    const c = rewrite[i]!;
    const n = rewrite[i + 1];
    if (c === '\\' && n !== undefined && n >= '0' && n <= '9') {
      out += n === '0' ? '$&' : `$${n}`;
      i++;
    } else if (c === '\\' && n === '\\') {
      out += '\\';
      i++;
    } else {
      out += c === '$' ? '$$' : c;
    }
  }
  return out;
}

function trimmer(name: string, doc: string, start: boolean, end: boolean): ScalarFunction {
  return define({
    name, doc, params: [constant('strictString'), 'strictString'],
    result: (args) => checkPattern(name, args, 0) ?? 'string',
    compile: (): RowFunction => (vals) => {
      const pattern = vals[0] as string;
      let out = vals[1] as string;
      if (start) out = stripLeading(out, compileRegex(pattern, 'y'));
      if (end) out = stripTrailing(out, compileRegex(pattern, '', '(?:', ')$'));
      return out;
    },
  });
}

/*
 * Repeated matches are stripped one at a time in a loop. A single regex such as `(?:\d+)+$` nests
 * quantifiers, and JavaScript's backtracking engine takes exponential time on it (Kusto's RE2 does not).
 */
function stripLeading(text: string, re: RegExp | Error): string {
  if (re instanceof Error) return text;
  let at = 0;
  for (;;) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null || m[0].length === 0) return text.slice(at);
    at += m[0].length;
  }
}

function stripTrailing(text: string, re: RegExp | Error): string {
  if (re instanceof Error) return text;
  let out = text;
  for (;;) {
    const m = re.exec(out);
    if (m === null || m[0].length === 0) return out;
    out = out.slice(0, m.index);
  }
}

const trim = trimmer('trim', 'trim(regex, s): s without the leading and trailing matches of regex.', true, true);
const trimStart = trimmer('trim_start', 'trim_start(regex, s): s without the leading matches of regex.', true, false);
const trimEnd = trimmer('trim_end', 'trim_end(regex, s): s without the trailing matches of regex.', false, true);

function regexReplace(text: string, pattern: string, rewrite: string): string {
  const re = compileRegex(pattern, 'g');
  return re instanceof Error ? text : text.replace(re, translateRewrite(rewrite));
}

const replaceRegex = define({
  name: 'replace_regex', doc: 'replace_regex(text, regex, rewrite): every match replaced; \\1 in rewrite is the first group.',
  params: ['strictString', constant('strictString'), constant('strictString')],
  result: (args) => checkPattern('replace_regex', args, 1) ?? 'string',
  compile: () => (vals) => regexReplace(vals[0] as string, vals[1] as string, vals[2] as string),
});

const replace = define({
  name: 'replace', doc: 'replace(regex, rewrite, text): the deprecated form of replace_regex, arguments reordered.',
  params: [constant('strictString'), constant('strictString'), 'strictString'],
  result: (args) => checkPattern('replace', args, 0) ?? 'string',
  compile: () => (vals) => regexReplace(vals[2] as string, vals[0] as string, vals[1] as string),
});

const extract = define({
  name: 'extract', doc: 'extract(regex, group, s): the text of capture group `group` (0: the whole match) of the first match, or "".',
  params: [constant('strictString'), 'long', 'strictString', 'scalar'], minArgs: 3,
  result: (args) => {
    const bad = checkPattern('extract', args, 0);
    if (bad) return bad;
    if (args.length < 4) return 'string';
    return args[3]!.typeLiteral ?? { error: 'argument 4 must be typeof(<type>)', argIndex: 3 };
  },
  compile: (args) => {
    // extract(re, g, s, typeof(T)) converts the capture; a failed match or conversion is null.
    const target = args[3]?.typeLiteral;
    const convert = target && target !== 'string' ? converterTo(target, 'string') : undefined;
    const miss = convert ? null : '';
    return (vals) => {
      const group = vals[1];
      if (group === null || (group as number) < 0) return miss;
      const re = compileRegex(vals[0] as string);
      if (re instanceof Error) return miss;
      const m = re.exec(vals[2] as string)?.[Math.trunc(group as number)];
      if (m === undefined) return miss;
      return convert ? convert(m) : m;
    };
  },
});

const extractAll = define({
  name: 'extract_all', doc: 'extract_all(regex, s): a dynamic array of all matches (the group texts when the regex has groups).',
  params: [constant('strictString'), 'strictString'],
  result: (args) => checkPattern('extract_all', args, 0) ?? 'dynamic', resultShape: 'array',
  compile: () => (vals) => {
    const re = compileRegex(vals[0] as string, 'g');
    if (re instanceof Error) return null;
    const out = [];
    for (const m of (vals[1] as string).matchAll(re)) {
      if (m.length === 1) out.push(m[0]);
      else if (m.length === 2) out.push(m[1] ?? '');
      else out.push(m.slice(1).map((g) => g ?? ''));
    }
    return out.length === 0 ? null : out;
  },
});

export const STRING_REGEX_FUNCTIONS: readonly ScalarFunction[] = [
  trim, trimStart, trimEnd, replaceRegex, replace, extract, extractAll,
];
