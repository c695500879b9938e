/**
 * At most N transactions in flight per sender. Pools cap what one account may hold pending (reth
 * `max_account_slots` 16; tempo `crates/transaction-pool/src/tt_2d_pool.rs` 16 for 2D and
 * expiring nonces): past that, a node refuses or silently evicts, so the submitter waits here
 * instead. The limit comes from the chain declaration (`chain.maxInFlightPerSender`).
 */
import { Err, Ok, type Result } from "../result.js"
import { SenderLimitAbortedError, type SenderLimitAbortedErrorType } from "./senderLimitAbortedError.js"

/**
 * Gives one in-flight slot back. Calling it again is harmless (the slot is returned once).
 *
 * @example
 * const release: ReleaseSenderSlot = slot.value
 * try { await send() } finally { release() }
 */
export type ReleaseSenderSlot = () => void

/**
 * The per-sender in-flight limiter: see {@link createSenderLimit}.
 *
 * @example
 * const slot = await limit.acquire(wallet.address, signal)
 * if (slot.isErr()) return slot
 * try { await submit() } finally { slot.value() }
 */
export type SenderLimit = {
  /** The configured limit per sender. */
  readonly limit: number
  /**
   * Resolves with a release function once `sender` has fewer than `limit` slots taken; waiters
   * of one sender are served first come, first served. With `signal` aborted before that: Err.
   */
  acquire(
    sender: string,
    signal?: AbortSignal,
  ): Promise<Result<ReleaseSenderSlot, SenderLimitAbortedErrorType>>
  /** Slots of `sender` taken now. */
  inFlight(sender: string): number
  /** Callers of `sender` waiting for a slot now. */
  waiting(sender: string): number
}

type Waiter = {
  grant: (release: ReleaseSenderSlot) => void
}

type SenderState = { taken: number; queue: Waiter[] }

/**
 * Creates a limiter allowing `limit` slots per sender (addresses compare case-insensitively).
 * FIFO: a release hands its slot straight to the sender's oldest waiter, so a later caller can never
 * overtake one already waiting.
 *
 * @example
 * const limit = createSenderLimit({ limit: chain.maxInFlightPerSender })
 * const slot = await limit.acquire(wallet.address, context.signal)
 * if (slot.isOk()) {
 *   try { await sendRawTransaction(raw) } finally { slot.value() } // release when the transaction leaves the pool
 * }
 */
export function createSenderLimit(parameters: { limit: number }): SenderLimit {
  const { limit } = parameters
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new RangeError(`An in-flight limit per sender must be a positive integer, got ${limit}.`)
  const senders = new Map<string, SenderState>()

  function makeRelease(key: string): ReleaseSenderSlot {
    let released = false
    return () => {
      if (released) return
      released = true
      const state = senders.get(key)
      if (state === undefined) return
      const next = state.queue.shift()
      if (next !== undefined) {
        next.grant(makeRelease(key)) // the slot passes on: `taken` is unchanged
        return
      }
      state.taken -= 1
      if (state.taken === 0) senders.delete(key)
    }
  }

  return {
    limit,
    acquire(sender, signal) {
      const key = sender.toLowerCase()
      if (signal?.aborted === true)
        return Promise.resolve(
          Err(
            new SenderLimitAbortedError({
              sender,
              limit,
              cause: signal.reason,
            }) as SenderLimitAbortedErrorType,
          ),
        )
      let state = senders.get(key)
      if (state === undefined) {
        state = { taken: 0, queue: [] }
        senders.set(key, state)
      }
      if (state.taken < limit && state.queue.length === 0) {
        state.taken += 1
        return Promise.resolve(Ok(makeRelease(key)))
      }
      const queue = state.queue
      return new Promise((resolve) => {
        const onAbort = () => {
          const index = queue.indexOf(waiter)
          if (index >= 0) queue.splice(index, 1)
          resolve(
            Err(
              new SenderLimitAbortedError({
                sender,
                limit,
                cause: signal?.reason,
              }) as SenderLimitAbortedErrorType,
            ),
          )
        }
        const waiter: Waiter = {
          grant(release) {
            signal?.removeEventListener("abort", onAbort)
            resolve(Ok(release))
          },
        }
        queue.push(waiter)
        signal?.addEventListener("abort", onAbort, { once: true })
      })
    },
    inFlight(sender) {
      return senders.get(sender.toLowerCase())?.taken ?? 0
    },
    waiting(sender) {
      return senders.get(sender.toLowerCase())?.queue.length ?? 0
    },
  }
}
