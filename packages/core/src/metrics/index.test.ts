import { describe, expect, it } from "vitest"
import * as barrel from "./index.js"

describe("metrics barrel", () => {
  it("exports these runtime names", () => {
    expect(Object.keys(barrel).sort()).toMatchInlineSnapshot(`
      [
        "allTasksLabel",
        "createMetricsEvents",
        "createMetricsServer",
        "createRunMetrics",
        "instrumentRpc",
        "observeRunner",
        "serveRunMetrics",
      ]
    `)
  })
})
