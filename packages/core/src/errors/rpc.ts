import { maskUrl } from "../redaction/maskUrl.js"
import { BaseError } from "./base.js"

/**
 * Where an RPC error happened. The endpoint is masked before it is stored.
 *
 * @example
 * new RpcTimeoutError({ method: "eth_call", endpoint: "http://127.0.0.1:8545", timeoutMs: 5000 })
 */
export type RpcErrorContext = {
  /** JSON-RPC method, e.g. `eth_sendRawTransaction`. */
  method?: string | undefined
  /** Endpoint URL; credentials and key-like path segments are masked. */
  endpoint?: string | undefined
  cause?: unknown
}

/**
 * What a node said: its JSON-RPC error code and message.
 *
 * @example
 * new RpcNodeError({ method: "eth_getBalance", nodeCode: -32602, nodeMessage: "invalid string length" })
 */
export type RpcNodeErrorParameters = RpcErrorContext & {
  /** JSON-RPC `error.code` (e.g. -32000, -32003, 3). */
  nodeCode?: number | undefined
  /** JSON-RPC `error.message` as the node sent it. */
  nodeMessage: string
}

function where(context: RpcErrorContext): string {
  const parts: string[] = []
  if (context.method !== undefined) parts.push(context.method)
  if (context.endpoint !== undefined) parts.push(`at ${maskUrl(context.endpoint)}`)
  return parts.length === 0 ? "" : ` (${parts.join(" ")})`
}

function nodeDetails(parameters: RpcNodeErrorParameters): string {
  const code = parameters.nodeCode === undefined ? "" : ` [${parameters.nodeCode}]`
  return `node said${code}: ${parameters.nodeMessage}`
}

function maskedOrUndefined(endpoint: string | undefined): string | undefined {
  return endpoint === undefined ? undefined : maskUrl(endpoint)
}

/**
 * An RPC request got no answer in time (or its caller aborted it). Retryable.
 *
 * @example
 * new RpcTimeoutError({ method: "eth_blockNumber", endpoint: "http://127.0.0.1:8545", timeoutMs: 5000 })
 */
export class RpcTimeoutError extends BaseError {
  override name = "RpcTimeoutError"
  readonly method: string | undefined
  readonly endpoint: string | undefined
  readonly timeoutMs: number | undefined
  /** True when the caller's AbortSignal fired rather than the client's timer. */
  readonly aborted: boolean
  constructor(parameters: RpcErrorContext & { timeoutMs?: number | undefined; aborted?: boolean }) {
    const aborted = parameters.aborted ?? false
    const after = parameters.timeoutMs === undefined ? "" : ` after ${parameters.timeoutMs} ms`
    super(
      aborted
        ? `RPC request was aborted by the caller${where(parameters)}.`
        : `RPC request timed out${after}${where(parameters)}.`,
      {
        code: "RPC_TIMEOUT",
        cause: parameters.cause,
        metaMessages: aborted
          ? []
          : [
              "The endpoint may be overloaded; raise rpc.timeout_ms (--rpc-timeout, TESTNET_RPC_TIMEOUT_MS) or add endpoints.",
            ],
      },
    )
    this.method = parameters.method
    this.endpoint = maskedOrUndefined(parameters.endpoint)
    this.timeoutMs = parameters.timeoutMs
    this.aborted = aborted
  }
}
/**
 * {@link RpcTimeoutError} narrowed by name.
 *
 * @example
 * function describe(error: RpcTimeoutErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type RpcTimeoutErrorType = RpcTimeoutError & { name: "RpcTimeoutError" }

/**
 * The endpoint refused the request for rate (HTTP 429 or a JSON-RPC "limit exceeded").
 * Retryable; `retryAfterMs` comes from the Retry-After header when present.
 *
 * @example
 * new RpcRateLimitedError({ endpoint: "https://rpc.example.org", retryAfterMs: 1000 })
 */
export class RpcRateLimitedError extends BaseError {
  override name = "RpcRateLimitedError"
  readonly method: string | undefined
  readonly endpoint: string | undefined
  readonly retryAfterMs: number | undefined
  constructor(parameters: RpcErrorContext & { retryAfterMs?: number | undefined; nodeMessage?: string }) {
    const after = parameters.retryAfterMs === undefined ? "" : `; retry after ${parameters.retryAfterMs} ms`
    super(`RPC endpoint rate-limited the request${after}${where(parameters)}.`, {
      code: "RPC_RATE_LIMITED",
      cause: parameters.cause,
      ...(parameters.nodeMessage === undefined ? {} : { details: `node said: ${parameters.nodeMessage}` }),
      metaMessages: ["Lower requestsPerSecond for this endpoint, or add endpoints."],
    })
    this.method = parameters.method
    this.endpoint = maskedOrUndefined(parameters.endpoint)
    this.retryAfterMs = parameters.retryAfterMs
  }
}
/**
 * {@link RpcRateLimitedError} narrowed by name.
 *
 * @example
 * function describe(error: RpcRateLimitedErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type RpcRateLimitedErrorType = RpcRateLimitedError & { name: "RpcRateLimitedError" }

/**
 * How a connection failed.
 *
 * @example
 * const reason: RpcConnectionFailure = "reset"
 */
