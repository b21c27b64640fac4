import { readdirSync } from 'node:fs';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { readUtf8OrNull } from './util/proc-stat.js';
import { readGroups, readPasswd } from './util/users-passwd.js';

/** The groups Linux distributions use for "may administer this machine" (Debian/Ubuntu sudo and admin, Red Hat/SUSE/Arch wheel). */
export const ADMIN_GROUPS = ['sudo', 'wheel', 'admin'];

export interface SudoersGrant {
  readonly principal: string;
  readonly isGroup: boolean;
  readonly file: string;
}

/** Files sudo reads: /etc/sudoers and the files of its include directory, skipping names with '.' or ending in '~' as sudo does. */
function sudoersFiles(): string[] {
  const files = ['/etc/sudoers'];
  try {
    for (const name of readdirSync('/etc/sudoers.d').sort()) if (!name.includes('.') && !name.endsWith('~')) files.push(`/etc/sudoers.d/${name}`);
  } catch {
    // no include directory
  }
  return files;
}

/** Users and %groups a sudoers rule grants every command as any user (`who host = (ALL) ALL`): administrators in all but name. */
export function parseSudoers(text: string, file: string): SudoersGrant[] {
  const out: SudoersGrant[] = [];
  for (const raw of text.replace(/\\\n/g, ' ').split('\n')) {
    const line = raw.replace(/(^|\s)#(?!include).*$/, '').trim();
    const m = /^([^\s=]+)\s+[^=]+=\s*(?:\([^)]*\)\s*)?(?:[A-Z_]+:\s*)*ALL$/.exec(line);
    if (!m || /^(Defaults|User_Alias|Runas_Alias|Host_Alias|Cmnd_Alias)\b/.test(m[1]!)) continue;
    for (const who of m[1]!.split(',')) {
      if (who === '' || who.startsWith('!') || /^[A-Z][A-Z0-9_]*$/.test(who)) continue; // negations and aliases are not principals
      out.push(who.startsWith('%') ? { principal: who.slice(1), isGroup: true, file } : { principal: who, isGroup: false, file });
    }
  }
  return out;
}

export function administratorRows(): ProviderRow[] {
  const passwd = readPasswd();
  const groups = readGroups();
  const byName = new Map(passwd.map((p) => [p.name, p]));
  const rows = new Map<string, ProviderRow>();
  const add = (objectClass: 'User' | 'Group', name: string, group: string, uid: number | null, grantedBy: string) => {
    const key = `${objectClass}:${name}`;
    if (rows.has(key)) return;
    const known = objectClass === 'User' ? byName.has(name) : groups.some((g) => g.name === name);
    rows.set(key, { ObjectClass: objectClass, Name: name, PrincipalSource: known ? 'Local' : 'Unknown', Group: group, Uid: uid, GrantedBy: grantedBy });
  };
  for (const p of passwd) if (p.uid === 0) add('User', p.name, '', 0, 'uid 0');
  for (const g of groups.filter((x) => ADMIN_GROUPS.includes(x.name))) {
    for (const m of g.members) add('User', m, g.name, byName.get(m)?.uid ?? null, `group ${g.name}`);
    // A user whose primary group is the admin group is a member without being listed in /etc/group.
    for (const p of passwd) if (p.gid === g.gid) add('User', p.name, g.name, p.uid, `group ${g.name}`);
  }
  for (const file of sudoersFiles()) {
    const text = readUtf8OrNull(file);
    if (text === null) continue; // sudoers is root-only: an agent not running as root sees the groups only
    for (const grant of parseSudoers(text, file)) {
      if (grant.isGroup && ADMIN_GROUPS.includes(grant.principal)) continue; // its members are listed above
      if (grant.isGroup) add('Group', grant.principal, '', null, `sudoers ${file}`);
      else add('User', grant.principal, '', byName.get(grant.principal)?.uid ?? null, `sudoers ${file}`);
    }
  }
  return [...rows.values()];
}

export const administratorsProvider: Provider = {
  entity: 'Administrators',
  platform: 'linux',
  async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
    if (ctx.signal.aborted) return;
    yield* administratorRows();
  },
};
