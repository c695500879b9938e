import type { RpcErrorType } from "../errors/rpc.js"

/**
 * How long to wait between attempts.
 *
 * @example
 * const policy: BackoffPolicy = { baseDelayMs: 50, maxDelayMs: 2000, maxRetryAfterMs: 10000 }
 */
export type BackoffPolicy = {
  /** Cap of the first retry's delay; doubles each attempt. Default 100 ms. */
  baseDelayMs: number
  /** Upper bound of the exponential cap. Default 5 000 ms. */
  maxDelayMs: number
  /** Longest Retry-After the client honours; longer values are clamped. Default 30 000 ms. */
  maxRetryAfterMs: number
}

/**
 * The client's default backoff: full jitter over 100 ms · 2^attempt, capped at 5 s.
 *
 * @example
 * backoffDelayMs(2, defaultBackoffPolicy) // somewhere in [0, 400)
 */
export const defaultBackoffPolicy: BackoffPolicy = Object.freeze({
  baseDelayMs: 100,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
})

/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And
 * Jitter"): a uniform delay in [0, min(maxDelayMs, baseDelayMs · 2^attempt)). Full jitter
 * spreads retries of many callers that failed together, which is what a batch failure is.
 * `attempt` starts at 0 for the first retry.
 *
 * @example
 * backoffDelayMs(0, { baseDelayMs: 100, maxDelayMs: 5000, maxRetryAfterMs: 30000 }, () => 0.5) // 50
 */
export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt, 30))
  return Math.floor(random() * cap)
}

/**
 * The delay before retrying after `error`: the server's Retry-After when it sent one
 * (clamped to maxRetryAfterMs), otherwise {@link backoffDelayMs}.
 *
 * @example
 * retryDelayMs(new RpcRateLimitedError({ retryAfterMs: 1000 }), 0, defaultBackoffPolicy) // 1000
 */
export function retryDelayMs(
  error: RpcErrorType,
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  if (error.code === "RPC_RATE_LIMITED") {
    const retryAfterMs = (error as { retryAfterMs?: number | undefined }).retryAfterMs
    if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs)
  }
  return backoffDelayMs(attempt, policy, random)
}

/**
 * Parses an HTTP Retry-After header (delay in seconds, or an HTTP date) into milliseconds
 * from `now`. Returns undefined when absent or unparsable; never negative.
 *
 * @example
 * parseRetryAfter("2") // 2000
 * parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("Wed, 21 Oct 2015 07:27:59 GMT")) // 1000
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (trimmed === "") return undefined
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