export type RpcConnectionFailure = "refused" | "reset" | "dns" | "proxy"

const connectionFailureText: Record<RpcConnectionFailure, string> = {
  refused: "connection refused",
  reset: "connection reset or closed by the server",
  dns: "host name not found",
  proxy: "the proxy failed",
}

/**
 * No usable connection to the endpoint: refused, reset/closed mid-request, DNS failure, or
 * the proxy in between failed (the proxy error is the `cause`). Retryable.
 *
 * @example
 * new RpcConnectionRefusedError({ endpoint: "http://127.0.0.1:1", reason: "refused" })
 */
export class RpcConnectionRefusedError extends BaseError {
  override name = "RpcConnectionRefusedError"
  readonly method: string | undefined
  readonly endpoint: string | undefined
  readonly reason: RpcConnectionFailure
  constructor(parameters: RpcErrorContext & { reason?: RpcConnectionFailure }) {
    const reason = parameters.reason ?? "refused"
    super(`Could not reach the RPC endpoint: ${connectionFailureText[reason]}${where(parameters)}.`, {
      code: "RPC_CONNECTION_REFUSED",
      cause: parameters.cause,
      metaMessages: reason === "proxy" ? ["Check the proxy with `proxies check`."] : ["Is the node running?"],
    })
    this.method = parameters.method
    this.endpoint = maskedOrUndefined(parameters.endpoint)
    this.reason = reason
  }
}
/**
 * {@link RpcConnectionRefusedError} narrowed by name.
 *
 * @example
 * function describe(error: RpcConnectionRefusedErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type RpcConnectionRefusedErrorType = RpcConnectionRefusedError & { name: "RpcConnectionRefusedError" }

/**
 * The endpoint answered with an HTTP status that carries no JSON-RPC response. 5xx and 408
 * are retryable, other 4xx are not.
 *
 * @example
 * new RpcHttpStatusError({ status: 502, endpoint: "https://rpc.example.org", body: "Bad Gateway" })
 */
export class RpcHttpStatusError extends BaseError {
  override name = "RpcHttpStatusError"
  readonly method: string | undefined
  readonly endpoint: string | undefined
  readonly status: number
  constructor(parameters: RpcErrorContext & { status: number; body?: string | undefined }) {
    const body = parameters.body?.trim().slice(0, 200)
    super(`RPC endpoint answered HTTP ${parameters.status}${where(parameters)}.`, {
      code: "RPC_HTTP_STATUS",
      cause: parameters.cause,
      ...(body === undefined || body === "" ? {} : { details: `body: ${body}` }),
    })
    this.method = parameters.method
    this.endpoint = maskedOrUndefined(parameters.endpoint)
    this.status = parameters.status
  }
}
/**
 * {@link RpcHttpStatusError} narrowed by name.
 *
 * @example
 * function describe(error: RpcHttpStatusErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type RpcHttpStatusErrorType = RpcHttpStatusError & { name: "RpcHttpStatusError" }

/**
 * The endpoint's answer is not valid JSON-RPC (not JSON, no matching id, no result/error).
 *
 * @example
 * new RpcInvalidResponseError({ endpoint: "http://127.0.0.1:8545", reason: "body is not JSON" })
 */
export class RpcInvalidResponseError extends BaseError {
  override name = "RpcInvalidResponseError"
  readonly method: string | undefined
  readonly endpoint: string | undefined
  readonly reason: string
  constructor(parameters: RpcErrorContext & { reason: string }) {
    super(`RPC endpoint sent an invalid response: ${parameters.reason}${where(parameters)}.`, {
      code: "RPC_INVALID_RESPONSE",
      cause: parameters.cause,
    })
    this.method = parameters.method
    this.endpoint = maskedOrUndefined(parameters.endpoint)
    this.reason = parameters.reason
  }
}
/**
 * {@link RpcInvalidResponseError} narrowed by name.
 *
 * @example
 * function describe(error: RpcInvalidResponseErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type RpcInvalidResponseErrorType = RpcInvalidResponseError & { name: "RpcInvalidResponseError" }

/** Shared fields of every error a node classified. */
type NodeFields = {
  readonly method: string | undefined
  readonly endpoint: string | undefined
  readonly nodeCode: number | undefined
  readonly nodeMessage: string
}

