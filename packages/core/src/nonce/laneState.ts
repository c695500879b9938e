import type { NonceResyncFailedErrorType } from "../errors/nonce.js"
import type { Result } from "../result.js"
import type { NonceLane } from "./lane.js"
import { SubmittedQueue } from "./submittedQueue.js"

/**
 * Lane status: numbers, not strings, because `reserveSync` checks it on every call.
 *
 * @example
 * if (state.status === laneStatus.ready) takeNonce(state)
 */
export const laneStatus = { uninitialised: 0, ready: 1, stale: 2 } as const
type LaneStatus = (typeof laneStatus)[keyof typeof laneStatus]

/**
 * The mutable state of one lane (internal to the nonce folder). Everything here is synchronous:
 * no lock is ever held across an await, the only await is the deduplicated chain fetch.
 *
 * Invariants: `confirmed <= floor <= next` (the floor only drops when a submitted nonce is
 * dropped, never below `confirmed`); every released nonce is in `[floor, next)`; every
 * nonce handed out and not settled is `< next` and not in `released`.
 *
 * @example
 * const state = new LaneState(lane)
 * applyChainNonce(state, 7n, state.epoch) // ready, next = 7n
 */
export class LaneState {
  readonly lane: NonceLane
  status: LaneStatus = laneStatus.uninitialised
  /** The next never-used nonce. */
  next = 0n
  /** From receipts: every nonce below is mined (initially the chain's nonce when first seen). */
  confirmed = 0n
  /** Every nonce below is taken on chain (mined or pending): max of confirmed and fetched nonces. */
  floor = 0n
  /** Released nonces, sorted descending so the lowest pops from the end. Allocated on first use. */
  released: bigint[] | undefined = undefined
  /** Submitted, unconfirmed nonces with the block they were submitted at. Allocated on first use. */
  submitted: SubmittedQueue | undefined = undefined
  /** Reservations handed out and not settled yet. */
  reserved = 0
  /** Bumped whenever the lane goes stale, so a fetch that started before cannot mark it ready. */
  epoch = 0
  /** The in-flight chain fetch, shared by every caller. */
  fetch: Promise<Result<bigint, NonceResyncFailedErrorType>> | undefined = undefined

  constructor(lane: NonceLane) {
    this.lane = Object.freeze({ chainId: lane.chainId, address: lane.address, nonceKey: lane.nonceKey })
  }
}

/**
 * Hands out the lowest released nonce, else the next fresh one. Caller checked `status === ready`.
 *
 * @example
 * const nonce = takeNonce(state)
 */
export function takeNonce(state: LaneState): bigint {
  state.reserved++
  const released = state.released
  if (released !== undefined && released.length > 0) return released.pop() as bigint
  const nonce = state.next
  state.next = nonce + 1n
  return nonce
}

/**
 * Records a nonce the node accepted. Returns true when the lane had no submitted nonce before
 * (the manager then tracks it for gap detection).
 *
 * @example
 * if (recordSubmitted(state, 5n, 100n)) activeLanes.add(state)
 */
export function recordSubmitted(state: LaneState, nonce: bigint, block: bigint | undefined): boolean {
  state.reserved--
  // Already mined (the chain confirmed past it): nothing to wait for.
  if (nonce < state.confirmed) return false
  let submitted = state.submitted
  if (submitted === undefined) {
    submitted = new SubmittedQueue()
    state.submitted = submitted
  }
  const wasEmpty = submitted.size === 0
  submitted.add(nonce, block)
  return wasEmpty
}

/**
 * Gives a never-broadcast nonce back. Nonces below the floor are taken on chain and dropped; the
 * top nonce shrinks `next` instead of growing the released list.
 *
 * @example
 * recordReleased(state, 5n)
 */
export function recordReleased(state: LaneState, nonce: bigint): void {
  state.reserved--
  if (nonce < state.floor) return
  let released = state.released
  if (nonce === state.next - 1n) {
    let next = nonce
    // The released list is descending: its head is the highest released nonce.
    while (released !== undefined && released.length > 0 && released[0] === next - 1n) {
      released.shift()
      next--
    }
    state.next = next
    return
  }
  if (released === undefined) {
    released = []
    state.released = released
  }
  insertDescending(released, nonce)
}

/**
 * A submitted transaction was dropped by the node (never mined, no longer pending): its nonce
 * goes back to the released list, so the next reservation fills the hole. Returns false when the
 * nonce was not submitted and unconfirmed (already mined, or unknown).
 *
 * @example
 * if (recordDropped(state, 7n)) logger.info("nonce 7 will be reused")
 */
export function recordDropped(state: LaneState, nonce: bigint): boolean {
  if (state.submitted === undefined || !state.submitted.remove(nonce)) return false
  // A fetched pending nonce may have counted it: the floor no longer holds above it.
  if (state.floor > nonce) state.floor = nonce
  // Reuse it like a released nonce (recordReleased expects a reservation count to give back).
  state.reserved++
  recordReleased(state, nonce)
  return true
}

/**
 * Drops a nonce the chain says is taken and marks the lane stale: the next reservation fetches
 * the chain's nonce first.
 *
 * @example
 * recordTaken(state)
 */
export function recordTaken(state: LaneState): void {
  state.reserved--
  state.epoch++
  if (state.status === laneStatus.ready) state.status = laneStatus.stale
}

/**
 * Raises the floor: released nonces below it are discarded, `next` never stays below it.
 *
 * @example
 * raiseFloor(state, 10n)
 */
export function raiseFloor(state: LaneState, floor: bigint): void {
  if (floor <= state.floor) return
  state.floor = floor
  if (state.next < floor) state.next = floor
  const released = state.released
  if (released === undefined) return
  while (released.length > 0 && (released[released.length - 1] as bigint) < floor) released.pop()
}

/**
 * Receipts say every nonce below `nextNonce` is mined.
 *
 * @example
 * recordConfirmed(state, 8n)
 */
export function recordConfirmed(state: LaneState, nextNonce: bigint): void {
  if (nextNonce <= state.confirmed) return
  state.confirmed = nextNonce
  raiseFloor(state, nextNonce)
  state.submitted?.removeBelow(nextNonce)
}

/**
 * Applies a nonce fetched from the chain (`eth_getTransactionCount(pending)` or a nonce
 * precompile). It only ever raises the lane: in-flight reservations at or above it stay valid,
 * released nonces below it are discarded, and the lane never moves below a confirmed nonce.
 *
 * @example
 * applyChainNonce(state, fetched, epochWhenTheFetchStarted)
 */
export function applyChainNonce(state: LaneState, chainNonce: bigint, epochAtStart: number): void {
  if (state.status === laneStatus.uninitialised) {
    if (chainNonce > state.confirmed) state.confirmed = chainNonce
    state.status = laneStatus.ready
  } else if (state.status === laneStatus.stale && state.epoch === epochAtStart) {
    state.status = laneStatus.ready
  }
  raiseFloor(state, chainNonce)
}

function insertDescending(list: bigint[], nonce: bigint): void {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((list[middle] as bigint) > nonce) low = middle + 1
    else high = middle
  }
  list.splice(low, 0, nonce)
}
