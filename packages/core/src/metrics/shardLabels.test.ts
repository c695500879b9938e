import { describe, expect, it } from "vitest"
import { startRunReporting } from "../report/runReporting.js"
import { shardLabels } from "./shardLabels.js"

describe("shard labels on the live metrics", () => {
  it("label every series a shard serves with its shard, shard count and campaign, once its run is opened", async () => {
    const reporting = (
      await startRunReporting({ metricsPort: 0, report: false, tasks: ["transfer"] })
    ).unwrap()
    try {
      const metrics = reporting.metrics?.server.metrics
      if (metrics === undefined) throw new Error("no metrics service")
      // A series created before the run opened carries the labels too (added when serialised).
      metrics.transactionsSent.inc({ task: "transfer" })
      reporting.hooks.onRunOpened({ runId: "r1", shard: { index: 2, count: 4 }, campaign: "soak-1" })
      metrics.tasksStarted.inc({ task: "transfer" })
      const text = await (await fetch(reporting.metricsUrl ?? "")).text()
      const lines = text
        .split("\n")
        .filter((line) => /^testnet_(transactions_sent|tasks_started)_total\{/.test(line))
      expect(lines).toHaveLength(2)
      for (const line of lines) {
        expect(line).toContain('task="transfer"')
        expect(line).toContain('shard="2"')
        expect(line).toContain('shard_count="4"')
        expect(line).toContain('campaign="soak-1"')
      }
    } finally {
      await reporting.close()
    }
  })

  it("are empty for a lone run without a campaign", () => {
    expect(shardLabels({ shard: undefined, campaign: undefined })).toEqual({})
    expect(shardLabels({ shard: undefined, campaign: "named" })).toEqual({ campaign: "named" })
  })
})