function assignNodeFields(target: NodeFields, parameters: RpcNodeErrorParameters): void {
  Object.assign(target, {
    method: parameters.method,
    endpoint: maskedOrUndefined(parameters.endpoint),
    nodeCode: parameters.nodeCode,
    nodeMessage: parameters.nodeMessage,
  })
}

/**
 * Base of every error a node classified: keeps the method, the endpoint (masked), and the node's
 * own code and message, and renders the node's words as details. Each subclass names one case.
 *
 * @example
 * if (error instanceof RpcNodeClassifiedError) console.log(error.nodeCode, error.nodeMessage)
 */
export abstract class RpcNodeClassifiedError extends BaseError implements NodeFields {
  declare readonly method: string | undefined
  declare readonly endpoint: string | undefined
  declare readonly nodeCode: number | undefined
  declare readonly nodeMessage: string
  constructor(
    shortMessage: string,
    code: string,
    parameters: RpcNodeErrorParameters,
    metaMessages?: readonly string[],
  ) {
    super(shortMessage, {
      code,
      cause: parameters.cause,
      details: nodeDetails(parameters),
      ...(metaMessages === undefined ? {} : { metaMessages }),
    })
    assignNodeFields(this, parameters)
  }
}

/**
 * The node rejected the transaction: its nonce is already used (mined, or replaced).
 * A resend after an ambiguous failure may get this for a transaction that was accepted.
 *
 * @example
 * new RpcNonceTooLowError({ method: "eth_sendRawTransaction", nodeCode: -32003, nodeMessage: "nonce too low" })
 */
export class RpcNonceTooLowError extends RpcNodeClassifiedError {
  override name = "RpcNonceTooLowError"
  constructor(parameters: RpcNodeErrorParameters) {
    super(`Transaction nonce is too low${where(parameters)}.`, "RPC_NONCE_TOO_LOW", parameters, [
      "Resynchronise the nonce from the chain (eth_getTransactionCount pending).",
    ])
  }
}
/**
 * {@link RpcNonceTooLowError} narrowed by name.
 *
 * @example
 * function describe(error: RpcNonceTooLowErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type RpcNonceTooLowErrorType = RpcNonceTooLowError & { name: "RpcNonceTooLowError" }

/**
 * The node rejected the transaction: its nonce leaves a gap the node will not queue.
 *
 * @example
 * new RpcNonceTooHighError({ nodeMessage: "nonce too high" })
 */
export class RpcNonceTooHighError extends RpcNodeClassifiedError {
  override name = "RpcNonceTooHighError"
  constructor(parameters: RpcNodeErrorParameters) {
    super(`Transaction nonce is too high${where(parameters)}.`, "RPC_NONCE_TOO_HIGH", parameters, [
      "A lower nonce is missing; fill the gap or resynchronise.",
    ])
  }
}
/**
 * {@link RpcNonceTooHighError} narrowed by name.
 *
 * @example
 * function describe(error: RpcNonceTooHighErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type RpcNonceTooHighErrorType = RpcNonceTooHighError & { name: "RpcNonceTooHighError" }

/**
 * A transaction with the same nonce is pending and this one does not pay enough more to replace it.
 *
 * @example
 * new RpcReplacementUnderpricedError({ nodeMessage: "replacement transaction underpriced" })
 */
export class RpcReplacementUnderpricedError extends RpcNodeClassifiedError {
  override name = "RpcReplacementUnderpricedError"
  constructor(parameters: RpcNodeErrorParameters) {
    super(
      `Replacement transaction is underpriced${where(parameters)}.`,
      "RPC_REPLACEMENT_UNDERPRICED",
      parameters,
      ["Bump both maxFeePerGas and maxPriorityFeePerGas by at least 10%."],
    )
  }
}
/**
 * {@link RpcReplacementUnderpricedError} narrowed by name.
 *
 * @example
 * function describe(error: RpcReplacementUnderpricedErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type RpcReplacementUnderpricedErrorType = RpcReplacementUnderpricedError & {
  name: "RpcReplacementUnderpricedError"
}

/**
 * The node already has this exact transaction. For `eth_sendRawTransaction` this means the
 * send succeeded earlier: callers treat it as accepted (see `isAcceptedSend`).
 *
 * @example
 * new RpcAlreadyKnownError({ method: "eth_sendRawTransaction", nodeMessage: "already known" })
 */
