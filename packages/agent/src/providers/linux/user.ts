import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { readLogindSessions, readUtmp, type Session } from './util/users-utmp.js';

export function sessionRow(s: Session): ProviderRow {
  return { UserName: s.user, Terminal: s.terminal, Host: s.host, LoginTime: s.loginTime, ProcessId: s.pid, Source: s.source };
}

export const userProvider: Provider = {
  entity: 'User',
  platform: 'linux',
  async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
    if (ctx.signal.aborted) return;
    // /var/run is a link to /run on current systems; older ones keep utmp in /var/run only.
    const sessions = readUtmp('/run/utmp') ?? readUtmp('/var/run/utmp') ?? readLogindSessions() ?? [];
    yield* sessions.map(sessionRow);
  },
};
