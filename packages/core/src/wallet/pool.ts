import type { Wallet } from "./wallet.js"

/**
 * A wallet taken from a {@link WalletPool}; give it back with `release()`.
 *
 * @example
 * const lease = pool.lease()
 * if (lease) { sign(lease.wallet); lease.release() }
 */
export type WalletLease = {
  readonly wallet: Wallet
  /** Returns the wallet to the pool (leasable again after the cooldown). Idempotent. */
  release(): void
}

/**
 * Hands out wallets one task at a time, least-recently-released first.
 *
 * @example
 * const pool: WalletPool = createWalletPool(wallets, { cooldownMs: 500 })
 * pool.available // wallets.length
 */
export type WalletPool = {
  /** A free wallet whose cooldown has passed, or undefined if none is. O(1). */
  lease(): WalletLease | undefined
  /** Milliseconds until the next wallet becomes leasable: 0 if one is now, undefined if all are leased. */
  nextAvailableInMs(): number | undefined
  /** Number of wallets in the pool. */
  readonly size: number
  /** Wallets not leased (some may still be cooling down). */
  readonly available: number
  /** Wallets currently leased. */
  readonly leased: number
}

/**
 * Options of {@link createWalletPool}.
 *
 * @example
 * const options: WalletPoolOptions = { cooldownMs: 1_000, now: () => fakeClock.now() }
 */
export type WalletPoolOptions = {
  /** Time a released wallet rests before it can be leased again. Default 0. */
  cooldownMs?: number | undefined
  /** Clock in milliseconds, non-decreasing. Defaults to `performance.now`. */
  now?: (() => number) | undefined
}

/**
 * Creates a pool that leases each wallet to one holder at a time. Free wallets wait in a FIFO
 * ring: release order is cooldown-expiry order (one cooldown for all), so the head is always
 * the least recently released and the next to become leasable. `lease()` and `release()` are
 * O(1) whatever the pool size; no timers, no finalizers.
 *
 * @example
 * const pool = createWalletPool(wallets, { cooldownMs: 1_000 })
 * const lease = pool.lease()
 * if (lease !== undefined) {
 *   try { await runTask(lease.wallet) } finally { lease.release() }
 * }
 */
export function createWalletPool(wallets: readonly Wallet[], options: WalletPoolOptions = {}): WalletPool {
  const cooldownMs = options.cooldownMs ?? 0
  if (!(cooldownMs >= 0)) throw new RangeError(`createWalletPool: cooldownMs must be ≥ 0, got ${cooldownMs}`)
  const now = options.now ?? (() => performance.now())
  const capacity = wallets.length
  // Ring buffer of free wallets and the time each becomes leasable. A wallet is in the ring
  // exactly when it is not leased, so the ring never holds more than `capacity` entries.
  const ring: (Wallet | undefined)[] = wallets.slice()
  const readyAt = new Float64Array(capacity).fill(Number.NEGATIVE_INFINITY)
  let head = 0
  let count = capacity
  if (new Set(wallets.map((wallet) => wallet.address)).size !== capacity) {
    throw new Error("createWalletPool: the same wallet address appears twice")
  }

  function lease(): WalletLease | undefined {
    if (count === 0) return undefined
    if (readyAt[head]! > now()) return undefined
    const wallet = ring[head]!
    ring[head] = undefined
    head = (head + 1) % capacity
    count -= 1
    let released = false
    return {
      wallet,
      release() {
        if (released) return
        released = true
        const tail = (head + count) % capacity
        ring[tail] = wallet
        readyAt[tail] = now() + cooldownMs
        count += 1
      },
    }
  }

  return {
    lease,
    nextAvailableInMs() {
      if (count === 0) return undefined
      return Math.max(0, readyAt[head]! - now())
    },
    size: capacity,
    get available() {
      return count
    },
    get leased() {
      return capacity - count
    },
  }
}
