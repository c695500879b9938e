import { type Dispatcher, request } from "undici"
import type { ProxyAuthFailedErrorType, ProxyUnreachableErrorType } from "../errors/proxy.js"
import { ProxyUnreachableError } from "../errors/proxy.js"
import type { RpcErrorType } from "../errors/rpc.js"
import { postJsonRpc, prepareEndpoint } from "../rpc/httpTransport.js"
import { detectProxyFailure } from "../rpc/proxyFailure.js"
import type { ProxyEndpoint } from "./proxyList.js"

/**
 * What a health check requests through the proxy.
 *
 * @example
 * const target: ProxyCheckTarget = { rpcUrl: "https://rpc.example.org", timeoutMs: 3000 }
 */
export type ProxyCheckTarget =
  /** A JSON-RPC `eth_chainId` to the chain's endpoint (proves the whole path works). */
  | { rpcUrl: string; timeoutMs?: number }
  /** A GET to any URL; any HTTP status below 500 counts as reachable. */
  | { url: string; timeoutMs?: number }

/**
 * The outcome of one check.
 *
 * @example
 * const result: ProxyCheckResult = await checkProxy(proxy, dispatcher, target)
 * if (!result.ok) console.log(result.error.code)
 */
export type ProxyCheckResult =
  | { ok: true; latencyMs: number; chainId?: number }
  | {
      ok: false
      latencyMs: number
      error: ProxyAuthFailedErrorType | ProxyUnreachableErrorType | RpcErrorType
    }

/**
 * Checks one proxy by sending a request through its dispatcher. A failure in the proxy hop is
 * reported as a proxy error (auth failed / unreachable); a failure of the target behind a
 * working proxy as the RPC error — `ok` is false either way.
 *
 * @example
 * const result = await checkProxy(proxy, dispatcher, { rpcUrl: "http://127.0.0.1:8545" })
 * if (!result.ok) console.log(result.error.message)
 */
export async function checkProxy(
  proxy: ProxyEndpoint,
  dispatcher: Dispatcher,
  target: ProxyCheckTarget,
): Promise<ProxyCheckResult> {
  const timeoutMs = target.timeoutMs ?? 5_000
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  if ("rpcUrl" in target) {
    const answer = await postJsonRpc({
      endpoint: prepareEndpoint(target.rpcUrl),
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      method: "eth_chainId",
      timeoutMs,
      dispatcher,
      proxy: proxy.url,
    })
    if (answer.isErr()) {
      const proxyError = answer.error.walk((cause) => {
        const code = (cause as { code?: unknown }).code
        return code === "PROXY_AUTH_FAILED" || code === "PROXY_UNREACHABLE"
      }) as ProxyAuthFailedErrorType | ProxyUnreachableErrorType | undefined
      return { ok: false, latencyMs: elapsed(), error: proxyError ?? answer.error }
    }
    const result = (answer.value as { result?: unknown }).result
    return {
      ok: true,
      latencyMs: elapsed(),
      ...(typeof result === "string" ? { chainId: Number(result) } : {}),
    }
  }
  try {
    const response = await request(target.url, {
      method: "GET",
      dispatcher,
      signal: AbortSignal.timeout(timeoutMs),
    })
    await response.body.dump()
    if (response.statusCode >= 500) {
      return {
        ok: false,
        latencyMs: elapsed(),
        error: new ProxyUnreachableError({
          proxy: proxy.url,
          reason: `check URL answered HTTP ${response.statusCode}`,
        }) as ProxyUnreachableErrorType,
      }
    }
    return { ok: true, latencyMs: elapsed() }
  } catch (error) {
    const failure =
      detectProxyFailure(error, proxy.url) ??
      new ProxyUnreachableError({ proxy: proxy.url, reason: "request failed", cause: error })
    return {
      ok: false,
      latencyMs: elapsed(),
      error: failure as ProxyAuthFailedErrorType | ProxyUnreachableErrorType,
    }
  }
}

/**
 * Runs `task` over `items` with at most `concurrency` running at once; results keep the
 * input order.
 *
 * @example
 * const results = await mapWithConcurrency(proxies, 8, (proxy) => checkProxy(proxy, dispatcherOf(proxy), target))
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index] as T, index)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker))
  return results
}
