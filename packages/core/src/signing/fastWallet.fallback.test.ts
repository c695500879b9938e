import { afterEach, describe, expect, it } from "vitest"
import { checkEquivalence, devKeys } from "../testing/signing/equivalence.js"
import { createFastWallet } from "./fastWallet.js"
import { selectKeccak } from "./keccak.js"
import { disableNativeSignerVariable, getNativeSignerStatus } from "./nativeBinding.js"
import { getNativeKeccakStatus } from "./nativeKeccak.js"

describe(`fast wallet, ethers fallback (forced by ${disableNativeSignerVariable})`, () => {
  afterEach(() => {
    delete process.env[disableNativeSignerVariable]
  })

  it("falls back to ethers when the variable is set, and refuses an explicit native request", () => {
    process.env[disableNativeSignerVariable] = "1"
    expect(getNativeSignerStatus()).toEqual({
      available: false,
      reason: `disabled by ${disableNativeSignerVariable}=1`,
    })
    const [key] = devKeys()
    expect(createFastWallet(key as string).unwrap().backend).toBe("ethers")
    const refused = createFastWallet(key as string, { backend: "native" })
    expect(refused.isErr() && refused.error.code).toBe("SIGNING_BACKEND_UNAVAILABLE")
    process.env[disableNativeSignerVariable] = "0"
    expect(createFastWallet(key as string).unwrap().backend).toBe("native")
  })

  it("hashes in JavaScript when the variable is set, natively again when it is cleared", () => {
    process.env[disableNativeSignerVariable] = "1"
    expect(getNativeKeccakStatus()).toEqual({
      available: false,
      reason: `disabled by ${disableNativeSignerVariable}=1`,
    })
    expect(selectKeccak(true).backend).toBe("js")
    const [key] = devKeys()
    expect(createFastWallet(key as string).unwrap().keccakBackend).toBe("js")
    process.env[disableNativeSignerVariable] = "0"
    expect(getNativeKeccakStatus().available).toBe(true)
    expect(createFastWallet(key as string).unwrap().keccakBackend).toBe("native")
  })

  it("signs and hashes 2000 random type-0/type-2 transactions byte-identically to ethers through the fallback", () => {
    process.env[disableNativeSignerVariable] = "1"
    checkEquivalence("ethers", "js", 2000)
  }, 30_000)
})
