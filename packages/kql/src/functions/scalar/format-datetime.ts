import { dayOfWeek, partsOf } from './calendar.js';

/**
 * format_datetime()'s format language, as documented: d dd, M MM, y yy yyyy, H HH, h hh, m mm,
 * s ss, f…fffffff (fraction digits), F…FFFFFFF (fraction digits without trailing zeros, nothing
 * when zero, and then also no '.' before them), tt (AM/PM). Delimiters and any other character
 * are copied. Also, as .NET does: ddd dddd (day names), MMM MMMM (month names), t (A/P).
 */

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const LETTERS = 'dfFhHmMsyt';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatDatetimeWith(ms: number, format: string): string {
  const p = partsOf(ms);
  const fraction = pad(p.ticks, 7);
  let out = '';
  for (let i = 0; i < format.length; ) {
    const c = format[i]!;
    if (!LETTERS.includes(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (format[i + n] === c) n++;
    i += n;
    switch (c) {
      case 'd':
        if (n >= 4) out += DAYS[dayOfWeek(ms)]!;
        else if (n === 3) out += DAYS[dayOfWeek(ms)]!.slice(0, 3);
        else out += pad(p.day, n);
        break;
      case 'M':
        if (n >= 4) out += MONTHS[p.month - 1]!;
        else if (n === 3) out += MONTHS[p.month - 1]!.slice(0, 3);
        else out += pad(p.month, n);
        break;
      case 'y':
        out += n <= 2 ? pad(p.year % 100, n) : pad(p.year, n);
        break;
      case 'H': out += pad(p.hour, Math.min(n, 2)); break;
      case 'h': out += pad(p.hour % 12 || 12, Math.min(n, 2)); break;
      case 'm': out += pad(p.minute, Math.min(n, 2)); break;
      case 's': out += pad(p.second, Math.min(n, 2)); break;
      case 'f': out += fraction.slice(0, Math.min(n, 7)); break;
      case 'F': {
        const digits = fraction.slice(0, Math.min(n, 7)).replace(/0+$/, '');
        if (digits === '' && out.endsWith('.')) out = out.slice(0, -1);
        out += digits;
        break;
      }
      case 't': {
        const ampm = p.hour < 12 ? 'AM' : 'PM';
        out += n === 1 ? ampm[0] : ampm;
        break;
      }
    }
  }
  return out;
}
