/**
 * Kusto regular expressions are RE2; we run them as JavaScript RegExp. The common syntax is the same;
 * these differences are translated: leading inline flags `(?i)` `(?s)` `(?m)` (and combinations)
 * become RegExp flags, `(?P<name>…)` becomes `(?<name>…)`, `\A` and `\z` become `^` and `$`,
 * `\Q…\E` is quoted, POSIX classes `[[:alpha:]]` expand, and `\pL` / `\p{Greek}` switch on the `u`
 * flag. RE2's `(?U)` (ungreedy) has no JavaScript equivalent and is refused.
 */

const POSIX: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9', graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ', upper: 'A-Z', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

const SPECIAL = /[\\^$.*+?()[\]{}|/]/g;

export function escapeRegex(text: string): string {
  return text.replace(SPECIAL, '\\$&');
}

/** Translates an RE2 pattern to a JavaScript source and flags; throws on syntax JavaScript cannot express. */
export function translateRe2(pattern: string): { source: string; flags: string } {
  let flags = '';
  let rest = pattern;
  for (;;) {
    const m = /^\(\?([imsU]+)\)/.exec(rest);
    if (!m) break;
    for (const f of m[1]!) {
      if (f === 'U') throw new Error('the ungreedy flag (?U) is not supported');
      if (!flags.includes(f)) flags += f;
    }
    rest = rest.slice(m[0].length);
  }
  let out = '';
  let unicode = false;
  let inClass = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '\\') {
      const n = rest[i + 1];
      if (n === undefined) throw new Error('trailing backslash');
      if (n === 'Q') {
        const end = rest.indexOf('\\E', i + 2);
        const literal = rest.slice(i + 2, end < 0 ? rest.length : end);
        out += escapeRegex(literal);
        i = end < 0 ? rest.length : end + 1;
        continue;
      }
      if (!inClass && n === 'A') { out += '^'; i++; continue; }
      if (!inClass && n === 'z') { out += '$'; i++; continue; }
      if (n === 'p' || n === 'P') {
        unicode = true;
        const brace = rest[i + 2] === '{';
        out += brace ? `\\${n}` : `\\${n}{${rest[i + 2] ?? ''}}`;
        i += brace ? 1 : 2;
        continue;
      }
      out += c + n;
      i++;
      continue;
    }
    if (inClass) {
      if (c === '[' && rest[i + 1] === ':') {
        const end = rest.indexOf(':]', i + 2);
        const name = end < 0 ? '' : rest.slice(i + 2, end);
        const negated = name.startsWith('^');
        const set = POSIX[negated ? name.slice(1) : name];
        if (set !== undefined && !negated) { out += set; i = end + 1; continue; }
      }
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      // A `]` right after `[` or `[^` is a literal in RE2.
      if (rest[i + 1] === '^') { out += '^'; i++; }
      if (rest[i + 1] === ']') { out += '\\]'; i++; }
      continue;
    }
    if (c === '(' && rest.startsWith('(?P<', i)) { out += '(?<'; i += 3; continue; }
    out += c;
  }
  if (unicode) flags += 'u';
  return { source: out, flags };
}

const cache = new Map<string, RegExp | Error>();
const CACHE_LIMIT = 500;

/**
 * The compiled RegExp for an RE2 pattern, cached by pattern and extra flags (`g` for replace and
 * count). `prefix` and `suffix` (JavaScript syntax) wrap the translated source, so `^(?:` … `)+`
 * anchors a pattern that has its own inline flags. Returns an Error for an invalid pattern.
 */
export function compileRegex(pattern: string, extraFlags = '', prefix = '', suffix = ''): RegExp | Error {
  const key = `${extraFlags}/${prefix}/${suffix}/${pattern}`;
  let re = cache.get(key);
  if (re === undefined) {
    try {
      const { source, flags } = translateRe2(pattern);
      let all = flags;
      for (const f of extraFlags) if (!all.includes(f)) all += f;
      re = new RegExp(prefix + source + suffix, all);
    } catch (e) {
      re = e instanceof Error ? e : new Error(String(e));
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, re);
  }
  return re;
}

/** A bind-time message for an invalid constant pattern, or undefined when it compiles. */
export function regexError(pattern: string): string | undefined {
  const re = compileRegex(pattern);
  return re instanceof Error ? `invalid regular expression: ${re.message}` : undefined;
}
