import { describe, expect, it } from "vitest"
import * as barrel from "./index.js"

describe("metrics barrel", () => {
  it("exports these runtime names", () => {
    expect(Object.keys(barrel).sort()).toMatchInlineSnapshot(`
      [
        "allTasksLabel",
        "codeLabel",
        "createMetricsEvents",
        "createMetricsServer",
        "createRunMetrics",
        "createTaskLabeler",
        "instrumentRpc",
        "labelShard",
        "methodLabel",
        "metricErrorCodes",
        "observeRpcRequest",
        "observeRunner",
        "serveRunMetrics",
        "shardLabels",
      ]
    `)
  })
})
