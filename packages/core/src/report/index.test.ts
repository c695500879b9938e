import { describe, expect, it } from "vitest"
import * as barrel from "./index.js"

describe("report barrel", () => {
  it("exports these runtime names", () => {
    expect(Object.keys(barrel).sort()).toMatchInlineSnapshot(`
      [
        "MetricsPortInUseError",
        "REPORT_SCHEMA_VERSION",
        "ReportCampaignNotFoundError",
        "ReportNoRunsError",
        "ReportOutputNotWritableError",
        "ReportRunNotFoundError",
        "buildCampaignReport",
        "buildRunReport",
        "defaultReportPath",
        "fetchChainBlocks",
        "renderHtmlReport",
        "resolveRun",
        "serializeReport",
        "startRunReporting",
        "writeReport",
        "writeRunReport",
      ]
    `)
  })
})
