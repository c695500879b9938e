import { describe, expect, it } from "vitest"
import { refuseCampaignOnSqlite, resolveCampaignFlag } from "./campaignFlag.js"

describe("--campaign and TESTNET_CAMPAIGN", () => {
  it("takes the flag first, then the variable a Kubernetes Job sets, else none", () => {
    expect(resolveCampaignFlag("soak-1", { TESTNET_CAMPAIGN: "job-uid" }).unwrap()).toBe("soak-1")
    expect(resolveCampaignFlag(undefined, { TESTNET_CAMPAIGN: " job-uid " }).unwrap()).toBe("job-uid")
    expect(resolveCampaignFlag(undefined, { TESTNET_CAMPAIGN: "" }).unwrap()).toBeUndefined()
    expect(resolveCampaignFlag(undefined, {}).unwrap()).toBeUndefined()
  })

  it("refuses a variable that is no campaign name, naming the variable", () => {
    const refused = resolveCampaignFlag(undefined, { TESTNET_CAMPAIGN: "two words" })
    expect(refused.isErr() && refused.error.shortMessage).toBe(
      "Invalid TESTNET_CAMPAIGN \"two words\": a campaign name is 1 to 200 letters, digits, '.', '_', ':' or '-', starting with a letter or digit.",
    )
  })
})

describe("a campaign across processes on SQLite", () => {
  it("is refused for two shards or more, not for one process or PostgreSQL", () => {
    expect(refuseCampaignOnSqlite({ index: 1, count: 2 }, "./data/x.db")?.code).toBe("CLI_INVALID_FLAG")
    expect(refuseCampaignOnSqlite({ index: 1, count: 1 }, "./data/x.db")).toBeUndefined()
    expect(refuseCampaignOnSqlite(undefined, "./data/x.db")).toBeUndefined()
    expect(refuseCampaignOnSqlite({ index: 3, count: 4 }, "postgres://u@db/x")).toBeUndefined()
  })
})
