import { describe, expect, it } from "vitest"
import { percentile } from "./queries/percentile.js"
import { insertSql, mergeUpdates, updateParameters } from "./statements.js"

describe("statements", () => {
  it("builds multi-row inserts with the placeholders of each dialect", () => {
    expect(insertSql("created_contracts", 2, "sqlite")).toBe(
      'INSERT INTO created_contracts ("kind", "address", "chain_id", "wallet", "transaction_hash", "run_id", "metadata", "created_at") VALUES (?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    expect(insertSql("transactions", 2, "postgres")).toMatch(
      /\(\$11, .*\$20\) ON CONFLICT \(hash\) DO NOTHING$/,
    )
  })

  it("merges updates of one hash, later fields winning, earlier fields kept", () => {
    const merged = mergeUpdates([
      { hash: "a", status: "included", includedBlock: 3n, gasUsed: 1n },
      { hash: "b", status: "dropped" },
      { hash: "a", status: "replaced", errorCode: "REPLACED", replacedBy: "c" },
    ])
    expect(merged).toEqual([
      {
        hash: "a",
        status: "replaced",
        includedBlock: 3n,
        gasUsed: 1n,
        errorCode: "REPLACED",
        replacedBy: "c",
      },
      { hash: "b", status: "dropped" },
    ])
    expect(updateParameters(merged[0]!)).toEqual([
      "a",
      "replaced",
      3,
      null,
      "1",
      null,
      "REPLACED",
      null,
      null,
      "c",
    ])
  })

  it("computes nearest-rank percentiles", () => {
    expect(percentile([], 50)).toBeUndefined()
    expect(percentile([5], 99)).toBe(5)
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5)
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10)
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0)).toBe(1)
  })
})
