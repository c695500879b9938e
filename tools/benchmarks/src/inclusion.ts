/**
 * Confirmation watching for the phases that have no tracker of their own: polls the head every
 * 50 ms and reads each new block's transaction hashes once (per block, never per transaction).
 */

/**
 * Watches blocks for known hashes.
 *
 * @example
 * const watcher = createInclusionWatcher((method, params) => rpc.call(method, params))
 * watcher.expect(hash, performance.now())
 * await watcher.waitForAll(60_000)
 */
export type InclusionWatcher = {
  expect(hash: string, sentAt: number): void
  waitForAll(timeoutMs: number): Promise<void>
  stop(): void
  readonly confirmed: number
  readonly lastConfirmedAt: number | undefined
  readonly latenciesMs: readonly number[]
}

type Call = <T>(method: string, params: readonly unknown[]) => Promise<T>

/**
 * Creates a watcher that starts polling at once.
 *
 * @example
 * const watcher = createInclusionWatcher(call, 50)
 */
export function createInclusionWatcher(call: Call, pollMs = 50): InclusionWatcher {
  const pending = new Map<string, number>()
  const latenciesMs: number[] = []
  let confirmed = 0
  let lastConfirmedAt: number | undefined
  let nextBlock: bigint | undefined
  let stopped = false

  async function poll() {
    while (!stopped) {
      try {
        const head = BigInt(await call<string>("eth_blockNumber", []))
        nextBlock ??= head
        for (; nextBlock <= head; nextBlock += 1n) {
          const block = await call<{ transactions: string[] }>("eth_getBlockByNumber", [
            `0x${nextBlock.toString(16)}`,
            false,
          ])
          const now = performance.now()
          for (const hash of block.transactions) {
            const sentAt = pending.get(hash)
            if (sentAt === undefined) continue
            pending.delete(hash)
            confirmed += 1
            latenciesMs.push(now - sentAt)
            lastConfirmedAt = now
          }
        }
      } catch {
        // A slow or failed poll is retried on the next tick.
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs))
    }
  }
  void poll()

  return {
    expect(hash, sentAt) {
      pending.set(hash.toLowerCase(), sentAt)
    },
    async waitForAll(timeoutMs) {
      const deadline = performance.now() + timeoutMs
      while (pending.size > 0 && performance.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20))
    },
    stop() {
      stopped = true
    },
    get confirmed() {
      return confirmed
    },
    get lastConfirmedAt() {
      return lastConfirmedAt
    },
    latenciesMs,
  }
}

/**
 * A percentile of some numbers (nearest rank), undefined when empty.
 *
 * @example
 * percentile([1, 2, 3, 4], 50) // 2
 */
export function percentile(values: readonly number[], rank: number): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((left, right) => left - right)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1))]
}

/**
 * Records when each transaction hash is first seen in a block (Date.now()), for matching with a
 * journal afterwards; keeps no per-send state, so the measured pipeline does no extra work.
 *
 * @example
 * const observer = createBlockObserver((method, params) => poster.call(method, params))
 * // … run …
 * observer.stop()
 * const latency = (observer.seenAt.get(hash) ?? Number.NaN) - sentAt
 */
export function createBlockObserver(call: Call, pollMs = 50): { seenAt: Map<string, number>; stop(): void } {
  const seenAt = new Map<string, number>()
  let nextBlock: bigint | undefined
  let stopped = false
  void (async () => {
    while (!stopped) {
      try {
        const head = BigInt(await call<string>("eth_blockNumber", []))
        nextBlock ??= head
        for (; nextBlock <= head; nextBlock += 1n) {
          const block = await call<{ transactions: string[] }>("eth_getBlockByNumber", [
            `0x${nextBlock.toString(16)}`,
            false,
          ])
          const now = Date.now()
          for (const hash of block.transactions) seenAt.set(hash.toLowerCase(), now)
        }
      } catch {
        // Retried on the next tick.
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs))
    }
  })()
  return {
    seenAt,
    stop() {
      stopped = true
    },
  }
}
