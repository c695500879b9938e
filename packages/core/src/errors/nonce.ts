import { BaseError } from "./base.js"

/** The lane fields an error message shows (no secrets: a lane is public data). */
type LaneDescription = { chainId: number; address: string; nonceKey: bigint }

function describeLane(lane: LaneDescription): string {
  const key = lane.nonceKey === 0n ? "protocol nonce" : `nonce key ${lane.nonceKey}`
  return `${lane.address} on chain ${lane.chainId} (${key})`
}

/**
 * A lane was read before its first nonce was fetched from the chain. `reserve` (or `resync`)
 * initialises a lane; `getLane` returns this error for a lane that was never used.
 *
 * @example
 * const result = manager.getLane(lane)
 * if (result.isErr() && result.error.code === "NONCE_LANE_NOT_INITIALISED") await manager.resync(lane)
 */
export class NonceLaneNotInitialisedError extends BaseError {
  override name = "NonceLaneNotInitialisedError"
  readonly lane: LaneDescription

  constructor(parameters: { lane: LaneDescription }) {
    super(`Nonce lane ${describeLane(parameters.lane)} is not initialised.`, {
      code: "NONCE_LANE_NOT_INITIALISED",
      metaMessages: ["Call reserve() or resync() on the lane first: it fetches the pending nonce once."],
    })
    this.lane = parameters.lane
  }
}
/**
 * {@link NonceLaneNotInitialisedError} narrowed by name, for `Result` error unions.
 *
 * @example
 * function isMine(error: NonceLaneNotInitialisedErrorType) { return error.name === "NonceLaneNotInitialisedError" }
 */
export type NonceLaneNotInitialisedErrorType = NonceLaneNotInitialisedError & {
  name: "NonceLaneNotInitialisedError"
}

/**
 * Fetching a lane's pending nonce from the chain failed (the RPC error is the `cause`), so the
 * lane could not be initialised or resynchronised. Nothing was reserved.
 *
 * @example
 * const result = await manager.reserve(lane)
 * if (result.isErr() && result.error.code === "NONCE_RESYNC_FAILED") logger.warn(result.error.shortMessage)
 */
export class NonceResyncFailedError extends BaseError {
  override name = "NonceResyncFailedError"
  readonly lane: LaneDescription

  constructor(parameters: { lane: LaneDescription; cause: unknown; reason?: string }) {
    super(`Could not fetch the pending nonce of ${describeLane(parameters.lane)}.`, {
      code: "NONCE_RESYNC_FAILED",
      cause: parameters.cause,
      ...(parameters.reason === undefined ? {} : { details: parameters.reason }),
      metaMessages: [
        "The lane keeps its previous state; the next reserve() retries the fetch.",
        "Check that the RPC endpoint answers eth_getTransactionCount (or the nonce precompile for keyed nonces).",
      ],
    })
    this.lane = parameters.lane
  }
}
/**
 * {@link NonceResyncFailedError} narrowed by name, for `Result` error unions.
 *
 * @example
 * function isMine(error: NonceResyncFailedErrorType) { return error.name === "NonceResyncFailedError" }
 */
export type NonceResyncFailedErrorType = NonceResyncFailedError & { name: "NonceResyncFailedError" }

/**
 * The chain is waiting for nonce `expected` but this lane's lowest submitted nonce is `found`
 * (a gap: nonces in between were never mined), or `expected === found` and that transaction has
 * not been mined for too many blocks (stuck or silently dropped). Built by the runner from a
 * `NonceGap` reported by `manager.findGaps`.
 *
 * @example
 * for (const gap of manager.findGaps(block, 5)) logger.warn(new NonceGapDetectedError(gap).shortMessage)
 */
export class NonceGapDetectedError extends BaseError {
  override name = "NonceGapDetectedError"
  readonly lane: LaneDescription
  readonly expected: bigint
  readonly found: bigint

  constructor(parameters: { lane: LaneDescription; expected: bigint; found: bigint }) {
    const { lane, expected, found } = parameters
    const what =
      expected < found
        ? `the chain expects nonce ${expected} but the lowest submitted nonce is ${found}`
        : `nonce ${found} was submitted but has not been mined`
    super(`Nonce gap on ${describeLane(lane)}: ${what}.`, {
      code: "NONCE_GAP_DETECTED",
      metaMessages:
        expected < found
          ? [`Send a filler transaction for nonces ${expected}–${found - 1n}, or re-broadcast them.`]
          : ["Re-broadcast it with bumped fees, or replace it with a filler transaction."],
    })
    this.lane = lane
    this.expected = expected
    this.found = found
  }
}
/**
 * {@link NonceGapDetectedError} narrowed by name, for `Result` error unions.
 *
 * @example
 * function isMine(error: NonceGapDetectedErrorType) { return error.name === "NonceGapDetectedError" }
 */
export type NonceGapDetectedErrorType = NonceGapDetectedError & { name: "NonceGapDetectedError" }

/**
 * A reservation was settled twice (e.g. `release()` after `markSubmitted()`). This is a bug in
 * the caller, so it is thrown, never returned.
 *
 * @example
 * reservation.markSubmitted()
 * reservation.release() // throws NonceReservationSettledError
 */
export class NonceReservationSettledError extends BaseError {
  override name = "NonceReservationSettledError"

  constructor(parameters: { lane: LaneDescription; nonce: bigint; settledAs: string; attempted: string }) {
    super(
      `Nonce ${parameters.nonce} of ${describeLane(parameters.lane)} was already settled as ${parameters.settledAs}; ${parameters.attempted} is not allowed.`,
      {
        code: "NONCE_RESERVATION_ALREADY_SETTLED",
        metaMessages: ["A reservation ends in exactly one of markSubmitted(), release() or markRejected()."],
      },
    )
  }
}
/**
 * {@link NonceReservationSettledError} narrowed by name, for `Result` error unions.
 *
 * @example
 * function isMine(error: NonceReservationSettledErrorType) { return error.name === "NonceReservationSettledError" }
 */
export type NonceReservationSettledErrorType = NonceReservationSettledError & {
  name: "NonceReservationSettledError"
}

/**
 * Every error the nonce manager returns in a `Result` (thrown bugs are not part of it).
 *
 * @example
 * function explain(error: NonceErrorType) { return error.code }
 */
export type NonceErrorType =
  | NonceLaneNotInitialisedErrorType
  | NonceResyncFailedErrorType
  | NonceGapDetectedErrorType
