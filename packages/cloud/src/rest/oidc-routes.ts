import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '@openpivot/protocol';
import { newSecret, sha256Hex, sendError } from '@openpivot/server';
import type { CloudUserRecord } from '../store/store.js';
import { OidcError, type OidcIdentity } from '../auth/oidc.js';
import type { CloudContext } from './context.js';

/**
 * OpenID Connect sign-in for the admin center (a browser app): `/auth/oidc/login` sends the browser to
 * the identity provider; `/auth/oidc/callback` maps the account to an existing cloud user (never
 * creates one), opens a session as a password sign-in does, and returns to the app with the token in
 * the URL fragment — or, asked for JSON, answers `{token, expiresAt, user}`.
 */
export function registerOidcRoutes(app: FastifyInstance, ctx: CloudContext): void {
  app.get<{ Querystring: { returnTo?: string } }>('/auth/oidc/login', async (req, reply) => {
    if (!ctx.oidc) return refuse(req, reply, 404, 'NotFound', 'OpenID Connect sign-in is not configured on this cloud (openpivot cloud --oidc-issuer URL --oidc-client-id ID).');
    try {
      const url = await ctx.oidc.begin(relativePath(req.query.returnTo));
      return reply.header('Cache-Control', 'no-store').redirect(url.href, 302);
    } catch (e) {
      if (e instanceof OidcError) return refuse(req, reply, e.status, e.code, e.message);
      throw e;
    }
  });

  app.get('/auth/oidc/callback', async (req, reply) => {
    reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer');
    if (!ctx.oidc) return refuse(req, reply, 404, 'NotFound', 'OpenID Connect sign-in is not configured on this cloud.');
    let identity: OidcIdentity;
    try {
      identity = await ctx.oidc.finish(new URLSearchParams(req.originalUrl.split('?')[1] ?? ''));
    } catch (e) {
      if (e instanceof OidcError) return refuse(req, reply, e.status, e.code, e.message);
      throw e;
    }
    const found = await cloudUserOf(ctx, identity);
    if (!found.user) {
      // Not a cloud user: there is no tenant whose audit this belongs to, so only the log has it.
      ctx.log('oidc.signin-refused', { subject: identity.subject, names: identity.names.join(','), remoteAddr: req.ip });
      return refuse(req, reply, 403, 'Forbidden', `The account ${identity.names[0] ?? identity.subject} is not a cloud user of any tenant. Ask a tenant administrator to add it (openpivot cloud user add).`);
    }
    const user = found.user;
    if (user.disabled || found.conflict) {
      ctx.auditor.recordQuietly(user.tenantId, 'signin', 'failed', { upn: user.upn, remoteAddr: req.ip, details: { via: 'oidc', reason: user.disabled ? 'disabled' : 'linked-to-another-account' } });
      return refuse(req, reply, 403, 'Forbidden', user.disabled
        ? `The cloud user ${user.upn} is disabled.`
        : `The cloud user ${user.upn} is linked to another account of the identity provider.`);
    }
    if (user.oidcSubject === null) await ctx.store.setOidcSubject(user.id, identity.subject);

    const token = newSecret('ops');
    const now = ctx.clock();
    const expiresAt = now + ctx.settings.sessionMs;
    await ctx.store.createSession({ tokenHash: sha256Hex(token), userId: user.id, createdAt: now, expiresAt });
    ctx.auditor.recordQuietly(user.tenantId, 'signin', 'ok', { upn: user.upn, remoteAddr: req.ip, details: { via: 'oidc' } });
    const expires = new Date(expiresAt).toISOString();
    if (wantsJson(req)) return reply.code(200).send({ token, expiresAt: expires, user: await me(ctx, user) });
    const fragment = new URLSearchParams({ token, expiresAt: expires });
    return reply.redirect(`${identity.returnTo.split('#')[0]}#${fragment.toString()}`, 302);
  });
}

/**
 * The cloud user of a signed-in account: first the one linked to `issuer|sub`; else the one whose UPN
 * equals one of the account's names (ignoring case) and that is linked to no other account.
 */
async function cloudUserOf(ctx: CloudContext, identity: OidcIdentity): Promise<{ user: CloudUserRecord | null; conflict: boolean }> {
  const linked = await ctx.store.getUserByOidcSubject(identity.subject);
  if (linked) return { user: linked, conflict: false };
  for (const name of identity.names) {
    const user = await ctx.store.getUserByUpn(name);
    if (user) return { user, conflict: user.oidcSubject !== null && user.oidcSubject !== identity.subject };
  }
  return { user: null, conflict: false };
}

/**
 * Where to go after signing in: a path on this cloud, never another site (no open redirect). Anything
 * else — an absolute or scheme-relative URL, a backslash trick — becomes '/'.
 */
export function relativePath(returnTo: string | undefined): string {
  if (!returnTo || returnTo.length > 2048 || !returnTo.startsWith('/') || /[\\\u0000-\u001f]/.test(returnTo)) return '/';
  const base = 'http://cloud.invalid';
  let url: URL;
  try {
    url = new URL(returnTo, base);
  } catch {
    return '/';
  }
  return url.origin === base && !returnTo.startsWith('//') ? `${url.pathname}${url.search}${url.hash}` : '/';
}

function wantsJson(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** A refusal: the usual JSON error body, or a small page for a browser. */
function refuse(req: FastifyRequest, reply: FastifyReply, status: number, code: ErrorCode, message: string): FastifyReply {
  if (wantsJson(req) || !(req.headers.accept ?? '').includes('text/html')) return sendError(reply, status, code, message);
  return reply.code(status).type('text/html; charset=utf-8')
    .send(`<!doctype html><meta charset="utf-8"><title>Sign-in failed</title><h1>Sign-in failed</h1><p>${escapeHtml(message)}</p><p><a href="/">Back</a></p>`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function me(ctx: CloudContext, user: CloudUserRecord): Promise<Record<string, unknown>> {
  const tenant = await ctx.store.getTenant(user.tenantId);
  return { upn: user.upn, role: user.role, tenantId: user.tenantId, tenantName: tenant?.name ?? null };
}
