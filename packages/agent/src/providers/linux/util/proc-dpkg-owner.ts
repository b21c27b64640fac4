import { readFileSync, readdirSync } from 'node:fs';
import { parseDpkgStatus } from '../installed-software.js';

export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  readonly maintainer: string;
  readonly description: string;
}

const INFO = '/var/lib/dpkg/info';

/** On merged-/usr systems a file dpkg lists as /lib/x is found as /usr/lib/x and the other way round. */
function variants(path: string): string[] {
  const m = /^\/usr(\/(?:s?bin|lib\w*)\/.*)$/.exec(path);
  if (m) return [path, m[1]!];
  return /^\/(?:s?bin|lib\w*)\//.test(path) ? [path, `/usr${path}`] : [path];
}

/**
 * The installed package that ships each path, as `dpkg -S` would say, read from dpkg's file lists in
 * one pass (one spawn of dpkg -S per file would cost more than the whole scan).
 */
export function dpkgOwners(paths: Iterable<string>): Map<string, PackageInfo> {
  const wanted = new Map<string, string>();
  // Lists are read as latin1 (a plain copy, much faster to decode than UTF-8); the keys are matched in that form.
  for (const p of paths) for (const v of variants(p)) wanted.set(Buffer.from(v, 'utf8').toString('latin1'), p);
  const owners = new Map<string, string>();
  let lists: string[] = [];
  try {
    lists = wanted.size === 0 ? [] : readdirSync(INFO).filter((n) => n.endsWith('.list'));
  } catch {
    return new Map(); // not a dpkg system
  }
  for (const list of lists) {
    let text: string;
    try {
      text = readFileSync(`${INFO}/${list}`, 'latin1');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      const original = wanted.get(line);
      if (original !== undefined && !owners.has(original)) owners.set(original, list.slice(0, -5).replace(/:[^:]+$/, ''));
    }
  }
  if (owners.size === 0) return new Map();
  let status = '';
  try {
    status = readFileSync('/var/lib/dpkg/status', 'utf8');
  } catch {
    // owners without versions still name the product
  }
  const byName = new Map(parseDpkgStatus(status).map((f) => [f.get('Package')!, f]));
  const out = new Map<string, PackageInfo>();
  for (const [path, name] of owners) {
    const f = byName.get(name);
    out.set(path, { name, version: f?.get('Version') ?? '', maintainer: f?.get('Maintainer') ?? '', description: f?.get('Description') ?? '' });
  }
  return out;
}
