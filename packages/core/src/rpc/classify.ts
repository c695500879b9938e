import { BaseError } from "../errors/base.js"
import {
  RpcAlreadyKnownError,
  type RpcAlreadyKnownErrorType,
  RpcConnectionRefusedError,
  type RpcErrorType,
  RpcExecutionRevertedError,
  RpcInsufficientFundsError,
  RpcIntrinsicGasTooLowError,
  RpcInvalidResponseError,
  RpcMethodNotFoundError,
  RpcNodeError,
  type RpcNodeErrorParameters,
  RpcNonceTooHighError,
  RpcNonceTooLowError,
  RpcRateLimitedError,
  RpcReplacementUnderpricedError,
  RpcTimeoutError,
} from "../errors/rpc.js"
import { detectProxyFailure } from "./proxyFailure.js"
import { decodeRevertData } from "./revertReason.js"

/**
 * Where the failed call went; used in messages (masked) and for proxy attribution.
 *
 * @example
 * classifyRpcError(error, { method: "eth_sendRawTransaction", endpoint: url, proxy: "socks5://127.0.0.1:1080" })
 */
export type ClassifyContext = {
  method?: string | undefined
  endpoint?: string | undefined
  /** The proxy the request went through, if any: connection failures are then attributed to it. */
  proxy?: string | undefined
}

/**
 * A JSON-RPC 2.0 `error` member.
 *
 * @example
 * const error: JsonRpcErrorObject = { code: -32003, message: "nonce too low" }
 */
export type JsonRpcErrorObject = { code: number; message: string; data?: unknown }

/**
 * True for a JSON-RPC `error` object (`{ code: number, message: string }`).
 *
 * @example
 * isJsonRpcErrorObject({ code: -32000, message: "nonce too low" }) // true
 */
export function isJsonRpcErrorObject(value: unknown): value is JsonRpcErrorObject {
  return (
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Error) &&
    typeof (value as { code?: unknown }).code === "number" &&
    typeof (value as { message?: unknown }).message === "string"
  )
}

/**
 * Node messages, matched case-insensitively, in priority order. Sources: anvil 1.7.1
 * (observed), geth core/error.go + core/txpool/errors.go, reth rpc-eth-types errors,
 * erigon/nethermind/besu where they differ, and provider rate-limit messages.
 */
const nodePatterns: readonly [RegExp, (parameters: RpcNodeErrorParameters) => RpcErrorType][] = [
  [
    /nonce too low|nonce is too low|nonce too small|oldnonce|nonce has already been used|transaction nonce is too low/,
    (parameters) => new RpcNonceTooLowError(parameters) as RpcErrorType,
  ],
  [
    /nonce too high|nonce is too high|noncetoohigh|nonce gap/,
    (parameters) => new RpcNonceTooHighError(parameters) as RpcErrorType,
  ],
  [
    /replacement transaction underpriced|replace transaction underpriced|replacement underpriced|replacementunderpriced/,
    (parameters) => new RpcReplacementUnderpricedError(parameters) as RpcErrorType,
  ],
  [
    /already known|already imported|alreadyknown|known transaction|existing tx with same hash|transaction already exists/,
    (parameters) => new RpcAlreadyKnownError(parameters) as RpcErrorType,
  ],
  [
    /insufficient funds|insufficient fee token balance|insufficientfunds/,
    (parameters) => new RpcInsufficientFundsError(parameters) as RpcErrorType,
  ],
  [
    /intrinsic gas too low|intrinsic gas|gas too low/,
    (parameters) => new RpcIntrinsicGasTooLowError(parameters) as RpcErrorType,
  ],
  [
    /rate limit|too many requests|limit exceeded|request rate|exceeded .*(capacity|quota)|daily request count/,
    (parameters) =>
      new RpcRateLimitedError({
        method: parameters.method,
        endpoint: parameters.endpoint,
        nodeMessage: parameters.nodeMessage,
      }) as RpcErrorType,
  ],
  [
    /method not found|method .* (does not exist|is not available|not supported)|unsupported method|unknown method/,
    (parameters) => new RpcMethodNotFoundError(parameters) as RpcErrorType,
  ],
]

function revertDataOf(data: unknown): string | undefined {
  if (typeof data === "string") return data.startsWith("0x") ? data : undefined
  if (typeof data === "object" && data !== null) {
    const nested = (data as { data?: unknown }).data
    if (typeof nested === "string") return revertDataOf(nested)
  }
  return undefined
}

function classifyNodeError(error: JsonRpcErrorObject, context: ClassifyContext): RpcErrorType {
  const parameters: RpcNodeErrorParameters = {
    method: context.method,
    endpoint: context.endpoint,
    nodeCode: error.code,
    nodeMessage: error.message,
    cause: error,
  }
  const message = error.message.toLowerCase()
  if (error.code === 3 || /execution reverted|^reverted|vm execution error|revert/.test(message)) {
    const data = revertDataOf(error.data)
    let reason = decodeRevertData(data)
    const inline = /execution reverted: (.+)$/i.exec(error.message)
    if (reason.kind === "empty" && inline?.[1] !== undefined) reason = { kind: "error", message: inline[1] }
    return new RpcExecutionRevertedError({ ...parameters, reason, data }) as RpcErrorType
  }
  if (error.code === -32601) return new RpcMethodNotFoundError(parameters) as RpcErrorType
  if (error.code === -32005 || error.code === 429) {
    return new RpcRateLimitedError({
      method: context.method,
      endpoint: context.endpoint,
      nodeMessage: error.message,
      cause: error,
    }) as RpcErrorType
  }
  for (const [pattern, create] of nodePatterns) if (pattern.test(message)) return create(parameters)
  return new RpcNodeError(parameters) as RpcErrorType
}

