import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProviderContext, ProviderRow } from '../provider.js';
import { userProvider } from './user.js';
import { parseUtmp, readLogindSessions } from './util/users-utmp.js';

async function collect(signal = new AbortController().signal): Promise<ProviderRow[]> {
  const c: ProviderContext = { args: [], constraints: [], signal, policy: { allows: () => true }, now: Date.now() };
  const rows: ProviderRow[] = [];
  for await (const r of userProvider.collect(c)) rows.push(r);
  return rows;
}

/** `who`'s lines as user, terminal, "YYYY-MM-DD HH:MM" (UTC) and host. */
function who(file?: string): string[] {
  // who writes ISO times under C.UTF-8 and "Jan  2 10:00" under plain C.
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC', LANG: 'C.UTF-8' };
  delete env.LC_ALL;
  delete env.LC_TIME;
  const out = execFileSync('who', file ? [file] : [], { env }).toString();
  return out.split('\n').filter(Boolean).map((l) => {
    const m = /^(\S+)\s+(\S+)\s+(\d{4}-\d\d-\d\d \d\d:\d\d)(?:\s+\((.*)\))?/.exec(l)!;
    return `${m[1]}|${m[2]}|${m[3]}|${m[4] ?? ''}`;
  });
}

function asWho(r: Readonly<Record<string, unknown>>): string {
  return `${String(r.UserName)}|${String(r.Terminal)}|${new Date(r.LoginTime as number).toISOString().slice(0, 16).replace('T', ' ')}|${String(r.Host)}`;
}

const hasUtmp = existsSync('/run/utmp') || existsSync('/var/run/utmp');
if (!hasUtmp) console.log('User: this machine keeps no utmp (no login service runs); the live test checks that both sides are empty, and the parser is checked on a file utmpdump writes');

describe('User (linux)', () => {
  it('lists the sessions who lists on this machine (truth test)', async () => {
    const rows = await collect();
    console.log(`User: ${rows.length} rows; who: ${who().length} lines`);
    if (!hasUtmp && existsSync('/run/systemd/sessions')) return; // logind sessions: who has nothing to compare with
    expect(rows.map(asWho).sort()).toEqual(who().sort());
  });

  it('parses a utmp file exactly as who reads it (truth test against utmpdump + who)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'op-utmp-'));
    try {
      // utmpdump's text form; type 8 (DEAD_PROCESS) must be left out, a stale pid kept, as who does.
      const text = [
        `[7] [${String(process.pid).padStart(5, '0')}] [ts/0] [alice   ] [pts/0       ] [10.0.0.1            ] [10.0.0.1       ] [2024-01-02T10:00:00,123456+00:00]`,
        '[7] [99999] [ts/1] [bob     ] [pts/1       ] [:0                  ] [0.0.0.0        ] [2024-01-03T11:30:00,000000+00:00]',
        '[8] [01234] [ts/2] [carol   ] [pts/2       ] [host                ] [0.0.0.0        ] [2024-01-03T11:30:00,000000+00:00]',
        '[7] [01235] [tty1] [dave    ] [tty1        ] [host.example.org    ] [0.0.0.0        ] [2024-02-29T23:59:00,000000+00:00]',
      ].join('\n');
      writeFileSync(join(dir, 'utmp.txt'), `${text}\n`);
      execFileSync('utmpdump', ['-r', '-o', join(dir, 'utmp'), join(dir, 'utmp.txt')], { stdio: 'ignore' });
      const sessions = parseUtmp(readFileSync(join(dir, 'utmp')));
      const rows = sessions.map((s) => ({ UserName: s.user, Terminal: s.terminal, LoginTime: s.loginTime, Host: s.host }));
      expect(rows.map(asWho)).toEqual(who(join(dir, 'utmp')));
      expect(sessions[0]).toMatchObject({ pid: process.pid, loginTime: Date.UTC(2024, 0, 2, 10, 0, 0, 123) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync('/run/systemd/sessions'))('reads logind sessions', () => {
    expect(readLogindSessions()).not.toBeNull();
  });
  if (!existsSync('/run/systemd/sessions')) console.log('User: no systemd-logind here; the logind reader test is skipped');

  it('returns nothing once cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    expect(await collect(ac.signal)).toEqual([]);
  });
});
