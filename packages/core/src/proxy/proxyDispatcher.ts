import { socksDispatcher } from "fetch-socks"
import { type Dispatcher, ProxyAgent } from "undici"
import { labelDispatcher } from "../rpc/dispatcherLabel.js"
import type { ProxyEndpoint } from "./proxyList.js"

/**
 * Tuning of {@link createProxyDispatcher}.
 *
 * @example
 * createProxyDispatcher(proxy, { connectTimeoutMs: 3000 })
 */
export type ProxyDispatcherOptions = {
  /** TCP connect timeout to the proxy (and, for SOCKS, the handshake). Default 10 000 ms. */
  connectTimeoutMs?: number
}

/**
 * Builds an undici dispatcher that sends every request through the proxy: undici's
 * `ProxyAgent` (CONNECT tunnels, Basic proxy auth) for http/https proxies, `fetch-socks`
 * (the `socks` client under an undici Agent, username/password auth) for socks4/socks5/socks5h.
 * The dispatcher is labelled with the proxy URL so RPC errors can blame the proxy.
 *
 * @example
 * const dispatcher = createProxyDispatcher(parseProxyUrl("socks5://u:p@127.0.0.1:1080").unwrap())
 * const client = createRpcClient({ endpoints: [url], dispatcher })
 */
export function createProxyDispatcher(
  proxy: ProxyEndpoint,
  options: ProxyDispatcherOptions = {},
): Dispatcher {
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000
  if (proxy.protocol.startsWith("socks")) {
    const dispatcher = socksDispatcher(
      {
        // SOCKS4 has a user id and no password; the socks client ignores `password` there.
        type: proxy.protocol === "socks4" ? 4 : 5,
        host: proxy.host,
        port: proxy.port,
        ...(proxy.username === undefined ? {} : { userId: proxy.username }),
        ...(proxy.password === undefined ? {} : { password: proxy.password }),
      },
      { connect: { timeout: connectTimeoutMs } },
    )
    return labelDispatcher(dispatcher, proxy.url)
  }
  const uri = `${proxy.protocol}://${proxy.host.includes(":") ? `[${proxy.host}]` : proxy.host}:${proxy.port}`
  const token =
    proxy.username === undefined
      ? undefined
      : `Basic ${Buffer.from(`${proxy.username}:${proxy.password ?? ""}`).toString("base64")}`
  const dispatcher = new ProxyAgent({
    uri,
    ...(token === undefined ? {} : { token }),
    connectTimeout: connectTimeoutMs,
  })
  return labelDispatcher(dispatcher, proxy.url)
}
