import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bothDialects, createTestTarget } from "../testing/database/dialects.js"
import { type CampaignChoice, campaignPrefix, derivedCampaignId } from "./campaigns.js"
import { type DatabaseManager, openDatabase } from "./openDatabase.js"

describe("campaignPrefix", () => {
  it("is the same for equal plans whatever their key order, and differs with the shard count (property)", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(fc.integer(), fc.string()), {
          maxKeys: 8,
        }),
        fc.integer({ min: 2, max: 64 }),
        (config, shardCount) => {
          const reversed = Object.fromEntries(Object.entries(config).reverse())
          const prefix = campaignPrefix({ chain: "tempo", chainId: 42431, shardCount, config })
          expect(campaignPrefix({ chain: "tempo", chainId: 42431, shardCount, config: reversed })).toBe(
            prefix,
          )
          expect(
            campaignPrefix({ chain: "tempo", chainId: 42431, shardCount: shardCount + 1, config }),
          ).not.toBe(prefix)
          expect(prefix).toMatch(/^tempo-[0-9a-f]{12}$/)
        },
      ),
    )
  })

  it("ignores secrets (they are redacted before hashing) but not the plan", () => {
    const plan = { targetTps: 50, funder: { key: `0x${"11".repeat(32)}` } }
    const other = { targetTps: 50, funder: { key: `0x${"22".repeat(32)}` } }
    const prefix = (config: unknown) => campaignPrefix({ chain: "tempo", chainId: 1, shardCount: 4, config })
    expect(prefix(plan)).toBe(prefix(other))
    expect(prefix({ ...plan, targetTps: 51 })).not.toBe(prefix(plan))
  })

  it("names a new campaign after the first shard's start, UTC to the second", () => {
    expect(derivedCampaignId("tempo-3f2a9c1b7d4e", Date.UTC(2026, 11, 3, 14, 5, 9, 512))).toBe(
      "tempo-3f2a9c1b7d4e-20261203T140509Z",
    )
  })
})

describe.each(bothDialects)("joining a derived campaign on %s", (dialect) => {
  const target = createTestTarget(dialect)
  let manager: DatabaseManager
  beforeAll(async () => {
    await target.start()
    manager = (await openDatabase({ url: await target.newUrl() })).unwrap()
  }, 60_000)
  afterAll(async () => {
    await manager?.close()
    await target.stop()
  })

  const start = (shard: string, startedAt: number, prefix = "tempo-aaaaaaaaaaaa") => {
    const campaign: CampaignChoice = { kind: "derived", prefix, shard, joinWindowMs: 60_000 }
    return manager.createRun({
      chain: "tempo",
      chainId: 1,
      config: {},
      toolVersion: "t",
      shard,
      startedAt,
      campaign,
    })
  }

  it("joins the newest campaign of the same plan that lacks this shard, else founds one", async () => {
    const base = Date.UTC(2026, 0, 1)
    const first = (await start("1/2", base)).unwrap()
    expect(first.campaign).toBe(derivedCampaignId("tempo-aaaaaaaaaaaa", base))
    // The other shard, 20 s later: the same campaign.
    expect((await start("2/2", base + 20_000)).unwrap().campaign).toBe(first.campaign)
    // Shard 1/2 again (the plan started anew): its slot is taken, so a new campaign…
    const rerun = (await start("1/2", base + 30_000)).unwrap()
    expect(rerun.campaign).toBe(derivedCampaignId("tempo-aaaaaaaaaaaa", base + 30_000))
    // …which the rerun's shard 2/2 joins, not the older full one.
    expect((await start("2/2", base + 31_000)).unwrap().campaign).toBe(rerun.campaign)
    // Past the join window: a new campaign even with a free slot.
    const late = (await start("1/2", base + 200_000)).unwrap()
    expect(late.campaign).toBe(derivedCampaignId("tempo-aaaaaaaaaaaa", base + 200_000))
    // Another plan never joins it.
    const other = (await start("2/2", base + 201_000, "tempo-bbbbbbbbbbbb")).unwrap()
    expect(other.campaign).toBe(derivedCampaignId("tempo-bbbbbbbbbbbb", base + 201_000))
    const stored = await manager.queries.campaignRuns({ campaign: rerun.campaign ?? "" })
    expect(stored.unwrap().map((run) => run.shard)).toEqual(["1/2", "2/2"])
  })

  it("stores a named campaign as given", async () => {
    const run = await manager.createRun({
      chain: "tempo",
      chainId: 1,
      config: {},
      toolVersion: "t",
      campaign: { kind: "named", id: "soak-1" },
    })
    expect(run.unwrap().campaign).toBe("soak-1")
    expect((await manager.queries.getRun({ runId: run.unwrap().id })).unwrap()?.campaign).toBe("soak-1")
  })
})

describe("shards starting at the same instant on PostgreSQL", () => {
  const target = createTestTarget("postgres")
  beforeAll(() => target.start(), 60_000)
  afterAll(() => target.stop())

  it("all join one campaign: deciding and inserting is serialised by the advisory lock", async () => {
    const url = await target.newUrl()
    // Four processes' worth: one connection pool each, all deciding at once.
    const managers = await Promise.all(
      Array.from({ length: 4 }, async () => (await openDatabase({ url })).unwrap()),
    )
    try {
      const startedAt = Date.now()
      const runs = await Promise.all(
        managers.map((manager, index) =>
          manager.createRun({
            chain: "tempo",
            chainId: 1,
            config: {},
            toolVersion: "t",
            shard: `${index + 1}/4`,
            startedAt: startedAt + index,
            campaign: {
              kind: "derived",
              prefix: "tempo-cccccccccccc",
              shard: `${index + 1}/4`,
              joinWindowMs: 60_000,
            },
          }),
        ),
      )
      expect(new Set(runs.map((run) => run.unwrap().campaign)).size).toBe(1)
    } finally {
      await Promise.all(managers.map((manager) => manager.close()))
    }
  })
})
