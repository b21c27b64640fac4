import type { WebSocket } from 'ws';

/**
 * Drops WebSocket peers that went silent. A peer behind a dead link (a cable pulled, a VM paused) never
 * sends a close, so every `intervalMs` each socket is pinged, and one that answered neither that ping
 * (pong) nor with any message since the previous sweep is terminated. Both server endpoints (the site's
 * agent channel, the cloud's connector channel) use it.
 */
export class SocketLiveness {
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly timer: NodeJS.Timeout;

  /** `sockets` is read at each sweep: the server's current clients. */
  constructor(private readonly sockets: () => Iterable<WebSocket>, intervalMs: number) {
    this.timer = setInterval(() => this.sweep(), intervalMs);
    this.timer.unref();
  }

  /** Starts watching a new connection: it counts as alive until it misses a ping. */
  watch(socket: WebSocket): void {
    this.alive.set(socket, true);
    socket.on('pong', () => this.alive.set(socket, true));
  }

  /** Any message from the peer proves it alive as well as a pong does. */
  heard(socket: WebSocket): void {
    this.alive.set(socket, true);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sweep(): void {
    for (const ws of this.sockets()) {
      if (this.alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }
}
