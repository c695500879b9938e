import type { Server } from "node:net"
import { createServer, defaultConnectionHandler } from "@pondwader/socks5-server"

/**
 * Options of {@link startSocks5Proxy}.
 *
 * @example
 * await startSocks5Proxy({ auth: { username: "bob", password: "pw" } })
 */
export type Socks5ProxyOptions = {
  /** Require SOCKS5 username/password authentication (RFC 1929). */
  auth?: { username: string; password: string }
}

/**
 * A running SOCKS5 proxy on loopback.
 *
 * @example
 * const socks: Socks5ProxyServer = await startSocks5Proxy()
 * expect(socks.connections).toBeGreaterThan(0)
 */
export type Socks5ProxyServer = {
  /** `socks5://127.0.0.1:PORT` (no credentials). */
  url: string
  /** `socks5://user:password@127.0.0.1:PORT`. */
  urlWith(username: string, password: string): string
  /** CONNECT commands that were authenticated and forwarded. */
  readonly connections: number
  /** Username/password attempts rejected. */
  readonly authFailures: number
  close(): Promise<void>
}

/**
 * Starts a real SOCKS5 server (`@pondwader/socks5-server`) on 127.0.0.1, optionally with
 * username/password authentication, counting forwarded connections and rejected logins.
 *
 * @example
 * const socks = await startSocks5Proxy({ auth: { username: "bob", password: "pw" } })
 * const dispatcher = socksDispatcher({ type: 5, host: "127.0.0.1", port: Number(new URL(socks.url).port), userId: "bob", password: "pw" })
 * await socks.close()
 */
export async function startSocks5Proxy(options: Socks5ProxyOptions = {}): Promise<Socks5ProxyServer> {
  const server = createServer()
  const sockets = new Set<{ destroy(): void }>()
  let connections = 0
  let authFailures = 0
  const auth = options.auth
  if (auth !== undefined) {
    server.setAuthHandler((connection) => {
      const ok = connection.username === auth.username && connection.password === auth.password
      if (!ok) authFailures += 1
      return ok
    })
  }
  server.setConnectionHandler((connection, sendStatus) => {
    connections += 1
    sockets.add(connection.socket)
    connection.socket.on("close", () => sockets.delete(connection.socket))
    const upstream = defaultConnectionHandler(connection, sendStatus)
    if (upstream) {
      sockets.add(upstream)
      upstream.on("close", () => sockets.delete(upstream))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()))
  // The library keeps its net.Server in a private field; the port is only there.
  const inner = (server as unknown as { server: Server }).server
  const address = inner.address()
  const port = typeof address === "object" && address !== null ? address.port : 0
  return {
    url: `socks5://127.0.0.1:${port}`,
    urlWith: (username, password) =>
      `socks5://${encodeURIComponent(username)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    get connections() {
      return connections
    },
    get authFailures() {
      return authFailures
    },
    close() {
      for (const socket of sockets) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
