import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { openDatabase } from "../database/openDatabase.js"
import { buildRunReport } from "./buildRunReport.js"
import { renderHtmlReport } from "./html/renderHtmlReport.js"

const directory = mkdtempSync(join(tmpdir(), "report-proxies-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe("per-proxy traffic in the report", () => {
  it("stores the run's proxy counters with the run and shows them in the JSON and the HTML", async () => {
    const database = (await openDatabase({ url: join(directory, "runs.db") })).unwrap()
    try {
      const run = (
        await database.createRun({ chain: "tempo", chainId: 42431, config: {}, toolVersion: "0.1.0" })
      ).unwrap()
      const proxyStats = [
        { proxy: "http://***:***@127.0.0.1:3128", requests: 812, failures: 3, bans: 1 },
        { proxy: "socks5://127.0.0.1:1080", requests: 790, failures: 0, bans: 0 },
      ]
      ;(await database.finishRun({ runId: run.id, status: "completed", proxyStats })).unwrap()
      const report = (await buildRunReport(database, { runId: run.id })).unwrap()
      expect(report.primary.proxies).toEqual(proxyStats)
      const html = renderHtmlReport(report)
      expect(html).toContain("Per proxy")
      expect(html).toContain("socks5://127.0.0.1:1080")
      expect(html).toContain("812")
      expect(html).not.toContain("No proxies")
    } finally {
      await database.close()
    }
  })

  it("says every request went direct when the run had no proxies", async () => {
    const database = (await openDatabase({ url: join(directory, "direct.db") })).unwrap()
    try {
      const run = (
        await database.createRun({ chain: "tempo", chainId: 42431, config: {}, toolVersion: "0.1.0" })
      ).unwrap()
      ;(await database.finishRun({ runId: run.id, status: "completed", proxyStats: [] })).unwrap()
      const report = (await buildRunReport(database, { runId: run.id })).unwrap()
      expect(report.primary.proxies).toEqual([])
      expect(renderHtmlReport(report)).toContain("No proxies: every request went direct.")
    } finally {
      await database.close()
    }
  })
})
