import { describe, expect, it } from "vitest"
import * as barrel from "./index.js"

describe("cli barrel", () => {
  it("exports these runtime names", () => {
    expect(Object.keys(barrel).sort()).toMatchInlineSnapshot(`
      [
        "CliInvalidFlagError",
        "CliNotImplementedError",
        "CliUsageError",
        "addFundingOptions",
        "collect",
        "createProgressRenderer",
        "eraseLines",
        "examplesText",
        "exitCodeFor",
        "exitCodes",
        "flagsToConfigInput",
        "formatAmount",
        "formatDuration",
        "formatPercent",
        "fundingReportJson",
        "getFundingHook",
        "inShard",
        "isBadInputError",
        "parseAmount",
        "parseList",
        "parseNonNegativeInteger",
        "parsePort",
        "parsePositiveInteger",
        "parsePositiveNumber",
        "parseShard",
        "parseWeights",
        "progressJsonLine",
        "renderError",
        "renderFundingReport",
        "renderProgressLines",
        "renderRunSummary",
        "renderTable",
        "renderTaskCatalog",
        "resolveFundingAmounts",
        "runCli",
        "runReportCommand",
        "runSummaryJson",
        "taskCatalogJson",
      ]
    `)
  })
})