export class RpcAlreadyKnownError extends RpcNodeClassifiedError {
  override name = "RpcAlreadyKnownError"
  constructor(parameters: RpcNodeErrorParameters) {
    super(`Transaction is already known to the node${where(parameters)}.`, "RPC_ALREADY_KNOWN", parameters)
  }
}
/**
 * {@link RpcAlreadyKnownError} narrowed by name.
 *
 * @example
 * function describe(error: RpcAlreadyKnownErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type RpcAlreadyKnownErrorType = RpcAlreadyKnownError & { name: "RpcAlreadyKnownError" }

/**
 * The sender cannot pay gas × price + value.
 *
 * @example
 * new RpcInsufficientFundsError({ nodeMessage: "insufficient funds for gas * price + value" })
 */
export class RpcInsufficientFundsError extends RpcNodeClassifiedError {
  override name = "RpcInsufficientFundsError"
  constructor(parameters: RpcNodeErrorParameters) {
    super(
      `Sender has insufficient funds for gas * price + value${where(parameters)}.`,
      "RPC_INSUFFICIENT_FUNDS",
      parameters,
      ["Fund the wallet (the `fund` command) or lower the fee caps."],
    )
  }
}
/**
 * {@link RpcInsufficientFundsError} narrowed by name.
 *
 * @example
 * function describe(error: RpcInsufficientFundsErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type RpcInsufficientFundsErrorType = RpcInsufficientFundsError & { name: "RpcInsufficientFundsError" }

/**
 * The gas limit is below the transaction's intrinsic cost.
 *
 * @example
 * new RpcIntrinsicGasTooLowError({ nodeMessage: "intrinsic gas too low" })
 */
export class RpcIntrinsicGasTooLowError extends RpcNodeClassifiedError {
  override name = "RpcIntrinsicGasTooLowError"
  constructor(parameters: RpcNodeErrorParameters) {
    super(
      `Gas limit is below the intrinsic gas of the transaction${where(parameters)}.`,
      "RPC_INTRINSIC_GAS_TOO_LOW",
      parameters,
      ["Estimate gas (eth_estimateGas) and add headroom."],
    )
  }
}
/**
 * {@link RpcIntrinsicGasTooLowError} narrowed by name.
 *
 * @example
 * function describe(error: RpcIntrinsicGasTooLowErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type RpcIntrinsicGasTooLowErrorType = RpcIntrinsicGasTooLowError & {
  name: "RpcIntrinsicGasTooLowError"
}

/**
 * A decoded revert: `Error(string)`, `Panic(uint256)`, a custom error selector, or nothing.
 *
 * @example
 * const reason: RevertReason = { kind: "panic", code: 0x11n, description: "arithmetic overflow or underflow" }
 */
export type RevertReason =
  | { kind: "error"; message: string }
  | { kind: "panic"; code: bigint; description: string }
  | { kind: "custom"; selector: string; data: string }
  | { kind: "empty" }

function describeRevert(reason: RevertReason): string {
  switch (reason.kind) {
    case "error":
      return `: ${reason.message}`
    case "panic":
      return ` with panic 0x${reason.code.toString(16)} (${reason.description})`
    case "custom":
      return ` with custom error ${reason.selector}`
    case "empty":
      return " without a reason"
  }
}

/**
 * The call or gas estimate reverted. `reason` is decoded from the revert data:
 * `Error(string)` and `Panic(uint256)` in full, custom errors by selector.
 *
 * @example
 * new RpcExecutionRevertedError({ nodeCode: 3, nodeMessage: "execution reverted: boom", reason: { kind: "error", message: "boom" } })
 */
export class RpcExecutionRevertedError extends RpcNodeClassifiedError {
  override name = "RpcExecutionRevertedError"
  readonly reason: RevertReason
  /** Raw revert data (`0x…`), when the node sent it. */
  readonly data: string | undefined
  constructor(parameters: RpcNodeErrorParameters & { reason: RevertReason; data?: string | undefined }) {
    super(
      `Execution reverted${describeRevert(parameters.reason)}${where(parameters)}.`,
      "RPC_EXECUTION_REVERTED",
      parameters,
    )
    this.reason = parameters.reason
    this.data = parameters.data
  }
}
/**
 * {@link RpcExecutionRevertedError} narrowed by name.
 *
 * @example
 * function describe(error: RpcExecutionRevertedErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type RpcExecutionRevertedErrorType = RpcExecutionRevertedError & { name: "RpcExecutionRevertedError" }

/**
 * The node does not implement the method (JSON-RPC -32601).
 *
 * @example
 * new RpcMethodNotFoundError({ method: "eth_sendRawTransactionSync", nodeCode: -32601, nodeMessage: "Method not found" })
 */
