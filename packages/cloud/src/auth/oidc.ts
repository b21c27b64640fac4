import * as client from 'openid-client';
import type { ErrorCode } from '@openpivot/protocol';
import type { Log } from '@openpivot/server';
import type { CloudStore } from '../store/store.js';

export interface OidcOptions {
  /** The issuer's URL; its `/.well-known/openid-configuration` is read on first use. */
  readonly issuer: string;
  readonly clientId: string;
  /** Absent: a public client (PKCE alone). Never logged. */
  readonly clientSecret?: string;
  /** Where the issuer sends the browser back (default `${publicUrl}/auth/oidc/callback`). */
  readonly redirectUri?: string;
}

/** What a finished sign-in tells about the account at the issuer. */
export interface OidcIdentity {
  /** `issuer|sub`: the key a cloud user is linked by. */
  readonly subject: string;
  /** Names that may equal a cloud user's UPN, in order: `email` (unless unverified), `preferred_username`, `upn`. */
  readonly names: readonly string[];
  readonly returnTo: string;
}

/** Why a sign-in could not start or finish; `status` is the HTTP answer. */
export class OidcError extends Error {
  constructor(readonly status: 400 | 401 | 502 | 503, readonly code: ErrorCode, message: string) {
    super(message);
  }
}

const PENDING_MS = 10 * 60_000;
/** Sign-ins in progress kept in the whole cloud; over it, the oldest give way (see putOidcPending). */
const MAX_PENDING = 10_000;
const DISCOVERY_RETRY_MS = 5_000;

/**
 * OpenID Connect sign-in, authorization code flow with PKCE. The issuer's metadata is discovered at
 * start and, until that succeeds, again on each sign-in (at most every few seconds): an issuer that
 * is down does not stop the cloud, it only makes sign-in answer 503.
 *
 * The state, nonce and PKCE verifier of a sign-in in progress are kept in the cloud store for ten
 * minutes, keyed by state, and spent by the callback: with several cloud nodes behind one address, the
 * callback may reach a node other than the one that started the sign-in.
 */
export class OidcSignIn {
  private config: client.Configuration | null = null;
  private discovering: Promise<client.Configuration> | null = null;
  private lastFailure: { at: number; message: string } | null = null;

  constructor(
    private readonly options: OidcOptions,
    /** The callback URL; a function because the cloud's own address is known only once it listens. */
    private readonly redirectUri: () => string,
    private readonly store: Pick<CloudStore, 'putOidcPending' | 'takeOidcPending'>,
    private readonly log: Log,
    private readonly clock: () => number,
  ) {}

  /** Starts discovery without waiting; a failure is logged, and retried at the next sign-in. */
  prepare(): void {
    this.configuration().catch(() => undefined);
  }

  /** The issuer's authorization URL for a new sign-in that will return to `returnTo` (a relative path). */
  async begin(returnTo: string): Promise<URL> {
    const config = await this.configuration();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const verifier = client.randomPKCECodeVerifier();
    const now = this.clock();
    await this.store.putOidcPending({ state, verifier, nonce, returnTo, expiresAt: now + PENDING_MS }, { now, max: MAX_PENDING });
    return client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(),
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
  }

