import { createServer } from "node:http"
import { createProxy } from "proxy"
import { listenOnLoopback } from "./loopbackListener.js"

/**
 * Options of {@link startHttpProxy}.
 *
 * @example
 * await startHttpProxy({ auth: { username: "alice", password: "pw" } })
 */
export type HttpProxyOptions = {
  /** Require Basic proxy authentication with these credentials. */
  auth?: { username: string; password: string }
}

/**
 * A running HTTP/HTTPS (CONNECT) proxy on loopback.
 *
 * @example
 * const proxy: HttpProxyServer = await startHttpProxy()
 * expect(proxy.proxiedRequests).toBeGreaterThan(0)
 */
export type HttpProxyServer = {
  /** `http://127.0.0.1:PORT` (no credentials). */
  url: string
  /** The URL with credentials, for clients: `http://user:password@127.0.0.1:PORT`. */
  urlWith(username: string, password: string): string
  /** TCP connections accepted. */
  readonly connections: number
  /** Requests forwarded or tunnelled (CONNECT) after authentication succeeded. */
  readonly proxiedRequests: number
  /** Requests rejected with 407. */
  readonly authFailures: number
  close(): Promise<void>
}

/**
 * Starts a real HTTP proxy (the npm `proxy` package: plain forwarding and CONNECT tunnels) on
 * 127.0.0.1, optionally with Basic authentication, counting connections and proxied
 * requests so tests can prove traffic really went through it.
 *
 * @example
 * const proxy = await startHttpProxy({ auth: { username: "alice", password: "pw" } })
 * const dispatcher = new ProxyAgent(proxy.urlWith("alice", "pw"))
 * await proxy.close()
 */
export async function startHttpProxy(options: HttpProxyOptions = {}): Promise<HttpProxyServer> {
  const server = createProxy(createServer())
  let connections = 0
  let proxiedRequests = 0
  let authFailures = 0
  const expected =
    options.auth === undefined
      ? undefined
      : `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString("base64")}`
  server.authenticate = (request) => {
    const ok = expected === undefined || request.headers["proxy-authorization"] === expected
    if (ok) proxiedRequests += 1
    else authFailures += 1
    return ok
  }
  const listening = await listenOnLoopback(server, {
    onConnection: () => {
      connections += 1
    },
  })
  const port = listening.port
  return {
    url: `http://127.0.0.1:${port}`,
    urlWith: (username, password) =>
      `http://${encodeURIComponent(username)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    get connections() {
      return connections
    },
    get proxiedRequests() {
      return proxiedRequests
    },
    get authFailures() {
      return authFailures
    },
    close: listening.close,
  }
}
