import { describe, expect, it } from "vitest"
import { BaseError } from "./base.js"
import { SecretExposureError } from "./security.js"

describe("security errors", () => {
  it("SecretExposureError", () => {
    const error = new SecretExposureError({ destination: "the CSV export", secretCount: 2 })
    expect([error.name, error.code, error.destination]).toEqual([
      "SecretExposureError",
      "SECURITY_SECRET_EXPOSURE",
      "the CSV export",
    ])
    expect(BaseError.isInstance(error)).toBe(true)
    expect(error.message).toMatchInlineSnapshot(`
      "Refused to write the CSV export: it contains 2 secret value(s).

      Private keys, mnemonics and passwords never leave memory; this is a bug, please report it."
    `)
  })
})
