import type { Store } from '../store/index.js';
import type { Authenticator, Principal } from '../auth/authenticate.js';
import type { Auditor, Actor } from '../audit.js';
import type { OperationService } from '../operations/operation-service.js';
import type { Bus } from '../cluster/bus.js';
import type { AgentHub } from '../agents/agent-hub.js';
import type { Log } from '@openpivot/server';

/** What every route needs, built once by the site. */
export interface SiteContext {
  readonly store: Store;
  readonly auth: Authenticator;
  readonly auditor: Auditor;
  readonly operations: OperationService;
  readonly bus: Bus;
  readonly hub: AgentHub;
  readonly log: Log;
  readonly clock: () => number;
  readonly nodeId: string;
  readonly settings: {
    /** Default operation window (CMPivot: one hour). */
    readonly operationTimeoutMs: number;
    /** A device whose last heartbeat is older than this is offline, whatever its flag says. */
    readonly staleAfterMs: number;
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on every /AdminService route. */
    principal: Principal | null;
  }
}

export type { Principal, Actor };
