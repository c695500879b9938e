import {
  NonceLaneNotInitialisedError,
  type NonceLaneNotInitialisedErrorType,
  NonceResyncFailedError,
  type NonceResyncFailedErrorType,
} from "../errors/nonce.js"
import { Err, Ok, type Result } from "../result.js"
import type { NonceGap } from "./gap.js"
import type { NonceLane } from "./lane.js"
import { LaneRegistry } from "./laneRegistry.js"
import {
  applyChainNonce,
  type LaneState,
  laneStatus,
  recordConfirmed,
  recordDropped,
  takeNonce,
} from "./laneState.js"
import { LaneReservation, type NonceReservation } from "./reservation.js"

/**
 * Fetches a lane's pending nonce from the chain: `eth_getTransactionCount(address, "pending")`
 * for key 0, the chain's nonce precompile for other keys. Any error type; it becomes the `cause`
 * of a `NonceResyncFailedError`.
 *
 * @example
 * const fetchPendingNonce: FetchPendingNonce = async (lane) =>
 *   (await rpc.request<string>("eth_getTransactionCount", [lane.address, "pending"])).map(BigInt)
 */
export type FetchPendingNonce = (lane: NonceLane) => Promise<Result<bigint, unknown>>

/**
 * Options of `createNonceManager`.
 *
 * @example
 * const parameters: NonceManagerParameters = { fetchPendingNonce }
 */
export type NonceManagerParameters = {
  fetchPendingNonce: FetchPendingNonce
}

/**
 * A read-only view of one lane, for diagnostics and tests.
 *
 * @example
 * const view = manager.getLane(lane).unwrap()
 * console.log(view.next, view.released)
 */
export type NonceLaneSnapshot = {
  readonly lane: NonceLane
  /** `"stale"`: the chain rejected a nonce as taken; the next reservation refetches first. */
  readonly status: "ready" | "stale"
  readonly next: bigint
  readonly confirmed: bigint
  readonly floor: bigint
  /** Ascending. */
  readonly released: readonly bigint[]
  /** Ascending. */
  readonly submitted: readonly bigint[]
  readonly reserved: number
}

/**
 * Hands out nonces per lane (chain, address, nonce key) without asking the chain again once a
 * lane is known. See `createNonceManager`.
 *
 * @example
 * const reservation = manager.reserveSync(lane) ?? (await manager.reserve(lane)).unwrap()
 */
export type NonceManager = {
  /** Reserves the lowest free nonce; fetches from the chain only when the lane is new or stale. */
  reserve(lane: NonceLane): Promise<Result<NonceReservation, NonceResyncFailedErrorType>>
  /** Synchronous fast path: undefined when the lane must be fetched first (new or stale). */
  reserveSync(lane: NonceLane): NonceReservation | undefined
  /** From receipts: every nonce below `nextNonce` is mined. Unknown lanes are ignored. */
  confirm(lane: NonceLane, nextNonce: bigint): void
  /**
   * A submitted transaction was dropped (the receipt tracker gave up on it, or the chain silently
   * discards it): its nonce is reused by the next reservation. False if it was not in flight.
   */
  markDropped(lane: NonceLane, nonce: bigint): boolean
  /**
   * Starts a lane the caller already knows the pending nonce of (a setup batch read every wallet
   * at once; a nonce key the run chose at random was never used: 0), so its first reservation
   * asks the chain nothing. Only a lane never seen and not being fetched is set: false otherwise.
   */
  learn(lane: NonceLane, pendingNonce: bigint): boolean
  /** Refetches the chain's pending nonce (one fetch per lane in flight); Ok(the lane's floor). */
  resync(lane: NonceLane): Promise<Result<bigint, NonceResyncFailedErrorType>>
  /** Lanes whose lowest submitted nonce waited ≥ `maxBlocksWaiting` blocks; each reported once per wait. */
  findGaps(currentBlock: bigint, maxBlocksWaiting: number): NonceGap[]
  /** A snapshot of a lane, or an error if it was never initialised. */
  getLane(lane: NonceLane): Result<NonceLaneSnapshot, NonceLaneNotInitialisedErrorType>
  /** Number of lanes known (initialised or not). */
  readonly size: number
}

/** How often `reserve` refetches when the lane keeps going stale between fetch and reservation. */
const maximumFetchAttempts = 5

/**
 * Creates the nonce manager. Reservations on a known lane are synchronous (`reserveSync`, or
 * `reserve` returning an already-resolved promise); the chain is asked only for new lanes and
 * after a nonce was rejected as taken, and concurrent callers share one fetch per lane.
 *
 * @example
 * const manager = createNonceManager({
 *   fetchPendingNonce: async (lane) =>
 *     (await rpc.request<string>("eth_getTransactionCount", [lane.address, "pending"])).map(BigInt),
 * })
 * const reservation = await manager.reserve({ chainId: 31337, address, nonceKey: 0n })
 * if (reservation.isOk()) {
 *   // sign with reservation.value.nonce, broadcast, then:
 *   reservation.value.markSubmitted()
 * }
 */
