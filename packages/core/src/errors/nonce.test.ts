import { describe, expect, it } from "vitest"
import { BaseError } from "./base.js"
import {
  NonceGapDetectedError,
  NonceLaneNotInitialisedError,
  NonceReservationSettledError,
  NonceResyncFailedError,
} from "./nonce.js"

const lane = { chainId: 42431, address: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", nonceKey: 0n }
const keyedLane = { ...lane, nonceKey: 12n }

describe("nonce errors", () => {
  it("NonceLaneNotInitialisedError", () => {
    const error = new NonceLaneNotInitialisedError({ lane })
    expect(error.code).toBe("NONCE_LANE_NOT_INITIALISED")
    expect(error.name).toBe("NonceLaneNotInitialisedError")
    expect(BaseError.isInstance(error)).toBe(true)
    expect(error.message).toMatchInlineSnapshot(`
      "Nonce lane 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 on chain 42431 (protocol nonce) is not initialised.

      Call reserve() or resync() on the lane first: it fetches the pending nonce once."
    `)
  })

  it("NonceResyncFailedError keeps the RPC error as cause", () => {
    const cause = Object.assign(new Error("timeout"), { code: "RPC_TIMEOUT" })
    const error = new NonceResyncFailedError({ lane: keyedLane, cause })
    expect(error.code).toBe("NONCE_RESYNC_FAILED")
    expect(error.cause).toBe(cause)
    expect(error.message).toMatchInlineSnapshot(`
      "Could not fetch the pending nonce of 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 on chain 42431 (nonce key 12).

      The lane keeps its previous state; the next reserve() retries the fetch.
      Check that the RPC endpoint answers eth_getTransactionCount (or the nonce precompile for keyed nonces)."
    `)
    const withReason = new NonceResyncFailedError({ lane, cause: undefined, reason: "the chain returned -1" })
    expect(withReason.message).toMatchInlineSnapshot(`
      "Could not fetch the pending nonce of 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 on chain 42431 (protocol nonce).

      The lane keeps its previous state; the next reserve() retries the fetch.
      Check that the RPC endpoint answers eth_getTransactionCount (or the nonce precompile for keyed nonces).

      Details: the chain returned -1"
    `)
  })

  it("NonceGapDetectedError, missing nonces and a stuck nonce", () => {
    const missing = new NonceGapDetectedError({ lane, expected: 5n, found: 8n })
    expect(missing.code).toBe("NONCE_GAP_DETECTED")
    expect([missing.expected, missing.found]).toEqual([5n, 8n])
    expect(missing.message).toMatchInlineSnapshot(`
      "Nonce gap on 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 on chain 42431 (protocol nonce): the chain expects nonce 5 but the lowest submitted nonce is 8.

      Send a filler transaction for nonces 5–7, or re-broadcast them."
    `)
    expect(
      new NonceGapDetectedError({ lane: keyedLane, expected: 5n, found: 5n }).message,
    ).toMatchInlineSnapshot(`
      "Nonce gap on 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 on chain 42431 (nonce key 12): nonce 5 was submitted but has not been mined.

      Re-broadcast it with bumped fees, or replace it with a filler transaction."
    `)
  })

  it("NonceReservationSettledError", () => {
    const error = new NonceReservationSettledError({
      lane,
      nonce: 3n,
      settledAs: "submitted",
      attempted: "release()",
    })
    expect(error.code).toBe("NONCE_RESERVATION_ALREADY_SETTLED")
    expect(error.message).toMatchInlineSnapshot(`
      "Nonce 3 of 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 on chain 42431 (protocol nonce) was already settled as submitted; release() is not allowed.

      A reservation ends in exactly one of markSubmitted(), release() or markRejected()."
    `)
  })
})
