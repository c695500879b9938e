import { ProxyAuthFailedError, ProxyUnreachableError } from "../errors/proxy.js"

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = []
  let current: unknown = error
  while (current !== undefined && current !== null && chain.length < 8 && !chain.includes(current)) {
    chain.push(current)
    current = (current as { cause?: unknown }).cause
  }
  return chain
}

function textOf(error: unknown): { message: string; code: string; name: string } {
  const record = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>
  return {
    message: typeof record.message === "string" ? record.message : String(error),
    code: typeof record.code === "string" ? record.code : "",
    name: typeof record.name === "string" ? record.name : "",
  }
}

const unreachableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EPIPE",
])

/**
 * Recognises a failure that happened in the proxy hop of a request made through an undici
 * `ProxyAgent` or a `fetch-socks` dispatcher: authentication rejected (HTTP 407, SOCKS5
 * user/password), tunnel refused, proxy not listening. Returns undefined for errors that do
 * not involve the proxy (e.g. the target's own HTTP status).
 *
 * @example
 * const failure = detectProxyFailure(error, "socks5://user:pass@127.0.0.1:1080")
 * if (failure?.code === "PROXY_AUTH_FAILED") console.error(failure.message)
 */
export function detectProxyFailure(
  error: unknown,
  proxy: string,
): ProxyAuthFailedError | ProxyUnreachableError | undefined {
  const protocol = proxy.startsWith("socks") ? "socks5" : "http"
  for (const link of causeChain(error)) {
    const { message, code, name } = textOf(link)
    if (/\b407\b/.test(message) && /proxy/i.test(message))
      return new ProxyAuthFailedError({ proxy, protocol, cause: error })
    if (/socks5? authentication failed/i.test(message))
      return new ProxyAuthFailedError({ proxy, protocol, cause: error })
    const tunnel = /Proxy response \((\d+)\) !== 200/.exec(message)
    if (tunnel)
      return new ProxyUnreachableError({
        proxy,
        reason: `tunnel refused with HTTP ${tunnel[1]}`,
        cause: error,
      })
    if (name === "SocksClientError" || /^socks/i.test(message)) {
      return new ProxyUnreachableError({ proxy, reason: message.replace(/\.$/, ""), cause: error })
    }
    if (unreachableCodes.has(code)) return new ProxyUnreachableError({ proxy, reason: code, cause: error })
    // fetch-socks rethrows the connect failure to the proxy as a plain Error whose message alone
    // names it ("connect ECONNREFUSED 127.0.0.1:1080"): with SOCKS, the only TCP connect is the proxy's.
    const connectFailure = /\bconnect (E[A-Z]+)\b/.exec(message)?.[1]
    if (protocol === "socks5" && connectFailure !== undefined && unreachableCodes.has(connectFailure))
      return new ProxyUnreachableError({ proxy, reason: connectFailure, cause: error })
    // Only a connect timeout is the proxy's fault; a slow answer may be the target's.
    if (code === "UND_ERR_CONNECT_TIMEOUT") {
      return new ProxyUnreachableError({ proxy, reason: "connect timed out", cause: error })
    }
  }
  return undefined
}
