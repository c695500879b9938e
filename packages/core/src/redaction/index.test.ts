import { describe, expect, it } from "vitest"
import * as redaction from "./index.js"

describe("redaction barrel", () => {
  it("exports exactly these names", () => {
    expect(Object.keys(redaction).sort()).toMatchInlineSnapshot(`
      [
        "SecretExposureError",
        "assertNoSecrets",
        "maskUrl",
        "redactSecretText",
        "redactSecrets",
        "redactedPlaceholder",
      ]
    `)
  })
})
