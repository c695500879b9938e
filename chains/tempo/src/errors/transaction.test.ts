import { expect, it } from "vitest"
import { TempoTransactionDecodeError } from "./transaction.js"

it("renders TempoTransactionDecodeError", () => {
  const error = new TempoTransactionDecodeError({ reason: "type byte is 0x02, expected 0x76" })
  expect(error.name).toBe("TempoTransactionDecodeError")
  expect(error.code).toBe("TEMPO_TRANSACTION_DECODE")
  expect(error.message).toMatchInlineSnapshot(`
    "Could not decode the Tempo (0x76) transaction.

    Only secp256k1-signed 0x76 transactions without key authorization are supported.

    Details: type byte is 0x02, expected 0x76"
  `)
})