function chainOf(error: unknown): Record<string, unknown>[] {
  const chain: Record<string, unknown>[] = []
  let current: unknown = error
  while (
    typeof current === "object" &&
    current !== null &&
    chain.length < 8 &&
    !chain.includes(current as never)
  ) {
    chain.push(current as Record<string, unknown>)
    current = (current as { cause?: unknown }).cause
  }
  return chain
}

const timeoutCodes = new Set([
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CONNECT_TIMEOUT",
  "ETIMEDOUT",
])
const resetCodes = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "ECONNABORTED"])

function classifyThrown(error: unknown, context: ClassifyContext): RpcErrorType {
  const base = { method: context.method, endpoint: context.endpoint, cause: error }
  const chain = chainOf(error)
  const codes = chain.map((link) => (typeof link.code === "string" ? link.code : ""))
  const names = chain.map((link) => (typeof link.name === "string" ? link.name : ""))
  if (codes.some((code) => timeoutCodes.has(code)) || names.includes("TimeoutError")) {
    return new RpcTimeoutError(base) as RpcErrorType
  }
  // A proxy-layer error (e.g. all proxies banned) raised by a proxy manager's dispatcher.
  if (BaseError.isInstance(error) && error.code.startsWith("PROXY_")) {
    return new RpcConnectionRefusedError({ ...base, reason: "proxy" }) as RpcErrorType
  }
  if (context.proxy !== undefined) {
    const proxyFailure = detectProxyFailure(error, context.proxy)
    if (proxyFailure !== undefined) {
      return new RpcConnectionRefusedError({ ...base, reason: "proxy", cause: proxyFailure }) as RpcErrorType
    }
  }
  if (codes.includes("ECONNREFUSED"))
    return new RpcConnectionRefusedError({ ...base, reason: "refused" }) as RpcErrorType
  if (codes.some((code) => resetCodes.has(code))) {
    return new RpcConnectionRefusedError({ ...base, reason: "reset" }) as RpcErrorType
  }
  if (codes.includes("ENOTFOUND") || codes.includes("EAI_AGAIN")) {
    return new RpcConnectionRefusedError({ ...base, reason: "dns" }) as RpcErrorType
  }
  if (names.includes("AbortError")) return new RpcTimeoutError({ ...base, aborted: true }) as RpcErrorType
  const message = typeof chain[0]?.message === "string" ? chain[0].message : String(error)
  return new RpcInvalidResponseError({ ...base, reason: `unexpected failure (${message})` }) as RpcErrorType
}

/**
 * Classifies anything that went wrong with an RPC call into one of the Rpc error classes,
 * once, at the RPC edge. Accepts a JSON-RPC `error` object from a response, a thrown
 * transport error (undici, socket, abort, proxy), or an already classified Rpc error (returned
 * unchanged). The original is kept as `cause`.
 *
 * @example
 * const error = classifyRpcError({ code: -32003, message: "nonce too low" }, { method: "eth_sendRawTransaction" })
 * error.code // "RPC_NONCE_TOO_LOW"
 */
export function classifyRpcError(error: unknown, context: ClassifyContext = {}): RpcErrorType {
  if (BaseError.isInstance(error) && error.code.startsWith("RPC_")) return error as RpcErrorType
  if (isJsonRpcErrorObject(error)) return classifyNodeError(error, context)
  return classifyThrown(error, context)
}

/** Methods that must not be re-sent after the request may have reached the node. */
const nonIdempotentMethods = new Set([
  "eth_sendTransaction",
  "eth_sendTransactionSync",
  "evm_mine",
  "anvil_mine",
])

/**
 * Sends that wait for inclusion (EIP-7966): once the request may have reached the node, a resend
 * would only wait again (up to the node's timeout); the receipt tracker settles it instead.
 */
const waitingSendMethods = new Set(["eth_sendRawTransactionSync"])

/**
 * True when retrying may succeed: timeouts, rate limits, connection failures, HTTP 408/5xx
 * and invalid responses. Node verdicts (reverts, nonce errors …) are final. For methods
 * that are not idempotent (`eth_sendTransaction`, `evm_mine`) only failures that prove the
 * request never reached the node (refused, 429) are retryable. `eth_sendRawTransaction` is
 * idempotent: a resend has the same hash.
 *
 * @example
 * isRetryableRpcError(new RpcTimeoutError({ timeoutMs: 5000 })) // true
 */
export function isRetryableRpcError(error: RpcErrorType, method?: string): boolean {
  if (error.name === "RpcTimeoutError" && (error as { aborted?: boolean }).aborted) return false
  const neverSent =
    error.code === "RPC_RATE_LIMITED" ||
    (error.code === "RPC_CONNECTION_REFUSED" && (error as { reason?: string }).reason !== "reset")
  if (method !== undefined && (nonIdempotentMethods.has(method) || waitingSendMethods.has(method)))
    return neverSent
  if (neverSent) return true
  switch (error.code) {
    case "RPC_TIMEOUT":
    case "RPC_CONNECTION_REFUSED":
    case "RPC_INVALID_RESPONSE":
      return true
    case "RPC_HTTP_STATUS": {
      const status = (error as { status: number }).status
      return status === 408 || status >= 500
    }
    default:
      return false
  }
}

/**
 * True when a failed `eth_sendRawTransaction` still means the node has the transaction
 * ("already known"): the caller should treat the send as accepted (hash = keccak256(raw)).
 *
 * @example
 * const sent = await client.request("eth_sendRawTransaction", [raw])
 * if (sent.isErr() && !isAcceptedSend(sent.error)) return sent
 */
export function isAcceptedSend(error: unknown): error is RpcAlreadyKnownErrorType {
  return BaseError.isInstance(error) && error.code === "RPC_ALREADY_KNOWN"
}
