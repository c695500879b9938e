import { describe, expect, it } from "vitest"
import * as signing from "./index.js"

describe("signing barrel", () => {
  it("exports these runtime names", () => {
    expect(Object.keys(signing).sort()).toMatchInlineSnapshot(`
      [
        "SigningBackendUnavailableError",
        "checksumAddress",
        "createFastWallet",
        "createFastWallets",
        "disableNativeSignerVariable",
        "encodeRlp",
        "encodeSigned",
        "encodeUnsigned",
        "getNativeKeccakStatus",
        "getNativeSignerStatus",
        "quantityBytes",
        "stripLeadingZeros",
        "toLeanTransaction",
      ]
    `)
  })
})
