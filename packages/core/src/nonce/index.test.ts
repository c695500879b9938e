import { expect, it } from "vitest"
import * as nonce from "./index.js"

it("exports these runtime names from the nonce barrel (review API changes here)", () => {
  expect(Object.keys(nonce).sort()).toEqual([
    "NonceGapDetectedError",
    "NonceLaneNotInitialisedError",
    "NonceReservationSettledError",
    "NonceResyncFailedError",
    "classifyRejection",
    "createNonceManager",
    "getLaneKey",
    "nonceRejectionCodes",
  ])
})
