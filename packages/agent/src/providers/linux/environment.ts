import { userInfo } from 'node:os';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { readUtf8OrNull } from './util/proc-stat.js';

const SYSTEM_FILE = '/etc/environment';

/**
 * /etc/environment as pam_env reads it: KEY=VALUE lines, an optional `export `, quotes around the
 * value dropped, no expansion; comments and malformed lines are skipped.
 */
export function parseEnvironmentFile(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim().replace(/^export\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2]!;
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) value = value.slice(1, -1);
    out.push([m[1]!, value]);
  }
  return out;
}

function agentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return String(process.getuid?.() ?? '');
  }
}

export const environmentProvider: Provider = {
  entity: 'Environment',
  platform: 'linux',
  async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
    if (ctx.signal.aborted) return;
    // Win32_Environment's '<SYSTEM>' rows are the machine-wide variables: on Linux those of /etc/environment.
    for (const [name, value] of parseEnvironmentFile(readUtf8OrNull(SYSTEM_FILE) ?? '')) {
      yield { Name: name, VariableValue: value, UserName: '<SYSTEM>', SystemVariable: true, Source: SYSTEM_FILE };
    }
    const user = agentUser();
    for (const [name, value] of Object.entries(process.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (value === undefined) continue;
      yield { Name: name, VariableValue: value, UserName: user, SystemVariable: false, Source: 'agent process' };
    }
  },
};
