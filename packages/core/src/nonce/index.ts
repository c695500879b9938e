// Public exports of the nonce folder (named exports only).
export {
  type NonceErrorType,
  NonceGapDetectedError,
  type NonceGapDetectedErrorType,
  NonceLaneNotInitialisedError,
  type NonceLaneNotInitialisedErrorType,
  NonceReservationSettledError,
  type NonceReservationSettledErrorType,
  NonceResyncFailedError,
  type NonceResyncFailedErrorType,
} from "../errors/nonce.js"
export { classifyRejection, type NonceRejectionOutcome, nonceRejectionCodes } from "./classifyRejection.js"
export type { NonceGap } from "./gap.js"
export { getLaneKey, type NonceLane } from "./lane.js"
export {
  createNonceManager,
  type FetchPendingNonce,
  type NonceLaneSnapshot,
  type NonceManager,
  type NonceManagerParameters,
} from "./nonceManager.js"
export type { NonceReservation, NonceReservationState } from "./reservation.js"
