import { NonceReservationSettledError } from "../errors/nonce.js"
import { classifyRejection, type NonceRejectionOutcome } from "./classifyRejection.js"
import type { NonceLane } from "./lane.js"
import { type LaneState, recordReleased, recordSubmitted, recordTaken } from "./laneState.js"

/**
 * Where a reservation stands: `"reserved"` until settled, then exactly one of `"submitted"`
 * (the node has it), `"released"` (never broadcast: the nonce is reused) or `"taken"` (the chain
 * says the nonce is used: dropped, the lane resyncs).
 *
 * @example
 * if (reservation.state === "reserved") reservation.release()
 */
export type NonceReservationState = "reserved" | "submitted" | "released" | "taken"

/**
 * A nonce handed out by the nonce manager. It must end in exactly one of `markSubmitted`,
 * `release` or `markRejected`; settling twice is a bug and throws `NonceReservationSettledError`.
 *
 * @example
 * const reservation = (await manager.reserve(lane)).unwrap()
 * const sent = await broadcast(sign({ ...request, nonce: reservation.nonce }))
 * if (sent.isOk()) reservation.markSubmitted(head)
 * else if (reservation.markRejected(sent.error) === "resync") await manager.resync(lane)
 */
export type NonceReservation = {
  readonly lane: NonceLane
  readonly nonce: bigint
  readonly state: NonceReservationState
  /** The node accepted the transaction. `block`: the current head, for gap detection. */
  markSubmitted(block?: bigint): void
  /** The transaction was never broadcast: the nonce goes back to the lane (lowest first). */
  release(): void
  /** The node rejected the broadcast: classify by the error's `code` and settle accordingly. */
  markRejected(error: unknown, block?: bigint): NonceRejectionOutcome
}

/**
 * Called the first time a lane gets a submitted nonce, so the manager can watch it for gaps.
 *
 * @example
 * const onLaneSubmitted: OnLaneSubmitted = (state) => watchedLanes.add(state)
 */
export type OnLaneSubmitted = (state: LaneState) => void

const settledNames = ["reserved", "submitted", "released", "taken"] as const

/**
 * The reservation object: a class, because it is a small state machine allocated on the hot path
 * (one shape, methods on the prototype).
 *
 * @example
 * const reservation = new LaneReservation(state, takeNonce(state), onLaneSubmitted)
 */
export class LaneReservation implements NonceReservation {
  readonly nonce: bigint
  #state: LaneState
  #onLaneSubmitted: OnLaneSubmitted
  /** Index into `settledNames`. */
  #settled = 0

  constructor(state: LaneState, nonce: bigint, onLaneSubmitted: OnLaneSubmitted) {
    this.nonce = nonce
    this.#state = state
    this.#onLaneSubmitted = onLaneSubmitted
  }

  get lane(): NonceLane {
    return this.#state.lane
  }

  get state(): NonceReservationState {
    return settledNames[this.#settled] as NonceReservationState
  }

  markSubmitted(block?: bigint): void {
    this.#settle(1, "markSubmitted()")
    if (recordSubmitted(this.#state, this.nonce, block)) this.#onLaneSubmitted(this.#state)
  }

  release(): void {
    this.#settle(2, "release()")
    recordReleased(this.#state, this.nonce)
  }

  markRejected(error: unknown, block?: bigint): NonceRejectionOutcome {
    const outcome = classifyRejection(error)
    if (outcome === "submitted") {
      this.#settle(1, "markRejected()")
      if (recordSubmitted(this.#state, this.nonce, block)) this.#onLaneSubmitted(this.#state)
    } else if (outcome === "released") {
      this.#settle(2, "markRejected()")
      recordReleased(this.#state, this.nonce)
    } else {
      this.#settle(3, "markRejected()")
      recordTaken(this.#state)
    }
    return outcome
  }

  #settle(to: number, attempted: string): void {
    if (this.#settled !== 0) {
      throw new NonceReservationSettledError({
        lane: this.#state.lane,
        nonce: this.nonce,
        settledAs: settledNames[this.#settled] as string,
        attempted,
      })
    }
    this.#settled = to
  }
}
