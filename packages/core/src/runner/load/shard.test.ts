import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parseConfig } from "../../config/parse.js"
import { testChain } from "../../testing/runner/testChain.js"
import { runLoad } from "./runLoad.js"
import { formatShard, selectShard } from "./shard.js"
import { keepShard } from "./workerWallets.js"

describe("selectShard", () => {
  it("deals a set into disjoint round-robin slices that cover it, sizes within one (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 12 }), (size, count) => {
        const items = Array.from({ length: size }, (_, index) => index)
        const slices = Array.from({ length: count }, (_, index) =>
          selectShard(items, { index: index + 1, count }),
        )
        expect(slices.flat().sort((a, b) => a - b)).toEqual(items)
        const sizes = slices.map((slice) => slice.length)
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
        for (const [index, slice] of slices.entries())
          for (const item of slice) expect(item % count).toBe(index)
      }),
    )
  })

  it("throws on an invalid shard (the CLI validates first), formats as INDEX/COUNT", () => {
    expect(() => selectShard([1], { index: 3, count: 2 })).toThrow("invalid shard 3/2")
    expect(() => selectShard([1], { index: 0, count: 0 })).toThrow("invalid shard 0/0")
    expect(formatShard({ index: 2, count: 4 })).toBe("2/4")
  })

  it("refuses an empty slice with the reason", () => {
    const kept = keepShard(["a", "b"], 2, { index: 3, count: 3 })
    expect(kept.isErr() && kept.error.message.split("\n")[0]).toBe(
      "The run plan is invalid: shard 3/3 has no wallets (wallets.count 2 is below the shard count).",
    )
  })
})

describe("runLoad with a shard on the embedded devnet", () => {
  it("uses the shard's slice of the generated wallets and tags the run", async () => {
    const config = parseConfig({
      rpcUrls: [],
      targetTps: 5,
      workers: 2,
      wallets: { count: 5 },
      count: 2,
      database: ":memory:",
      logLevel: "silent",
      blockTimeSeconds: 0.5,
      tasks: ["self_transfer"],
    }).unwrap()
    let shardOfRun: string | null | undefined
    const report = await runLoad({
      chain: testChain,
      config,
      handleSignals: false,
      shard: { index: 2, count: 3 },
      host: "box-2",
      afterRun: async ({ database, runId }) => {
        const row = await database.db
          .selectFrom("runs")
          .select(["host", "shard"])
          .where("id", "=", runId)
          .executeTakeFirstOrThrow()
        expect(row.host).toBe("box-2")
        shardOfRun = row.shard
      },
    })
    const value = report.unwrap()
    // Generated positions 1 and 4 of 5 belong to shard 2/3.
    expect(value.wallets).toHaveLength(2)
    expect(value.shard).toBe("2/3")
    expect(shardOfRun).toBe("2/3")
  }, 30_000)
})
