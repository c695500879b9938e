import { describe, expect, it } from "vitest"
import { exitCodeFor } from "../../cli/exitCodes.js"
import { parseConfig } from "../../config/parse.js"
import { Err, Ok, type Result } from "../../result.js"
import { testChain } from "../../testing/runner/testChain.js"
import type { RunnerRpc } from "../ports.js"
import { checkConfiguredFeePlan } from "./feePlanCheck.js"
import { runLoad } from "./runLoad.js"

/** Answers the two reads the check makes; counts every request. */
function fakeRpc(baseFeePerGas: bigint, tip: bigint) {
  const methods: string[] = []
  const rpc = {
    async request(method: string): Promise<Result<unknown, never>> {
      methods.push(method)
      if (method === "eth_getBlockByNumber") return Ok({ baseFeePerGas: `0x${baseFeePerGas.toString(16)}` })
      if (method === "eth_maxPriorityFeePerGas") return Ok(`0x${tip.toString(16)}`)
      return Err(undefined as never)
    },
  } as unknown as RunnerRpc
  return { rpc, methods }
}

describe("the up-front fee plan check (EIP-1559: a cap below base fee + tip signs nothing includable)", () => {
  it("passes without a request when no cap is configured", async () => {
    const { rpc, methods } = fakeRpc(10n, 1n)
    const config = parseConfig({}).unwrap()
    expect((await checkConfiguredFeePlan({ rpc, config, eip1559: true })).isOk()).toBe(true)
    expect(methods).toEqual([])
  })

  it("refuses a cap below the current base fee plus the priority fee, with the numbers", async () => {
    const { rpc } = fakeRpc(20_000_000_000n, 1_000_000_000n)
    const config = parseConfig({ gas: { maxFeePerGas: "15 gwei" } }).unwrap()
    const result = await checkConfiguredFeePlan({ rpc, config, eip1559: true })
    expect(result.isErr()).toBe(true)
    const error = result.isErr() ? result.error : undefined
    expect(error?.code).toBe("RUNNER_INVALID_PLAN")
    expect(error?.message).toContain("15 gwei")
    expect(error?.message).toContain("20 gwei")
    expect(error?.message).toContain("1 gwei")
    expect(exitCodeFor(error)).toBe(2)
  })

  it("accepts a cap that covers base fee plus tip", async () => {
    const { rpc } = fakeRpc(20_000_000_000n, 1_000_000_000n)
    const config = parseConfig({ gas: { maxFeePerGas: "21 gwei" } }).unwrap()
    expect((await checkConfiguredFeePlan({ rpc, config, eip1559: true })).isOk()).toBe(true)
  })

  it("stops runLoad on the devnet before anything is sent (exit 2)", async () => {
    const config = parseConfig({
      count: 5,
      targetTps: 5,
      database: ":memory:",
      logLevel: "silent",
      gas: { maxFeePerGas: "1 wei" },
    }).unwrap()
    const result = await runLoad({ chain: testChain, config, handleSignals: false })
    expect(result.isErr()).toBe(true)
    const error = result.isErr() ? result.error : undefined
    expect(error?.code).toBe("RUNNER_INVALID_PLAN")
    expect(error?.message).toContain("gas.max_fee_per_gas 0.000000001 gwei")
    expect(exitCodeFor(error)).toBe(2)
  }, 30_000)
})
