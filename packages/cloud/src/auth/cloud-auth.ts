import { verifyPassword, sha256Hex } from '@openpivot/server';
import type { CloudStore, CloudUserRecord } from '../store/store.js';

export type CloudAuthOutcome =
  | { readonly ok: true; readonly user: CloudUserRecord }
  | { readonly ok: false; readonly reason: 'missing' | 'malformed' | 'invalid'; readonly upn: string | null };

/**
 * Checks an Authorization header: `Basic base64(upn:password)` (what scripts send) or `Bearer <session
 * token>` (what a sign-in returns, password or OpenID Connect). A password check costs a scrypt, so a
 * successful one is remembered for a minute under a hash of the header — scripts poll every few seconds.
 */
export class CloudAuthenticator {
  private readonly cache = new Map<string, { userId: number; until: number }>();

  constructor(private readonly store: CloudStore, private readonly clock: () => number) {}

  async authenticate(header: string | undefined): Promise<CloudAuthOutcome> {
    if (!header) return { ok: false, reason: 'missing', upn: null };
    const [scheme = '', value = ''] = header.split(/\s+/, 2);
    if (/^basic$/i.test(scheme)) return this.basic(value, header);
    if (/^bearer$/i.test(scheme) && value) return this.bearer(value);
    return { ok: false, reason: 'malformed', upn: null };
  }

  /** A password sign-in: the user, or null (unknown, disabled, no password, wrong password). */
  async checkPassword(upn: string, password: string): Promise<CloudUserRecord | null> {
    const user = await this.store.getUserByUpn(upn);
    if (!user || user.disabled || !user.passwordHash || !(await verifyPassword(password, user.passwordHash))) return null;
    return user;
  }

  private async basic(value: string, header: string): Promise<CloudAuthOutcome> {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return { ok: false, reason: 'malformed', upn: null };
    const upn = decoded.slice(0, colon);
    const key = sha256Hex(header);
    const now = this.clock();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) {
      const user = await this.store.getUser(cached.userId);
      if (user && !user.disabled) return { ok: true, user };
    }
    const user = await this.checkPassword(upn, decoded.slice(colon + 1));
    if (!user) return { ok: false, reason: 'invalid', upn };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { userId: user.id, until: now + 60_000 });
    return { ok: true, user };
  }

  private async bearer(token: string): Promise<CloudAuthOutcome> {
    const session = await this.store.getSession(sha256Hex(token), this.clock());
    const user = session ? await this.store.getUser(session.userId) : null;
    if (!user || user.disabled) return { ok: false, reason: 'invalid', upn: null };
    return { ok: true, user };
  }
}
