import { describe, expect, it } from "vitest"
import { runTestCli } from "../testing/cli/cliHarness.js"
import { resolveShardFlag, shardFromEnvironment } from "./shardFlag.js"

describe("--shard auto (a Kubernetes Indexed Job's pod)", () => {
  it("makes pod index i of COUNT shard i + 1 of COUNT", () => {
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: "0", TESTNET_SHARD_COUNT: "4" }).unwrap()).toEqual({
      index: 1,
      count: 4,
    })
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: " 3 ", TESTNET_SHARD_COUNT: "4" }).unwrap()).toEqual({
      index: 4,
      count: 4,
    })
    expect(resolveShardFlag({ index: 2, count: 3 }, {}).unwrap()).toEqual({ index: 2, count: 3 })
    expect(resolveShardFlag(undefined, {}).unwrap()).toBeUndefined()
  })

  it("refuses a missing, malformed or out-of-range index or count, naming the variable", () => {
    const reasonOf = (environment: Record<string, string>) => {
      const resolved = shardFromEnvironment(environment)
      return resolved.isErr() ? resolved.error.shortMessage : "accepted"
    }
    expect(reasonOf({})).toBe('Invalid --shard "auto": JOB_COMPLETION_INDEX and TESTNET_SHARD_COUNT not set.')
    expect(reasonOf({ JOB_COMPLETION_INDEX: "0" })).toContain("TESTNET_SHARD_COUNT not set")
    expect(reasonOf({ JOB_COMPLETION_INDEX: "-1", TESTNET_SHARD_COUNT: "2" })).toContain(
      "JOB_COMPLETION_INDEX must be",
    )
    expect(reasonOf({ JOB_COMPLETION_INDEX: "0", TESTNET_SHARD_COUNT: "0" })).toContain(
      "TESTNET_SHARD_COUNT must be",
    )
    expect(reasonOf({ JOB_COMPLETION_INDEX: "4", TESTNET_SHARD_COUNT: "4" })).toContain(
      "outside TESTNET_SHARD_COUNT 4",
    )
  })

  it("outside a pod, `start --shard auto` exits 2 with one line and the fix, starting nothing", async () => {
    const result = await runTestCli(["start", "--shard", "auto", "--db", ":memory:"], { environment: {} })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe("")
    expect(result.stderr.split("\n")[0]).toBe(
      'error: Invalid --shard "auto": JOB_COMPLETION_INDEX and TESTNET_SHARD_COUNT not set.',
    )
    expect(result.stderr).toContain("TESTNET_SHARD_COUNT to the Job's completions")
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})
