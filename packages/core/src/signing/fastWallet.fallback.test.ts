import { afterEach, describe, expect, it } from "vitest"
import { createFastWallet } from "./fastWallet.js"
import { disableNativeSignerVariable, getNativeSignerStatus } from "./nativeBinding.js"
import { checkEquivalence, devKeys } from "./testing/equivalence.js"

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

  it("signs 2000 random type-0/type-2 transactions byte-identically to ethers through the fallback", () => {
    process.env[disableNativeSignerVariable] = "1"
    checkEquivalence("ethers", 2000)
  }, 30_000)
})
