import { describe, expect, it } from "vitest"
import { suggestClosest } from "./suggest.js"

describe("suggestClosest", () => {
  const keys = ["rpc_urls", "target_tps", "workers", "task_weights", "tasks"]

  it("finds near misses, spelling variants and swapped letters", () => {
    expect(suggestClosest("rpc_url", keys)).toBe("rpc_urls")
    expect(suggestClosest("targetTps", keys)).toBe("target_tps")
    expect(suggestClosest("wrokers", keys)).toBe("workers")
    expect(suggestClosest("TARGET_TSP", ["TARGET_TPS"], { maxDistance: 1 })).toBe("TARGET_TPS")
  })

  it("suggests nothing when nothing is close", () => {
    expect(suggestClosest("banana", keys)).toBeUndefined()
    expect(suggestClosest("CHAIN", ["CHAIN_ID"], { maxDistance: 1 })).toBeUndefined()
    expect(suggestClosest("x", [])).toBeUndefined()
  })
})
