import { describe, expect, it } from "vitest"
import * as barrel from "./index.js"

describe("cli barrel", () => {
  it("exports these runtime names", () => {
    expect(Object.keys(barrel).sort()).toMatchInlineSnapshot(`
      [
        "CliInvalidFlagError",
        "CliNotImplementedError",
        "CliUsageError",
        "collect",
        "createProgressRenderer",
        "eraseLines",
        "exitCodeFor",
        "exitCodes",
        "flagsToConfigInput",
        "formatDuration",
        "formatPercent",
        "inShard",
        "isBadInputError",
        "parseList",
        "parseNonNegativeInteger",
        "parsePositiveInteger",
        "parsePositiveNumber",
        "parseShard",
        "parseWeights",
        "progressJsonLine",
        "renderError",
        "renderProgressLines",
        "renderRunSummary",
        "renderTable",
        "renderTaskCatalog",
        "runCli",
        "runSummaryJson",
        "taskCatalogJson",
      ]
    `)
  })
})
