/**
 * The shipped Grafana dashboard (docs/grafana/testnet-run.json) queries only metrics this code
 * exports: a renamed metric breaks this test instead of leaving an empty panel.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { createRunMetrics } from "./runMetrics.js"

const dashboardPath = new URL("../../../../docs/grafana/testnet-run.json", import.meta.url)

type Panel = { title: string; targets?: { expr: string }[] }

/** Series suffixes a histogram (or summary) exposes besides its own name. */
const seriesSuffixes = ["_bucket", "_sum", "_count"]

describe("Grafana dashboard", () => {
  const dashboard = JSON.parse(readFileSync(dashboardPath, "utf8")) as { panels: Panel[] }
  const exported = new Set(
    createRunMetrics()
      .registry.getMetricsAsArray()
      .map((metric) => metric.name),
  )

  it("has panels, each with at least one query", () => {
    expect(dashboard.panels.length).toBeGreaterThan(5)
    for (const panel of dashboard.panels) expect(panel.targets?.length, panel.title).toBeGreaterThan(0)
  })

  it("filters every metric by the campaign variable (All matches runs without a campaign too)", () => {
    for (const panel of dashboard.panels)
      for (const target of panel.targets ?? []) {
        const metrics = [...target.expr.matchAll(/\btestnet_[a-z0-9_]+(\{[^}]*\})?/g)]
        for (const [match, selector] of metrics)
          expect(selector ?? "", `${panel.title}: ${match}`).toContain('campaign=~"$campaign"')
      }
  })

  it("names only exported metrics in every query", () => {
    for (const panel of dashboard.panels) {
      for (const target of panel.targets ?? []) {
        const names = [...target.expr.matchAll(/\btestnet_[a-z0-9_]+/g)].map((match) => match[0])
        expect(names.length, target.expr).toBeGreaterThan(0)
        for (const name of names) {
          const base = seriesSuffixes.reduce(
            (current, suffix) =>
              current.endsWith(suffix) && exported.has(current.slice(0, -suffix.length))
                ? current.slice(0, -suffix.length)
                : current,
            name,
          )
          expect(exported.has(base), `${panel.title}: ${name}`).toBe(true)
        }
      }
    }
  })
})
