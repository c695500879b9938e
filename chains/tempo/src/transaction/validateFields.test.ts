import { describe, expect, it } from "vitest"
import { tempoAddresses } from "../contracts/addresses.js"
import { TempoEmptyValidityWindowError, TempoFeeOutOfRangeError } from "../errors/transaction.js"
import { developmentAccount } from "../testing/rpc.js"
import { serializeTempoTransaction } from "./serialize.js"
import { signTempoTransaction } from "./sign.js"
import type { TempoTransactionFields } from "./types.js"
import { validateTempoFields } from "./validateFields.js"

const fields: TempoTransactionFields = {
  chainId: 42431,
  maxPriorityFeePerGas: 1n,
  maxFeePerGas: 12_000_000_000n,
  gasLimit: 100_000n,
  calls: [{ to: tempoAddresses.pathUsd, input: "0x" }],
  nonce: 0n,
}
const maxUint128 = (1n << 128n) - 1n

describe("validateTempoFields", () => {
  it("accepts an open or non-empty validity window and fees up to 2^128 − 1", () => {
    expect(validateTempoFields(fields).isOk()).toBe(true)
    expect(validateTempoFields({ ...fields, validBefore: 11n, validAfter: 10n }).isOk()).toBe(true)
    expect(validateTempoFields({ ...fields, validBefore: 5n, validAfter: null }).isOk()).toBe(true)
    expect(validateTempoFields({ ...fields, validBefore: 5n, validAfter: 0n }).isOk()).toBe(true) // 0: no bound
    expect(
      validateTempoFields({ ...fields, maxFeePerGas: maxUint128, maxPriorityFeePerGas: maxUint128 }).isOk(),
    ).toBe(true)
  })

  it("refuses validBefore ≤ validAfter", () => {
    for (const validBefore of [10n, 9n]) {
      const checked = validateTempoFields({ ...fields, validBefore, validAfter: 10n })
      expect(checked.isErr() && checked.error.code).toBe("TEMPO_EMPTY_VALIDITY_WINDOW")
    }
  })

  it("refuses fee fields above u128", () => {
    for (const field of ["maxFeePerGas", "maxPriorityFeePerGas"] as const) {
      const checked = validateTempoFields({ ...fields, [field]: maxUint128 + 1n })
      expect(checked.isErr() && checked.error.code).toBe("TEMPO_FEE_OUT_OF_RANGE")
      expect(checked.isErr() && checked.error instanceof TempoFeeOutOfRangeError && checked.error.field).toBe(
        field,
      )
    }
  })

  it("makes the encoder and the signer throw the typed error instead of producing bytes the node refuses", () => {
    expect(() => serializeTempoTransaction({ ...fields, validBefore: 10n, validAfter: 10n })).toThrow(
      TempoEmptyValidityWindowError,
    )
    expect(() =>
      signTempoTransaction({ ...fields, maxFeePerGas: maxUint128 + 1n }, developmentAccount(0).signDigest),
    ).toThrow(TempoFeeOutOfRangeError)
  })

  it("renders both errors", () => {
    expect(new TempoEmptyValidityWindowError({ validBefore: 9n, validAfter: 10n }).shortMessage).toBe(
      "The Tempo transaction is valid before 9 and after 10: that window is empty.",
    )
    expect(new TempoFeeOutOfRangeError({ field: "maxFeePerGas", value: 1n << 128n }).shortMessage).toBe(
      `The Tempo transaction's maxFeePerGas ${1n << 128n} does not fit in 128 bits.`,
    )
  })
})
