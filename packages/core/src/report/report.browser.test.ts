import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { type Browser, chromium } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ensureChromium } from "../testing/report/ensureChromium.js"
import { runShortLoad } from "../testing/report/shortRun.js"
import { buildRunReport } from "./buildRunReport.js"
import { renderHtmlReport } from "./html/renderHtmlReport.js"

const directory = mkdtempSync(join(tmpdir(), "report-browser-"))
let browser: Browser | undefined
let singlePath = ""
let comparePath = ""
let errorsPath = ""

/** Starts a fresh headless Chromium with an empty profile and no network chatter. */
async function launch(): Promise<Browser> {
  const profile = mkdtempSync(join(directory, "profile-"))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
  const launched = context.browser()
  if (launched === null) throw new Error("no browser behind the persistent context")
  return launched
}

beforeAll(async () => {
  ensureChromium()
  let first = ""
  await runShortLoad({ directory, durationSeconds: 3, seed: 3 }).then((run) => {
    first = run.runId
  })
  await runShortLoad({
    directory,
    durationSeconds: 3,
    targetTps: 25,
    seed: 4,
    afterRun: async ({ database, runId, rpc }) => {
      const single = (await buildRunReport(database, { runId }, { rpc })).unwrap()
      const compared = (await buildRunReport(database, { runId }, { rpc, compareRunId: first })).unwrap()
      singlePath = join(directory, "single.html")
      comparePath = join(directory, "compare.html")
      writeFileSync(singlePath, renderHtmlReport(single))
      // The test chain never fails; give the same run two error series to draw.
      const time = single.primary.throughput.time
      const errors = {
        totals: [
          { code: "RPC_NONCE_TOO_LOW", source: "task" as const, count: time.length },
          { code: "REVERTED", source: "transaction" as const, count: time.length * 2 },
        ],
        time,
        series: [time.map(() => 1), time.map((_time, index) => (index % 3) + 1)],
      }
      errorsPath = join(directory, "errors.html")
      writeFileSync(errorsPath, renderHtmlReport({ ...single, primary: { ...single.primary, errors } }))
      writeFileSync(comparePath, renderHtmlReport(compared))
    },
  })
  browser = await launch()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  rmSync(directory, { recursive: true, force: true })
})

/** `inkedPixels`: not transparent; `coloredPixels`: not grey (series, not axes or text). */
type ChartCheck = { id: string; canvases: number; inkedPixels: number; coloredPixels: number }

/**
 * Runs in the page (a string: core's TypeScript has no DOM types). Per `.plot`, counts the
 * canvas pixels that are not transparent, and those that are coloured (series, not grey axes).
 */
const measureCharts = `[...document.querySelectorAll(".plot")].map((plot) => {
  let inkedPixels = 0
  let coloredPixels = 0
  const canvases = [...plot.querySelectorAll("canvas")]
  for (const canvas of canvases) {
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data
    for (let index = 0; index < pixels.length; index += 4) {
      if (pixels[index + 3] === 0) continue
      inkedPixels += 1
      const red = pixels[index], green = pixels[index + 1], blue = pixels[index + 2]
      if (Math.max(red, green, blue) - Math.min(red, green, blue) > 40) coloredPixels += 1
    }
  }
  return { id: plot.id, canvases: canvases.length, inkedPixels, coloredPixels }
})`

/** Opens a report offline and measures, per chart, how many canvas pixels are not blank. */
async function inspect(path: string) {
  const context = browser?.contexts()[0]
  if (context === undefined) throw new Error("no browser context")
  const page = await context.newPage()
  const problems: string[] = []
  const requests: string[] = []
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(message.text())
  })
  page.on("pageerror", (error) => problems.push(error.message))
  page.on("request", (request) => {
    if (!request.url().startsWith("file:")) requests.push(request.url())
  })
  await page.setViewportSize({ width: 1400, height: 1000 })
  await page.goto(pathToFileURL(path).href)
  await page.waitForFunction("typeof window.__reportCharts === 'number'")
  const charts = await page.evaluate<ChartCheck[]>(measureCharts)
  await page.close()
  return { charts, problems, requests }
}

describe("the HTML report in headless Chromium", () => {
  it("draws every chart of a real run offline, without console errors", async () => {
    const { charts, problems, requests } = await inspect(singlePath)
    expect(charts.map((chart) => chart.id)).toEqual([
      "chart-0-tps",
      "chart-0-latency",
      "chart-0-errors",
      "chart-0-gas",
    ])
    for (const chart of charts) {
      expect(chart.canvases, chart.id).toBe(1)
      expect(chart.inkedPixels, chart.id).toBeGreaterThan(1000)
      expect(chart.coloredPixels, chart.id).toBeGreaterThan(200)
    }
    expect(problems).toEqual([])
    expect(requests).toEqual([])
  }, 30_000)

  it("draws one line per error code", async () => {
    const { charts, problems } = await inspect(errorsPath)
    const errors = charts.find((chart) => chart.id === "chart-0-errors")
    const quiet = (await inspect(singlePath)).charts.find((chart) => chart.id === "chart-0-errors")
    expect(errors?.coloredPixels ?? 0).toBeGreaterThan((quiet?.coloredPixels ?? 0) + 500)
    expect(problems).toEqual([])
  }, 30_000)

  it("draws both runs' charts side by side in a comparison", async () => {
    const { charts, problems } = await inspect(comparePath)
    expect(charts).toHaveLength(8)
    for (const chart of charts) expect(chart.coloredPixels, chart.id).toBeGreaterThan(200)
    expect(problems).toEqual([])
  }, 30_000)
})
