import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { RunRecord } from "../../database/queries/records.js"
import { buildRunData } from "../buildRunData.js"
import type { ReportMetricRow, ReportTransactionRow } from "../loadRunRows.js"
import { REPORT_SCHEMA_VERSION, type RunReport } from "../types.js"
import { getUplotAssets } from "./assets.js"
import { escapeHtml, jsonForScript } from "./escape.js"
import { renderHtmlReport } from "./renderHtmlReport.js"

const hostile = `</script><script>alert(1)</script><img src=x onerror=alert(2)>"'&`

function reportWith(text: string): RunReport {
  const run: RunRecord = {
    id: `run-${text}`,
    chain: `chain-${text}`,
    chainId: 1,
    host: text,
    shard: undefined,
    startedAt: 1_700_000_000_000,
    endedAt: 1_700_000_005_000,
    status: "completed",
    config: { label: text, nested: { [text]: text } },
    toolVersion: text,
  }
  const transactions: ReportTransactionRow[] = [
    {
      task: `task-${text}`,
      wallet: `wallet-${text}`,
      status: "failed",
      sentAt: 1_700_000_001_000,
      includedBlock: 5n,
      includedAt: 1_700_000_002_000,
      blockTimestamp: 1_700_000_002_000,
      gasUsed: 21_000n,
      effectiveGasPrice: 7n,
      feeToken: `token-${text}`,
      errorCode: `code-${text}`,
    },
  ]
  const metrics: ReportMetricRow[] = [
    {
      task: `task-${text}`,
      wallet: `wallet-${text}`,
      status: "failure",
      errorCode: `code-${text}`,
      durationMs: 900,
      timestamp: 1_700_000_002_000,
    },
  ]
  const data = buildRunData({ run, rows: { transactions, metrics }, topWallets: 5 })
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: 1_700_000_009_000,
    primary: data,
    comparison: data,
  }
}

/** The page with the inlined uPlot removed (its minified code is not ours to scan). */
function ownMarkup(html: string): string {
  return html.replace(getUplotAssets().script, "")
}

describe("renderHtmlReport", () => {
  it("escapes every stored string: no markup, no script end, and the JSON survives intact", () => {
    const report = reportWith(hostile)
    const html = renderHtmlReport(report)
    expect(html).not.toContain("<img")
    expect(html).not.toContain("<script>alert")
    // Exactly our own script elements: data, uPlot, charts.
    expect(html.match(/<script/g)).toHaveLength(3)
    expect(html.match(/<\/script>/g)).toHaveLength(3)
    expect(html).toContain(escapeHtml(`task-${hostile}`))
    const json = html.match(/<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/)?.[1]
    expect(JSON.parse(json ?? "null")).toEqual(report)
  })

  it("is self-contained: uPlot inlined, nothing loaded from elsewhere", () => {
    const html = renderHtmlReport(reportWith("plain"))
    expect(html).toContain(getUplotAssets().script)
    expect(html.length).toBeGreaterThan(50_000)
    expect(ownMarkup(html)).not.toMatch(/\s(src|href)=/)
    expect(html).not.toMatch(/<link\b/)
  })

  it("keeps any string inert inside the embedded JSON (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const embedded = jsonForScript({ text })
        expect(embedded).not.toMatch(/<\/?script|<!--/i)
        expect(JSON.parse(embedded)).toEqual({ text })
      }),
    )
  })
})
