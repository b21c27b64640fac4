/**
 * The little of `oidc-provider` (a real OpenID Connect issuer, a devDependency: the OpenID Connect
 * sign-in test runs against it) that the tests use; the package ships no types.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface AccountClaims {
    readonly sub: string;
    readonly [claim: string]: unknown;
  }
  export interface Account {
    readonly accountId: string;
    claims(use: string, scope: string): Promise<AccountClaims> | AccountClaims;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Readonly<Record<string, unknown>> & {
      findAccount?: (ctx: unknown, sub: string) => Promise<Account | undefined> | Account | undefined;
    });
    readonly issuer: string;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
