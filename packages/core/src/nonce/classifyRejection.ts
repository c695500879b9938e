/**
 * What a rejected broadcast means for its nonce:
 * - `"resync"`: the nonce is taken on chain (nonce too low, or another transaction already holds
 *   it: replacement underpriced). It is dropped and the lane refetches its nonce before the next
 *   reservation.
 * - `"submitted"`: the node already has this very transaction (already known).
 * - `"released"`: the transaction never entered the pool; the nonce is reused, lowest first.
 *
 * @example
 * const outcome: NonceRejectionOutcome = reservation.markRejected(error)
 */
export type NonceRejectionOutcome = "resync" | "submitted" | "released"

/**
 * The RPC error `code`s that do not release the nonce. Matched by string so this module does not
 * depend on the RPC error classes.
 *
 * @example
 * nonceRejectionCodes.RPC_NONCE_TOO_LOW // "resync"
 */
export const nonceRejectionCodes: Readonly<Record<string, Exclude<NonceRejectionOutcome, "released">>> =
  Object.freeze({
    RPC_NONCE_TOO_LOW: "resync",
    RPC_REPLACEMENT_UNDERPRICED: "resync",
    RPC_ALREADY_KNOWN: "submitted",
  })

/** How deep to look into `cause` chains (a task error wrapping an RPC error, …). */
const maximumCauseDepth = 8

/**
 * Classifies a broadcast error by the first known `code` on the error or its `cause` chain.
 * Anything unknown (insufficient funds, nonce too high, timeouts, plain errors) is `"released"`.
 *
 * @example
 * classifyRejection({ code: "RPC_NONCE_TOO_LOW" }) // "resync"
 * classifyRejection(new Error("boom"))             // "released"
 */
export function classifyRejection(error: unknown): NonceRejectionOutcome {
  let current: unknown = error
  for (let depth = 0; depth < maximumCauseDepth; depth++) {
    if (typeof current !== "object" || current === null) return "released"
    const code: unknown = (current as { code?: unknown }).code
    if (typeof code === "string" && Object.hasOwn(nonceRejectionCodes, code)) {
      const outcome = nonceRejectionCodes[code]
      if (outcome !== undefined) return outcome
    }
    current = (current as { cause?: unknown }).cause
  }
  return "released"
}