export class RpcMethodNotFoundError extends RpcNodeClassifiedError {
  override name = "RpcMethodNotFoundError"
  constructor(parameters: RpcNodeErrorParameters) {
    super(
      `The node does not support this RPC method${where(parameters)}.`,
      "RPC_METHOD_NOT_FOUND",
      parameters,
      ["Check the chain's capabilities (e.g. sendRawTransactionSync)."],
    )
  }
}
/**
 * {@link RpcMethodNotFoundError} narrowed by name.
 *
 * @example
 * function describe(error: RpcMethodNotFoundErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type RpcMethodNotFoundErrorType = RpcMethodNotFoundError & { name: "RpcMethodNotFoundError" }

/**
 * Any other node error (invalid params, pool full, …), kept with the node's code and message.
 *
 * @example
 * new RpcNodeError({ method: "eth_getBalance", nodeCode: -32602, nodeMessage: "invalid string length" })
 */
export class RpcNodeError extends RpcNodeClassifiedError {
  override name = "RpcNodeError"
  constructor(parameters: RpcNodeErrorParameters) {
    super(`The node rejected the request${where(parameters)}.`, "RPC_NODE_ERROR", parameters)
  }
}
/**
 * {@link RpcNodeError} narrowed by name.
 *
 * @example
 * function describe(error: RpcNodeErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type RpcNodeErrorType = RpcNodeError & { name: "RpcNodeError" }

/**
 * The endpoint's URL scheme has no transport (only http(s):// and ws(s):// have one).
 *
 * @example
 * new RpcUnsupportedTransportError({ endpoint: "ipc:///tmp/geth.ipc" })
 */
export class RpcUnsupportedTransportError extends BaseError {
  override name = "RpcUnsupportedTransportError"
  readonly method: string | undefined
  readonly endpoint: string | undefined
  constructor(parameters: RpcErrorContext) {
    super(`No transport for this RPC endpoint's scheme${where(parameters)}.`, {
      code: "RPC_UNSUPPORTED_TRANSPORT",
      cause: parameters.cause,
      metaMessages: ["Use an http://, https://, ws:// or wss:// endpoint."],
    })
    this.method = parameters.method
    this.endpoint = maskedOrUndefined(parameters.endpoint)
  }
}
/**
 * {@link RpcUnsupportedTransportError} narrowed by name.
 *
 * @example
 * function describe(error: RpcUnsupportedTransportErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type RpcUnsupportedTransportErrorType = RpcUnsupportedTransportError & {
  name: "RpcUnsupportedTransportError"
}

/**
 * Every error the RPC layer returns.
 *
 * @example
 * function explain(error: RpcErrorType) { return error.code === "RPC_NONCE_TOO_LOW" ? "resync" : error.shortMessage }
 */
export type RpcErrorType =
  | RpcTimeoutErrorType
  | RpcRateLimitedErrorType
  | RpcConnectionRefusedErrorType
  | RpcHttpStatusErrorType
  | RpcInvalidResponseErrorType
  | RpcNonceTooLowErrorType
  | RpcNonceTooHighErrorType
  | RpcReplacementUnderpricedErrorType
  | RpcAlreadyKnownErrorType
  | RpcInsufficientFundsErrorType
  | RpcIntrinsicGasTooLowErrorType
  | RpcExecutionRevertedErrorType
  | RpcMethodNotFoundErrorType
  | RpcNodeErrorType
  | RpcUnsupportedTransportErrorType

/**
 * Every stable code an {@link RpcErrorType} can carry.
 *
 * @example
 * const code: RpcErrorCode = "RPC_TIMEOUT"
 */
export type RpcErrorCode =
  | "RPC_TIMEOUT"
  | "RPC_RATE_LIMITED"
  | "RPC_CONNECTION_REFUSED"
  | "RPC_HTTP_STATUS"
  | "RPC_INVALID_RESPONSE"
  | "RPC_NONCE_TOO_LOW"
  | "RPC_NONCE_TOO_HIGH"
  | "RPC_REPLACEMENT_UNDERPRICED"
  | "RPC_ALREADY_KNOWN"
  | "RPC_INSUFFICIENT_FUNDS"
  | "RPC_INTRINSIC_GAS_TOO_LOW"
  | "RPC_EXECUTION_REVERTED"
  | "RPC_METHOD_NOT_FOUND"
  | "RPC_NODE_ERROR"
  | "RPC_UNSUPPORTED_TRANSPORT"
