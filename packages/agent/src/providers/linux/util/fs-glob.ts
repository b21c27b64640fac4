import { lstat, readdir } from 'node:fs/promises';
import { homedir } from 'node:os';

/** `~` and `~/x` name the agent user's home directory. */
export function expandHome(pattern: string): string {
  if (pattern === '~') return homedir();
  if (pattern.startsWith('~/')) return homedir() + pattern.slice(1);
  return pattern;
}

export const hasWildcard = (s: string): boolean => /[*?]/.test(s);

/** `*` and `?` within one name; dot files match too, as Get-Item -Force shows hidden files. */
function segmentRegex(seg: string): RegExp {
  const body = seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

async function exists(path: string): Promise<boolean> {
  try { await lstat(path); return true; } catch { return false; }
}

/**
 * The paths matching an absolute pattern, in sorted order per directory. `**` spans any number of
 * directories, without following symbolic links (no loops). Unreadable directories are passed over.
 */
export async function* glob(pattern: string, signal: AbortSignal): AsyncIterable<string> {
  const segs = pattern.split('/').filter((s) => s !== '' && s !== '.');
  const seen = new Set<string>();
  async function* walk(dir: string, i: number): AsyncIterable<string> {
    if (signal.aborted) return;
    // Literal runs need no listing: one lstat at the end says whether the path is there.
    let base = dir;
    while (i < segs.length && !hasWildcard(segs[i]!)) base = `${base === '/' ? '' : base}/${segs[i++]}`;
    if (i === segs.length) {
      if (!seen.has(base) && (await exists(base))) { seen.add(base); yield base; }
      return;
    }
    let entries;
    try { entries = await readdir(base, { withFileTypes: true }); } catch { return; }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const seg = segs[i]!;
    const prefix = base === '/' ? '' : base;
    if (seg === '**') {
      yield* walk(base, i + 1);
      for (const e of entries) {
        if (signal.aborted) return;
        if (e.isDirectory()) yield* walk(`${prefix}/${e.name}`, i);
      }
      return;
    }
    const re = segmentRegex(seg);
    const last = i === segs.length - 1;
    for (const e of entries) {
      if (signal.aborted) return;
      if (!re.test(e.name)) continue;
      const path = `${prefix}/${e.name}`;
      if (last) {
        if (!seen.has(path)) { seen.add(path); yield path; }
      } else if (e.isDirectory() || e.isSymbolicLink()) {
        yield* walk(path, i + 1);
      }
    }
  }
  yield* walk('/', 0);
}
