import { createServer, type Server } from 'node:http';
import { randomBytes, createPublicKey, verify } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { AttachRequest, CONNECTOR_PROTOCOL_VERSION, parseConnectorMessage, validate, type CloudMessage, type ConnectorMessage } from '@openpivot/protocol';

/**
 * For tests: the cloud's side of the connector protocol, spoken by hand over a real HTTP server and
 * WebSocket — `POST /connector/attach` spends codes and keeps public keys, `/connector` challenges,
 * checks the signature and welcomes. Every message the site sends is kept, in order, for the test.
 */
export class TestCloudPeer {
  readonly attached = new Map<string, { publicKey: string; request: AttachRequest }>();
  readonly codes = new Set<string>();
  /** Messages from the site on every connection, with the connection they came on. */
  readonly inbox: { readonly conn: number; readonly m: ConnectorMessage }[] = [];
  readonly closes: { readonly conn: number; readonly code: number; readonly reason: string }[] = [];
  readonly sockets = new Map<number, WebSocket>();
  /** Site messages that broke the protocol's schemas (each closed its connection with 4400). */
  readonly invalid: string[] = [];
  heartbeatMs = 200;
  private connections = 0;
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

  private constructor(private readonly server: Server) {}

  /** On `port` (0: any free one); `from` hands over the connectors attached to an earlier peer (a restart). */
  static async start(port = 0, from?: TestCloudPeer): Promise<TestCloudPeer> {
    const server = createServer();
    const peer = new TestCloudPeer(server);
    if (from) for (const [id, a] of from.attached) peer.attached.set(id, a);
    server.on('request', (req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        const answer = (status: number, value: unknown): void => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(value));
        };
        if (req.method !== 'POST' || req.url !== '/connector/attach') return answer(404, { error: { code: 'NotFound', message: 'no such route' } });
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(body);
        } catch {
          // answered below
        }
        const r = validate(AttachRequest, parsed);
        if (!r.ok) return answer(400, { error: { code: 'BadRequest', message: 'The request body is not valid.' } });
        if (!peer.codes.delete(r.value.code)) return answer(403, { error: { code: 'Forbidden', message: 'The attach code is not valid: unknown, used or expired.' } });
        const connectorId = `conn-${peer.attached.size + 1}`;
        peer.attached.set(connectorId, { publicKey: r.value.publicKey, request: r.value });
        return answer(200, { connectorId, tenantId: 'tenant-1', tenantName: 'Contoso' });
      });
    });
    server.on('upgrade', (req, socket, head) => {
      if (req.url !== '/connector') return socket.destroy();
      peer.wss.handleUpgrade(req, socket, head, (ws) => peer.onConnection(ws));
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return peer;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The latest connection's number (1-based); 0 before any. */
  get latest(): number {
    return this.connections;
  }

  send(conn: number, m: CloudMessage | string): void {
    this.sockets.get(conn)?.send(typeof m === 'string' ? m : JSON.stringify(m));
  }

  /** The next message of kind `t` from the site (optionally on one connection and matching `when`). */
  async next<T extends ConnectorMessage['t']>(t: T, when: (m: Extract<ConnectorMessage, { t: T }>, conn: number) => boolean = () => true, timeoutMs = 5_000): Promise<Extract<ConnectorMessage, { t: T }> & { conn: number }> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const i = this.inbox.findIndex((e) => e.m.t === t && when(e.m as Extract<ConnectorMessage, { t: T }>, e.conn));
      if (i >= 0) {
        const e = this.inbox.splice(i, 1)[0]!;
        return { ...(e.m as Extract<ConnectorMessage, { t: T }>), conn: e.conn };
      }
      if (Date.now() > until) throw new Error(`no '${t}' message within ${timeoutMs} ms; got ${JSON.stringify(this.inbox.map((e) => e.m.t))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Drops every connection without a close handshake, as a crashed cloud would. */
  dropAll(): void {
    for (const ws of this.sockets.values()) ws.terminate();
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onConnection(ws: WebSocket): void {
    const conn = ++this.connections;
    this.sockets.set(conn, ws);
    const nonce = randomBytes(32);
    let authed = false;
    ws.on('close', (code, reason) => {
      this.sockets.delete(conn);
      this.closes.push({ conn, code, reason: reason.toString() });
    });
    ws.on('message', (data) => {
      const parsed = parseConnectorMessage(data.toString());
      if (!parsed.ok) {
        this.invalid.push(data.toString().slice(0, 500));
        return ws.close(4400, 'bad message');
      }
      const m = parsed.value;
      if (!authed) {
        const known = m.t === 'auth' ? this.attached.get(m.connectorId) : undefined;
        if (m.t !== 'auth' || !known || !verifyOn(known.publicKey, nonce, m.signature)) return ws.close(4401, 'unauthorized');
        authed = true;
        this.inbox.push({ conn, m });
        return ws.send(JSON.stringify({ t: 'welcome', tenantId: 'tenant-1', heartbeatMs: this.heartbeatMs }));
      }
      this.inbox.push({ conn, m });
    });
    ws.send(JSON.stringify({ t: 'challenge', v: CONNECTOR_PROTOCOL_VERSION, nonce: nonce.toString('base64') }));
  }
}

function verifyOn(publicKeyB64: string, nonce: Buffer, signatureB64: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyB64, 'base64'), format: 'der', type: 'spki' });
    return verify(null, nonce, key, Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}