export function createNonceManager(parameters: NonceManagerParameters): NonceManager {
  const { fetchPendingNonce } = parameters
  const lanes = new LaneRegistry()
  /** Lanes with submitted, unconfirmed nonces: the only ones `findGaps` looks at. */
  const watchedLanes = new Set<LaneState>()
  const watchLane = (state: LaneState) => {
    watchedLanes.add(state)
  }

  function reserveSync(lane: NonceLane): NonceReservation | undefined {
    const state = lanes.get(lane)
    if (state === undefined || state.status !== laneStatus.ready) return undefined
    return new LaneReservation(state, takeNonce(state), watchLane)
  }

  async function reserveAfterFetch(
    lane: NonceLane,
  ): Promise<Result<NonceReservation, NonceResyncFailedErrorType>> {
    for (let attempt = 0; attempt < maximumFetchAttempts; attempt++) {
      const fetched = await resync(lane)
      if (fetched.isErr()) return fetched
      const reservation = reserveSync(lane)
      if (reservation !== undefined) return Ok(reservation)
    }
    return Err(
      new NonceResyncFailedError({
        lane,
        cause: undefined,
        reason: `the lane went stale again after each of ${maximumFetchAttempts} fetches`,
      }) as NonceResyncFailedErrorType,
    )
  }

  function resync(lane: NonceLane): Promise<Result<bigint, NonceResyncFailedErrorType>> {
    const state = lanes.getOrCreate(lane)
    if (state.fetch !== undefined) return state.fetch
    const fetch = fetchInto(state)
    state.fetch = fetch
    return fetch
  }

  async function fetchInto(state: LaneState): Promise<Result<bigint, NonceResyncFailedErrorType>> {
    const epoch = state.epoch
    try {
      let fetched: Result<bigint, unknown>
      try {
        fetched = await fetchPendingNonce(state.lane)
      } catch (cause) {
        fetched = Err(cause)
      }
      if (fetched.isErr()) {
        return Err(
          new NonceResyncFailedError({
            lane: state.lane,
            cause: fetched.error,
          }) as NonceResyncFailedErrorType,
        )
      }
      const chainNonce = fetched.value
      if (typeof chainNonce !== "bigint" || chainNonce < 0n) {
        return Err(
          new NonceResyncFailedError({
            lane: state.lane,
            cause: undefined,
            reason: `the chain returned ${String(chainNonce)}, not a non-negative bigint`,
          }) as NonceResyncFailedErrorType,
        )
      }
      applyChainNonce(state, chainNonce, epoch)
      return Ok(state.floor)
    } finally {
      state.fetch = undefined
    }
  }

  function learn(lane: NonceLane, pendingNonce: bigint): boolean {
    if (pendingNonce < 0n) return false
    const known = lanes.get(lane)
    if (known !== undefined && (known.status !== laneStatus.uninitialised || known.fetch !== undefined))
      return false
    const state = known ?? lanes.getOrCreate(lane)
    applyChainNonce(state, pendingNonce, state.epoch)
    return true
  }

  function confirm(lane: NonceLane, nextNonce: bigint): void {
    const state = lanes.get(lane)
    if (state !== undefined) recordConfirmed(state, nextNonce)
  }

  function markDropped(lane: NonceLane, nonce: bigint): boolean {
    const state = lanes.get(lane)
    return state !== undefined && recordDropped(state, nonce)
  }

  function findGaps(currentBlock: bigint, maxBlocksWaiting: number): NonceGap[] {
    const waiting = BigInt(maxBlocksWaiting)
    const gaps: NonceGap[] = []
    for (const state of watchedLanes) {
      const submitted = state.submitted
      const found = submitted?.lowest()
      if (submitted === undefined || found === undefined) {
        watchedLanes.delete(state)
        continue
      }
      const sinceBlock = submitted.lowestBlock()
      if (sinceBlock === undefined) {
        // Submitted without a block number: the wait starts now.
        submitted.setLowestBlock(currentBlock)
        continue
      }
      if (currentBlock - sinceBlock < waiting) continue
      const expected = state.confirmed
      gaps.push({
        lane: state.lane,
        kind: expected < found ? "missing" : "stuck",
        expected,
        found,
        sinceBlock,
      })
      // Restart the wait so one gap is reported once per `maxBlocksWaiting`, not on every block.
      submitted.setLowestBlock(currentBlock)
    }
    return gaps
  }

  function getLane(lane: NonceLane): Result<NonceLaneSnapshot, NonceLaneNotInitialisedErrorType> {
    const state = lanes.get(lane)
    if (state === undefined || state.status === laneStatus.uninitialised) {
      return Err(new NonceLaneNotInitialisedError({ lane }) as NonceLaneNotInitialisedErrorType)
    }
    return Ok({
      lane: state.lane,
      status: state.status === laneStatus.ready ? "ready" : "stale",
      next: state.next,
      confirmed: state.confirmed,
      floor: state.floor,
      released: [...(state.released ?? [])].reverse(),
      submitted: state.submitted?.toArray() ?? [],
      reserved: state.reserved,
    })
  }

  return {
    reserve(lane) {
      const reservation = reserveSync(lane)
      if (reservation !== undefined) return Promise.resolve(Ok(reservation))
      return reserveAfterFetch(lane)
    },
    reserveSync,
    learn,
    confirm,
    markDropped,
    resync,
    findGaps,
    getLane,
    get size() {
      return lanes.size
    },
  }
}
