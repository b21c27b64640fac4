import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { WebSocket } from 'ws';
import type { DeviceFacts, SiteMessage } from '@openpivot/protocol';

/**
 * For tests only: one agent connection spoken by hand over a real WebSocket to a site, so a test decides
 * exactly what a device sends (hostile frames, or the rows it answers with). Every site message is kept,
 * in order, for the test to take.
 */
export type AgentKey = { readonly publicKey: string; readonly privateKey: KeyObject };

export const newAgentKey = (): AgentKey => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), privateKey };
};

export const agentFacts = (name: string): DeviceFacts => ({ name, platform: 'linux', os: 'Debian GNU/Linux', osVersion: '12', agentVersion: '0.1.0', ip: '127.0.0.1' });

export class RawAgent {
  private readonly closing: Promise<{ code: number; reason: string }>;
  private readonly inbox: SiteMessage[] = [];
  private wake: (() => void) | null = null;
  nonce = Buffer.alloc(0);

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      this.inbox.push(JSON.parse(d.toString()) as SiteMessage);
      this.wake?.();
    });
    this.closing = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on('error', () => undefined); // a refused frame may surface here too; `closed` says what happened
  }

  /** How the site closed this connection; rejects if it is still open after `timeoutMs`. */
  closed(timeoutMs = 5_000): Promise<{ code: number; reason: string }> {
    return Promise.race([
      this.closing,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the site did not close the connection within ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
  }

  /** A connection to the site at `siteUrl` (http://…), past its challenge. */
  static async open(siteUrl: string): Promise<RawAgent> {
    const a = new RawAgent(new WebSocket(`${siteUrl.replace('http', 'ws')}/agent`, { perMessageDeflate: false, maxPayload: 64 * 1024 * 1024 }));
    const c = await a.next('challenge');
    a.nonce = Buffer.from(c.nonce, 'base64');
    return a;
  }

  /** The next message of kind `t` (and matching `when`); earlier messages of other kinds stay queued. */
  async next<T extends SiteMessage['t']>(t: T, when: (m: Extract<SiteMessage, { t: T }>) => boolean = () => true, timeoutMs = 5_000): Promise<Extract<SiteMessage, { t: T }>> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const i = this.inbox.findIndex((m) => m.t === t && when(m as Extract<SiteMessage, { t: T }>));
      if (i >= 0) return this.inbox.splice(i, 1)[0] as Extract<SiteMessage, { t: T }>;
      if (Date.now() > until) throw new Error(`no '${t}' message within ${timeoutMs} ms; got ${JSON.stringify(this.inbox.map((m) => m.t))}`);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 50);
      });
    }
  }

  send(value: unknown): void {
    this.ws.send(typeof value === 'string' || Buffer.isBuffer(value) ? value : JSON.stringify(value));
  }

  signature(key: AgentKey): string {
    return sign(null, this.nonce, key.privateKey).toString('base64');
  }

  async enroll(token: string, key: AgentKey, name: string): Promise<number> {
    this.send({ t: 'enroll', token, publicKey: key.publicKey, signature: this.signature(key), facts: agentFacts(name) });
    return (await this.next('welcome')).deviceId;
  }

  async auth(deviceId: number, key: AgentKey, name: string): Promise<void> {
    this.send({ t: 'auth', deviceId, signature: this.signature(key), facts: agentFacts(name) });
    await this.next('welcome');
  }

  /** Takes operation `opId`'s query and answers it with `rows` (the device part's first part) in one chunk. */
  async answer(opId: number, rows: readonly unknown[][]): Promise<void> {
    await this.next('query', (q) => q.opId === opId);
    this.send({ t: 'chunk', opId, seq: 0, part: 0, rows });
    await this.next('ack', (m) => m.opId === opId && m.seq === 0);
    this.send({ t: 'done', opId, seq: 1, rows: rows.length, truncated: false, warnings: [] });
    await this.next('ack', (m) => m.opId === opId && m.seq === 1);
  }
}
