import type { PathPolicy } from '../providers/provider.js';

/**
 * What the device's owner keeps from File, FileContent and the like, whatever a query asks. The
 * defaults hold password hashes and private keys back; a policy file can add more.
 */
export const DEFAULT_DENIED: readonly string[] = [
  '/etc/shadow', '/etc/shadow-', '/etc/gshadow', '/etc/gshadow-',
  '/etc/ssl/private/**',
  '~/.ssh/id_*', '/root/.ssh/id_*', '/home/*/.ssh/id_*',
];

export interface PolicyFile {
  /** Globs added to the defaults (`*` within a path segment, `**` across segments, `~` the home folder). */
  readonly deny?: readonly string[];
  /** Globs read even though a deny matches them. */
  readonly allow?: readonly string[];
}

/** Builds a path policy: a path is refused when a deny glob matches it and no allow glob does. */
export function createPathPolicy(file: PolicyFile = {}, home = ''): PathPolicy {
  const expand = (g: string): string => (g.startsWith('~/') && home ? `${home}${g.slice(1)}` : g);
  const deny = [...DEFAULT_DENIED, ...(file.deny ?? [])].map(expand).filter((g) => !g.startsWith('~')).map(globToRegExp);
  const allow = (file.allow ?? []).map(expand).map(globToRegExp);
  return {
    allows(path: string): boolean {
      const p = normalise(path);
      return !deny.some((re) => re.test(p)) || allow.some((re) => re.test(p));
    },
  };
}

/** Collapses `//`, `/./` and `/../`, so `/etc/./shadow` and `/tmp/../etc/shadow` are seen for what they are. */
function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
