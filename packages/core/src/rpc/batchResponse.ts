/**
 * Matching a JSON-RPC answer to the calls of its batch: by id, a per-call node error failing (or
 * retrying) only that call, a batch-level error failing the calls without an answer.
 */
import { type RpcErrorType, RpcInvalidResponseError } from "../errors/rpc.js"
import { Ok, type Result } from "../result.js"
import { classifyRpcError } from "./classify.js"
import type { PendingCall } from "./clientTypes.js"
import type { EndpointHealth } from "./endpointHealth.js"

type JsonRpcResponse = { id?: unknown; result?: unknown; error?: unknown }

/**
 * Settles (or hands to `retryOrFail`) every call of a batch from the endpoint's answer, and
 * feeds the endpoint's health: a JSON-RPC-level rate limit, and the head of `eth_blockNumber`.
 *
 * @example
 * settleBatchResponse({ calls, payload, endpoint: "http://127.0.0.1:8545", index: 0, health, settle, retryOrFail })
 */
export function settleBatchResponse(parameters: {
  calls: readonly PendingCall[]
  payload: unknown
  /** The endpoint as configured (named in errors). */
  endpoint: string
  index: number
  health: EndpointHealth
  settle(call: PendingCall, result: Result<unknown, RpcErrorType>): void
  retryOrFail(call: PendingCall, error: RpcErrorType): void
}): void {
  const { calls, payload, endpoint, index, health, settle, retryOrFail } = parameters
  const responses = new Map<unknown, JsonRpcResponse>()
  let batchError: unknown
  for (const response of Array.isArray(payload) ? payload : [payload]) {
    if (typeof response !== "object" || response === null) continue
    const { id, error } = response as JsonRpcResponse
    if (id === null && error !== undefined) batchError = error
    else responses.set(id, response as JsonRpcResponse)
  }
  let rateLimitedInBatch = false
  for (const call of calls) {
    const context = { method: call.method, endpoint }
    const response = responses.get(call.id)
    if (response === undefined) {
      retryOrFail(
        call,
        batchError !== undefined
          ? classifyRpcError(batchError, context)
          : (new RpcInvalidResponseError({
              ...context,
              reason: `no response for id ${call.id}`,
            }) as RpcErrorType),
      )
      continue
    }
    if (response.error !== undefined && response.error !== null) {
      const error = classifyRpcError(response.error, context)
      // A JSON-RPC-level rate limit (-32005 …) benches the endpoint like an HTTP 429 does.
      if (error.code === "RPC_RATE_LIMITED" && !rateLimitedInBatch) {
        rateLimitedInBatch = true
        health.recordFailure(index)
      }
      retryOrFail(call, error)
      continue
    }
    if (!("result" in response)) {
      retryOrFail(
        call,
        new RpcInvalidResponseError({
          ...context,
          reason: "response has neither result nor error",
        }) as RpcErrorType,
      )
      continue
    }
    if (call.method === "eth_blockNumber" && typeof response.result === "string") {
      try {
        health.reportHead(index, BigInt(response.result))
      } catch {
        // A malformed head is the caller's problem to see; health ignores it.
      }
    }
    settle(call, Ok(response.result))
  }
}
