import type { Log } from '@openpivot/server';
import type { CloudStore, CloudUserRecord } from '../store/store.js';
import type { CloudAuthenticator } from '../auth/cloud-auth.js';
import type { CloudAuditor } from '../audit.js';
import type { Relay } from '../relay/relay.js';
import type { CloudBus } from '../cluster/cloud-bus.js';
import type { OidcSignIn } from '../auth/oidc.js';

export interface CloudSettings {
  /** How long a signed-in session lasts. */
  readonly sessionMs: number;
  /** How long an attach code may wait to be spent. */
  readonly attachCodeMs: number;
}

/** What the cloud's routes share. */
export interface CloudContext {
  readonly store: CloudStore;
  readonly auth: CloudAuthenticator;
  readonly auditor: CloudAuditor;
  readonly relay: Relay;
  readonly bus: CloudBus;
  readonly log: Log;
  readonly clock: () => number;
  readonly settings: CloudSettings;
  /** OpenID Connect sign-in, when an issuer is configured. */
  readonly oidc?: OidcSignIn;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The routes of the cloud's API, method and URL pattern (`/AdminService/v1.0/Device/:id`). */
    routeList: readonly { readonly method: string; readonly url: string }[];
  }
  interface FastifyRequest {
    /** The signed-in cloud user, set by the authentication hook. */
    user: CloudUserRecord | null;
  }
}
