import { describe, expect, it } from "vitest"
import { checkEquivalence } from "../testing/signing/equivalence.js"
import { getNativeSignerStatus } from "./nativeBinding.js"

describe("fast wallet, native libsecp256k1 backend", () => {
  it("loads the native binding on this machine", () => {
    expect(getNativeSignerStatus().available).toBe(true)
  })

  it("signs 2000 random type-0/type-2 transactions byte-identically to ethers, hashes included", () => {
    checkEquivalence("native", "native", 2000)
  }, 30_000)
})
