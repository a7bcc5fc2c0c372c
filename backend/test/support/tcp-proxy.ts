import { createServer, type Server, type Socket, connect } from 'node:net';

/**
 * A TCP relay between the API and a real service, which a test can cut and restore to
 * simulate the service going away while the API runs.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private port = 0;
  private budget?: { bytes: number; reached: () => void };

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** Starts relaying; on a restart, listens on the same port as before. */
  async start(): Promise<number> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.on('data', (chunk: Buffer) => {
        if (this.budget) {
          this.budget.bytes -= chunk.length;
          if (this.budget.bytes <= 0) {
            this.budget.reached();
            return;
          }
        }
        upstream.write(chunk);
      });
      client.on('end', () => upstream.end());
      upstream.pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    this.server = server;

    return this.port;
  }

  /**
   * Cuts every connection, as `cut` does, once this many more bytes have gone towards the
   * service: the service disappears in the middle of a request.
   */
  cutAfter(bytes: number): Promise<void> {
    return new Promise((resolve) => {
      this.budget = {
        bytes,
        reached: () => {
          this.budget = undefined;
          void this.cut().then(resolve);
        },
      };
    });
  }

  /** Drops every open connection and refuses new ones. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) {
      socket.destroy();
    }
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}
