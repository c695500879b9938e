import { describe, expect, it } from "vitest"
import { BaseError } from "./base.js"
import { SigningBackendUnavailableError } from "./signing.js"

describe("signing errors", () => {
  it("SigningBackendUnavailableError", () => {
    const error = new SigningBackendUnavailableError({
      backend: "native",
      reason: "disabled by TESTNET_DISABLE_NATIVE_SIGNER=1",
    })
    expect([error.name, error.code, error.backend, BaseError.isInstance(error)]).toEqual([
      "SigningBackendUnavailableError",
      "SIGNING_BACKEND_UNAVAILABLE",
      "native",
      true,
    ])
    expect(error.message).toMatchInlineSnapshot(`
      "The native signing backend is unavailable: disabled by TESTNET_DISABLE_NATIVE_SIGNER=1.

      Use backend "auto" to fall back to ethers' pure-JS signing (about 8× slower, same bytes).
      The native binding ships prebuilt for linux-x64, darwin-arm64 and win32-x64; elsewhere it needs node-gyp at install."
    `)
  })
})
