import type { BaseError } from "../errors/base.js"
import type { Result } from "../result.js"
import type { RpcRequester } from "../rpc/requester.js"
import { observeRpcRequest } from "./observeRunner.js"
import type { RunMetrics } from "./runMetrics.js"

type Rpc = RpcRequester

/**
 * Wraps an RPC client so every request's latency lands in
 * `testnet_rpc_request_duration_seconds{method,outcome}` (outcome `ok` or the error code).
 * The other members of the client are passed through unchanged.
 *
 * @example
 * const rpc = instrumentRpc(createRpcClient({ endpoints }), metrics)
 * await rpc.request("eth_blockNumber", [])
 */
export function instrumentRpc<Client extends Rpc>(client: Client, metrics: RunMetrics): Client {
  async function request<T = unknown>(
    method: string,
    params: readonly unknown[],
    options?: { signal?: AbortSignal; from?: string; timeoutMs?: number; priority?: "normal" | "high" },
  ): Promise<Result<T, BaseError>> {
    const startedAt = performance.now()
    const result = await client.request<T>(method, params, options)
    observeRpcRequest(
      metrics,
      method,
      result.isOk() ? undefined : result.error.code,
      performance.now() - startedAt,
    )
    return result
  }
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "request") return request
      const value: unknown = Reflect.get(target, property, receiver)
      return typeof value === "function" ? value.bind(target) : value
    },
  })
}
