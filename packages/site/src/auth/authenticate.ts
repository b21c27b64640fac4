import type { Store, UserRecord } from '../store/index.js';
import { verifyPassword, sha256Hex } from '@openpivot/server';

/** Who is asking, once their credentials have been checked. */
export interface Principal {
  readonly user: UserRecord;
  readonly via: 'password' | 'token';
}

export type AuthOutcome =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly reason: 'missing' | 'malformed' | 'invalid'; readonly userName: string | null };

/**
 * Checks an Authorization header: `Basic base64(user:password)` or `Bearer <API token>`. A password
 * check costs a scrypt, so successful ones are remembered for a minute (keyed by a hash of the header,
 * never the header itself) — scripts poll CMPivotResult every few seconds.
 */
export class Authenticator {
  private readonly cache = new Map<string, { userId: number; until: number }>();

  constructor(private readonly store: Store, private readonly clock: () => number = Date.now) {}

  async authenticate(header: string | undefined): Promise<AuthOutcome> {
    if (!header) return { ok: false, reason: 'missing', userName: null };
    const space = header.indexOf(' ');
    const scheme = space < 0 ? header : header.slice(0, space);
    const value = space < 0 ? '' : header.slice(space + 1).trim();
    if (/^basic$/i.test(scheme)) return this.basic(value, header);
    if (/^bearer$/i.test(scheme)) return this.bearer(value);
    return { ok: false, reason: 'malformed', userName: null };
  }

  private async basic(value: string, header: string): Promise<AuthOutcome> {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return { ok: false, reason: 'malformed', userName: null };
    const name = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    const key = sha256Hex(header);
    const now = this.clock();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) {
      const user = await this.store.getUser(cached.userId);
      if (user && !user.disabled) return { ok: true, principal: { user, via: 'password' } };
    }
    const user = await this.store.getUserByName(name);
    if (!user || user.disabled || !user.passwordHash || !(await verifyPassword(password, user.passwordHash))) {
      return { ok: false, reason: 'invalid', userName: name };
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { userId: user.id, until: now + 60_000 });
    return { ok: true, principal: { user, via: 'password' } };
  }

  private async bearer(token: string): Promise<AuthOutcome> {
    if (!token) return { ok: false, reason: 'malformed', userName: null };
    const record = await this.store.getApiTokenByHash(sha256Hex(token));
    if (!record || (record.expiresAt !== null && record.expiresAt <= this.clock())) return { ok: false, reason: 'invalid', userName: null };
    const user = await this.store.getUser(record.userId);
    if (!user || user.disabled) return { ok: false, reason: 'invalid', userName: null };
    return { ok: true, principal: { user, via: 'token' } };
  }

  /** Forget cached password checks (after a password change or a user's removal). */
  forget(): void {
    this.cache.clear();
  }
}
