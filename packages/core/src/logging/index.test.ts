import { describe, expect, it } from "vitest"
import * as barrel from "./index.js"

describe("logging barrel", () => {
  it("exports these runtime names", () => {
    expect(Object.keys(barrel).sort()).toMatchInlineSnapshot(`
      [
        "createLogger",
        "getRedactionPaths",
        "redactionDepth",
        "secretFieldNames",
        "withCorrelation",
      ]
    `)
  })
})
