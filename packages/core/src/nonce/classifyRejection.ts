import { classifySendOutcome } from "../rpc/sendOutcome.js"

/**
 * What a failed broadcast means for its nonce:
 * - `"resync"`: the nonce is taken on chain (nonce too low, or another transaction already holds
 *   it: replacement underpriced). It is dropped and the lane refetches its nonce before the next
 *   reservation.
 * - `"submitted"`: the node has this very transaction (already known) — or may have it (an
 *   unknown outcome: timeout, internal error, reset after the request was written, EIP-7966
 *   codes 4/5). The nonce stays held until the receipt tracker settles the transaction.
 * - `"released"`: the node's answer proves the transaction is not in its pool; the nonce is
 *   reused, lowest first.
 *
 * @example
 * const outcome: NonceRejectionOutcome = reservation.markRejected(error)
 */
export type NonceRejectionOutcome = "resync" | "submitted" | "released"

/**
 * RPC error `code`s whose outcome is not a release, kept for callers that match codes. The full
 * classification (node messages, EIP-7966 codes, HTTP statuses) is `classifySendOutcome` in
 * rpc/sendOutcome.ts, which {@link classifyRejection} uses.
 *
 * @example
 * nonceRejectionCodes.RPC_NONCE_TOO_LOW // "resync"
 */
export const nonceRejectionCodes: Readonly<Record<string, Exclude<NonceRejectionOutcome, "released">>> =
  Object.freeze({
    RPC_NONCE_TOO_LOW: "resync",
    RPC_REPLACEMENT_UNDERPRICED: "resync",
    RPC_ALREADY_KNOWN: "submitted",
    RPC_TIMEOUT: "submitted",
    RPC_INVALID_RESPONSE: "submitted",
  })

/**
 * Classifies a broadcast error with the send-outcome model (ADR 0013): only a refusal that
 * proves the transaction is not in a pool releases the nonce; anything unknown keeps it held.
 *
 * @example
 * classifyRejection({ code: "RPC_NONCE_TOO_LOW" })       // "resync"
 * classifyRejection({ code: "RPC_INSUFFICIENT_FUNDS" })  // "released"
 * classifyRejection(new Error("boom"))                   // "submitted" (may be in a pool)
 */
export function classifyRejection(error: unknown): NonceRejectionOutcome {
  const outcome = classifySendOutcome(error)
  if (outcome.kind === "refused") return outcome.nonce === "taken" ? "resync" : "released"
  return "submitted"
}
