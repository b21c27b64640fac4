import { badArgument, type Provider, type ProviderContext, type ProviderRow } from '../provider.js';
import { FileHashCache } from './util/proc-hash.js';
import { listPids, parseStat, processName, readTextOrNull, readlinkOrEmpty, yieldToLoop } from './util/proc-stat.js';

const ENTITY = 'ProcessModule';

export interface MappedModule {
  readonly path: string;
  /** Bytes of address space the file's mappings take in the process. */
  readonly mappedBytes: number;
}

/**
 * The files a process maps with at least one executable mapping: its program and its shared objects,
 * what Windows calls modules. Data-only mappings (locale archives, caches) are left out.
 */
export function parseMaps(maps: string): MappedModule[] {
  const bytes = new Map<string, number>();
  const executable = new Set<string>();
  for (const line of maps.split('\n')) {
    // start-end perms offset dev inode path
    const m = /^([0-9a-f]+)-([0-9a-f]+) (\S{4}) \S+ \S+ (\d+)\s+(\/.*)$/.exec(line);
    if (!m || m[4] === '0') continue;
    const path = m[5]!;
    bytes.set(path, (bytes.get(path) ?? 0) + (parseInt(m[2]!, 16) - parseInt(m[1]!, 16)));
    if (m[3]![2] === 'x') executable.add(path);
  }
  return [...bytes].filter(([p]) => executable.has(p)).map(([path, mappedBytes]) => ({ path, mappedBytes }));
}

/** The version in a shared object's file name (libssl.so.3 → "3", libstdc++.so.6.0.30 → "6.0.30"); "" when it carries none. */
export function versionFromFileName(path: string): string {
  const m = /\.so\.(\d+(?:\.\d+)*)$/.exec(path);
  return m ? m[1]! : '';
}

function pidsNamed(name: string): number[] {
  const wanted = name.toLowerCase();
  const out: number[] = [];
  for (const pid of listPids()) {
    const text = readTextOrNull(`/proc/${pid}/stat`, 'utf8');
    const st = text === null ? null : parseStat(text);
    if (st === null) continue;
    const comm = st.comm.toLowerCase();
    if (comm === wanted) out.push(pid);
    else if (comm.length >= 15 && wanted.startsWith(comm)) {
      const argv0 = (readTextOrNull(`/proc/${pid}/cmdline`, 'utf8') ?? '').split('\0')[0] ?? '';
      if (processName(st.comm, readlinkOrEmpty(`/proc/${pid}/exe`), argv0).toLowerCase() === wanted) out.push(pid);
    }
  }
  return out;
}

export const processModuleProvider: Provider = {
  entity: ENTITY,
  platform: 'linux',
  async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
    const name = ctx.args[0];
    if (typeof name !== 'string' || name.trim() === '') badArgument(ENTITY, 'name', "is required: the name of a process, as Process shows it (ProcessModule('sshd')).");
    const hashes = new FileHashCache(ctx.signal, 'md5');
    for (const pid of pidsNamed(name.trim().replace(/\.exe$/i, ''))) {
      if (ctx.signal.aborted) return;
      const maps = readTextOrNull(`/proc/${pid}/maps`, 'utf8');
      if (maps === null || maps === '') continue; // ended, a kernel thread, or not ours to read
      for (const mod of parseMaps(maps)) {
        if (ctx.signal.aborted) return;
        const deleted = mod.path.endsWith(' (deleted)');
        const path = deleted ? mod.path.slice(0, -' (deleted)'.length) : mod.path;
        yield {
          ModuleName: path.slice(path.lastIndexOf('/') + 1),
          FileName: path,
          FileVersion: versionFromFileName(path),
          Size: Math.round(mod.mappedBytes / 1024),
          MD5Hash: deleted ? '' : await hashes.hash(path),
          ProcessId: pid,
          IsDeleted: deleted,
        };
      }
      await yieldToLoop();
    }
  },
};
