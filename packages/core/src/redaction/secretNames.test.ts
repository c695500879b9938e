import { describe, expect, it } from "vitest"
import { isSecretFieldName, secretFieldNames } from "./secretNames.js"

describe("isSecretFieldName", () => {
  it("accepts every name the logger censors", () => {
    expect(secretFieldNames.filter((name) => !isSecretFieldName(name))).toEqual([])
  })

  it("knows secret names in any spelling and leaves ordinary fields alone", () => {
    for (const name of [
      "key",
      "private_key",
      "PRIVATE-KEY",
      "funder_key",
      "dbPassword",
      "clientSecret",
      "basicAuth",
    ])
      expect(isSecretFieldName(name)).toBe(true)
    for (const name of ["nonceKey", "feeToken", "keys", "phrases", "address", "target_tps", "wallet"])
      expect(isSecretFieldName(name)).toBe(false)
  })
})