  /**
   * Finishes a sign-in from the callback's query string: spends the state (once), exchanges the code
   * with the PKCE verifier, and validates the ID token (signature, issuer, audience, nonce).
   */
  async finish(query: URLSearchParams): Promise<OidcIdentity> {
    const state = query.get('state') ?? '';
    const pending = state === '' ? null : await this.store.takeOidcPending(state, this.clock());
    if (!pending) {
      throw new OidcError(400, 'BadRequest', 'This sign-in is unknown or has expired; start it again.');
    }
    const config = await this.configuration();
    const callback = new URL(this.redirectUri());
    callback.search = query.toString();
    let claims: client.IDToken | undefined;
    let names: string[] = [];
    try {
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: pending.verifier, expectedNonce: pending.nonce, expectedState: state, idTokenExpected: true,
      });
      claims = tokens.claims();
      if (!claims) throw new OidcError(401, 'Unauthorized', 'The identity provider returned no ID token.');
      names = namesIn(claims);
      // Many issuers put the email and user name only in the userinfo answer, not in the ID token.
      if (typeof claims.email !== 'string' && config.serverMetadata().userinfo_endpoint) {
        names = [...new Set([...names, ...namesIn(await client.fetchUserInfo(config, tokens.access_token, claims.sub))])];
      }
    } catch (e) {
      if (e instanceof OidcError) throw e;
      if (e instanceof client.AuthorizationResponseError) {
        throw new OidcError(401, 'Unauthorized', `The identity provider did not sign you in: ${e.error_description ?? e.error}.`);
      }
      const message = e instanceof Error ? e.message : String(e);
      if (unreachable(e)) {
        this.log('oidc.token-failed', { issuer: this.options.issuer, error: message });
        throw new OidcError(502, 'Unavailable', 'The identity provider could not be reached to finish the sign-in; try again.');
      }
      this.log('oidc.token-rejected', { issuer: this.options.issuer, error: message });
      throw new OidcError(401, 'Unauthorized', `The identity provider's answer was not accepted: ${message}`);
    }
    return { subject: `${claims.iss}|${claims.sub}`, names, returnTo: pending.returnTo };
  }

  private async configuration(): Promise<client.Configuration> {
    if (this.config) return this.config;
    if (!this.discovering) {
      if (this.lastFailure && this.clock() - this.lastFailure.at < DISCOVERY_RETRY_MS) throw this.unavailable(this.lastFailure.message);
      this.discovering = this.discover().finally(() => { this.discovering = null; });
    }
    return this.discovering;
  }

  private async discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.options;
    try {
      const url = new URL(issuer);
      const config = await client.discovery(
        url, clientId, { redirect_uris: [this.redirectUri()], response_types: ['code'] },
        clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
        { timeout: 5, ...(url.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}) },
      );
      this.config = config;
      this.lastFailure = null;
      this.log('oidc.ready', { issuer: config.serverMetadata().issuer, clientId });
      return config;
    } catch (e) {
      const message = e instanceof Error ? describe(e) : String(e);
      this.lastFailure = { at: this.clock(), message };
      this.log('oidc.discovery-failed', { issuer, error: message });
      throw this.unavailable(message);
    }
  }

  private unavailable(reason: string): OidcError {
    return new OidcError(503, 'Unavailable', `OpenID Connect sign-in is unavailable: the identity provider ${this.options.issuer} could not be reached (${reason}). Sign in with a password, or try again later.`);
  }
}

/** The names that may equal a cloud user's UPN: `email` (unless marked unverified), `preferred_username`, `upn`. */
function namesIn(claims: Readonly<Record<string, unknown>>): string[] {
  const names: string[] = [];
  if (typeof claims.email === 'string' && claims.email_verified !== false) names.push(claims.email);
  for (const claim of ['preferred_username', 'upn']) {
    const v = claims[claim];
    if (typeof v === 'string') names.push(v);
  }
  return [...new Set(names.filter((n) => n.length > 0))];
}

/** A network failure or timeout talking to the issuer, as opposed to an answer that was refused. */
function unreachable(e: unknown): boolean {
  if (e instanceof DOMException) return e.name === 'TimeoutError' || e.name === 'AbortError';
  return e instanceof TypeError && e.message === 'fetch failed';
}

/** fetch's 'fetch failed' hides the reason (ECONNREFUSED…) in its cause. */
function describe(e: Error): string {
  const cause = e.cause instanceof Error ? e.cause : null;
  const code = cause && 'code' in cause && typeof cause.code === 'string' ? cause.code : '';
  return cause ? `${e.message}: ${cause.message || code}` : e.message;
}
