import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type RpcErrorType, RpcRateLimitedError, RpcTimeoutError } from "../errors/rpc.js"
import { backoffDelayMs, defaultBackoffPolicy, parseRetryAfter, retryDelayMs } from "./retry.js"

describe("backoff with full jitter", () => {
  it("stays within [0, min(max, base·2^attempt)) for any attempt and random draw", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 60_000 }),
        (attempt, draw, baseDelayMs, maxDelayMs) => {
          const delay = backoffDelayMs(attempt, { baseDelayMs, maxDelayMs, maxRetryAfterMs: 0 }, () => draw)
          const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt)
          return delay >= 0 && delay < Math.max(cap, 1) && Number.isInteger(delay)
        },
      ),
    )
  })

  it("grows exponentially in its cap", () => {
    const top = (attempt: number) => backoffDelayMs(attempt, defaultBackoffPolicy, () => 0.999999)
    expect([0, 1, 2, 3, 10].map(top)).toEqual([99, 199, 399, 799, 4999])
  })

  it("prefers the server's Retry-After, clamped", () => {
    const limited = new RpcRateLimitedError({ retryAfterMs: 1_500 }) as RpcErrorType
    expect(retryDelayMs(limited, 0, defaultBackoffPolicy)).toBe(1_500)
    const huge = new RpcRateLimitedError({ retryAfterMs: 3_600_000 }) as RpcErrorType
    expect(retryDelayMs(huge, 0, defaultBackoffPolicy)).toBe(30_000)
    expect(retryDelayMs(new RpcTimeoutError({}) as RpcErrorType, 1, defaultBackoffPolicy, () => 0.5)).toBe(
      100,
    )
  })
})

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("2")).toBe(2_000)
    expect(parseRetryAfter("0.5")).toBe(500)
    const now = Date.parse("Wed, 21 Oct 2015 07:27:58 GMT")
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now)).toBe(2_000)
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:20:00 GMT", now)).toBe(0)
    expect(parseRetryAfter(undefined)).toBeUndefined()
    expect(parseRetryAfter("soon")).toBeUndefined()
  })
})
