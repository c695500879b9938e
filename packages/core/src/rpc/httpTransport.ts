import { type Dispatcher, request } from "undici"
import {
  type RpcErrorType,
  RpcHttpStatusError,
  RpcInvalidResponseError,
  RpcRateLimitedError,
  RpcTimeoutError,
} from "../errors/rpc.js"
import { Err, Ok, type Result } from "../result.js"
import { classifyRpcError } from "./classify.js"
import { parseRetryAfter } from "./retry.js"

/**
 * An endpoint ready for requests: credentials moved from the URL into a header.
 *
 * @example
 * const endpoint: PreparedEndpoint = prepareEndpoint("https://user:pw@rpc.example.org")
 */
export type PreparedEndpoint = {
  /** The URL as configured (kept for messages, which mask it). */
  readonly configured: string
  /** The URL without user info; what is actually requested. */
  readonly url: string
  readonly scheme: "http" | "ws" | "other"
  /** `Basic …` when the URL carried user:password. */
  readonly authorization: string | undefined
}

/**
 * Splits an endpoint URL into what is requested and its Basic credentials, so they travel in
 * an Authorization header (undici does not send URL user info) and never show in messages.
 *
 * @example
 * prepareEndpoint("https://user:pw@rpc.example.org").authorization // "Basic dXNlcjpwdw=="
 */
export function prepareEndpoint(configured: string): PreparedEndpoint {
  let parsed: URL
  try {
    parsed = new URL(configured)
  } catch {
    return { configured, url: configured, scheme: "other", authorization: undefined }
  }
  const scheme =
    parsed.protocol === "http:" || parsed.protocol === "https:"
      ? "http"
      : parsed.protocol === "ws:" || parsed.protocol === "wss:"
        ? "ws"
        : "other"
  let authorization: string | undefined
  if (parsed.username !== "" || parsed.password !== "") {
    const user = decodeURIComponent(parsed.username)
    const password = decodeURIComponent(parsed.password)
    authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`
    parsed.username = ""
    parsed.password = ""
  }
  return { configured, url: parsed.toString(), scheme, authorization }
}

/**
 * One HTTP POST of a JSON-RPC body.
 *
 * @example
 * const parameters: PostJsonRpcParameters = { endpoint: prepareEndpoint(url), body, method: "eth_chainId", timeoutMs: 5000 }
 */
export type PostJsonRpcParameters = {
  endpoint: PreparedEndpoint
  /** The serialized JSON-RPC request or batch. */
  body: string
  /** Method name (or "batch of N") for error messages. */
  method: string
  timeoutMs: number
  dispatcher?: Dispatcher | undefined
  /** The proxy behind `dispatcher`, for attributing connection failures. */
  proxy?: string | undefined
  signal?: AbortSignal | undefined
}

function looksLikeJsonRpc(payload: unknown): boolean {
  if (Array.isArray(payload)) return payload.length > 0 && payload.every(looksLikeJsonRpc)
  return typeof payload === "object" && payload !== null && ("result" in payload || "error" in payload)
}

/**
 * POSTs a JSON-RPC body with undici and returns the parsed JSON, or a classified error:
 * timeout (own timer) vs caller abort, 429 with Retry-After, HTTP status, invalid JSON,
 * connection failures (attributed to the proxy when one is used). A non-2xx answer that still
 * carries JSON-RPC responses is returned as a payload, so per-call errors keep their meaning.
 *
 * @example
 * const answer = await postJsonRpc({ endpoint: prepareEndpoint(url), body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}', method: "eth_chainId", timeoutMs: 5000 })
 */
export async function postJsonRpc(parameters: PostJsonRpcParameters): Promise<Result<unknown, RpcErrorType>> {
  const { endpoint, method } = parameters
  const context = { method, endpoint: endpoint.configured, proxy: parameters.proxy }
  const timeoutSignal = AbortSignal.timeout(parameters.timeoutMs)
  const signal = parameters.signal ? AbortSignal.any([timeoutSignal, parameters.signal]) : timeoutSignal
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" }
  if (endpoint.authorization !== undefined) headers.authorization = endpoint.authorization
  let status: number
  let text: string
  let retryAfter: string | undefined
  try {
    const response = await request(endpoint.url, {
      method: "POST",
      body: parameters.body,
      headers,
      signal,
      ...(parameters.dispatcher === undefined ? {} : { dispatcher: parameters.dispatcher }),
    })
    status = response.statusCode
    const header = response.headers["retry-after"]
    retryAfter = Array.isArray(header) ? header[0] : header
    text = await response.body.text()
  } catch (error) {
    if (timeoutSignal.aborted) {
      return Err(
        new RpcTimeoutError({ ...context, timeoutMs: parameters.timeoutMs, cause: error }) as RpcErrorType,
      )
    }
    if (parameters.signal?.aborted)
      return Err(new RpcTimeoutError({ ...context, aborted: true, cause: error }) as RpcErrorType)
    return Err(classifyRpcError(error, context))
  }
  if (status === 429) {
    return Err(
      new RpcRateLimitedError({ ...context, retryAfterMs: parseRetryAfter(retryAfter) }) as RpcErrorType,
    )
  }
  let payload: unknown
  try {
    payload = JSON.parse(text)
  } catch (error) {
    if (status < 200 || status > 299) {
      return Err(new RpcHttpStatusError({ ...context, status, body: text }) as RpcErrorType)
    }
    return Err(
      new RpcInvalidResponseError({ ...context, reason: "body is not JSON", cause: error }) as RpcErrorType,
    )
  }
  if ((status < 200 || status > 299) && !looksLikeJsonRpc(payload)) {
    return Err(new RpcHttpStatusError({ ...context, status, body: text }) as RpcErrorType)
  }
  return Ok(payload)
}
