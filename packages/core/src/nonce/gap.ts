import type { NonceLane } from "./lane.js"

/**
 * A lane whose lowest submitted nonce has waited too long to be mined.
 * - `kind: "missing"` (`expected < found`): nonces `expected … found - 1` never reached the
 *   chain; send fillers (a `reserve` on the lane hands out released nonces lowest first) or
 *   re-broadcast them.
 * - `kind: "stuck"` (`expected === found`): the chain waits for this very nonce; re-broadcast it
 *   with bumped fees or replace it with a filler.
 *
 * @example
 * for (const gap of manager.findGaps(head, 5)) {
 *   if (gap.kind === "stuck") rebroadcast(gap.lane, gap.found)
 * }
 */
export type NonceGap = {
  readonly lane: NonceLane
  readonly kind: "missing" | "stuck"
  /** The nonce the chain waits for (the lane's confirmed nonce). */
  readonly expected: bigint
  /** The lane's lowest submitted, unconfirmed nonce. */
  readonly found: bigint
  /** The block at which `found` was submitted (or last reported). */
  readonly sinceBlock: bigint
}
