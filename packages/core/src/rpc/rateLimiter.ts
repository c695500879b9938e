/**
 * A token bucket: `requestsPerSecond` sustained, up to `burst` at once.
 *
 * @example
 * const options: RateLimiterOptions = { requestsPerSecond: 25, burst: 5 }
 */
export type RateLimiterOptions = {
  requestsPerSecond: number
  /** Bucket size. Default: max(1, requestsPerSecond) — one second's worth. */
  burst?: number
}

/**
 * Waits for permission to send one HTTP request.
 *
 * @example
 * const limiter: RateLimiter = createRateLimiter({ requestsPerSecond: 25 })
 * await limiter.acquire()
 */
export type RateLimiter = {
  /** Resolves when a token is available (FIFO). Rejects with the signal's reason if aborted. */
  acquire(signal?: AbortSignal): Promise<void>
  /** Milliseconds until the next token would be free (0 = now). Does not take a token. */
  delayMs(): number
}

/**
 * A FIFO token bucket applied per HTTP request (not per JSON-RPC call: a batch of 100 calls
 * is one request, which is how providers count). Waiters reserve their token up front, so
 * the bucket goes negative instead of letting later callers overtake earlier ones.
 *
 * @example
 * const limiter = createRateLimiter({ requestsPerSecond: 50, burst: 10 })
 * await limiter.acquire()
 * await fetch(url)
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const rate = options.requestsPerSecond
  if (!(rate > 0)) throw new RangeError(`requestsPerSecond must be > 0, got ${rate}`)
  const capacity = options.burst ?? Math.max(1, rate)
  if (!(capacity >= 1)) throw new RangeError(`burst must be >= 1, got ${capacity}`)
  let tokens = capacity
  let updatedAt = performance.now()

  function refill(): void {
    const now = performance.now()
    tokens = Math.min(capacity, tokens + ((now - updatedAt) * rate) / 1000)
    updatedAt = now
  }

  return {
    acquire(signal) {
      refill()
      tokens -= 1
      if (tokens >= 0) return Promise.resolve()
      const waitMs = (-tokens * 1000) / rate
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          signal?.removeEventListener("abort", onAbort)
          resolve()
        }, Math.ceil(waitMs))
        function onAbort(): void {
          clearTimeout(timer)
          tokens += 1 // give the reserved token back
          reject(signal?.reason)
        }
        signal?.addEventListener("abort", onAbort, { once: true })
      })
    },
    delayMs() {
      refill()
      return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) * 1000) / rate)
    },
  }
}
