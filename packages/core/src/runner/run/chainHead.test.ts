import { describe, expect, it } from "vitest"
import { parseConfig } from "../../config/parse.js"
import { Ok } from "../../result.js"
import type { ChainHead } from "../../tasks/context.js"
import { defineTask } from "../../tasks/defineTask.js"
import { createTaskOutcome } from "../../tasks/outcome.js"
import { testChain } from "../../testing/runner/testChain.js"
import { runLoad } from "../load/runLoad.js"

type Seen = { head: ChainHead | undefined; latest: bigint; timestampOfHead: bigint | undefined }

// context.head() against the node: the runner hands tasks the block its feed processed last, the
// node's own block (same number, same timestamp), at most a block or two behind the node's latest.
describe("context.head() in a run on the embedded devnet", () => {
  it("is a block the node has, with its timestamp, close behind the latest", async () => {
    const seen: Seen[] = []
    const observeHead = defineTask({
      name: "observe_head",
      category: "native",
      weight: 1,
      description: "Records the run's head next to the node's blocks.",
      async run(context) {
        const head = context.head()
        const latest = await context.rpc.request<string>("eth_blockNumber", [])
        const block =
          head === undefined
            ? undefined
            : await context.rpc.request<{ timestamp: string } | null>("eth_getBlockByNumber", [
                `0x${head.number.toString(16)}`,
                false,
              ])
        const timestamp = block?.isOk() && block.value !== null ? BigInt(block.value.timestamp) : undefined
        seen.push({ head, latest: BigInt(latest.unwrap()), timestampOfHead: timestamp })
        return Ok(createTaskOutcome())
      },
    })
    const config = parseConfig({
      rpcUrls: [],
      targetTps: 4,
      workers: 2,
      wallets: { count: 2 },
      count: 4,
      database: ":memory:",
      logLevel: "silent",
      blockTimeSeconds: 0.5,
      tasks: ["observe_head"],
    }).unwrap()
    const report = await runLoad({
      chain: { ...testChain, tasks: [observeHead] },
      config,
      handleSignals: false,
    })
    expect(report.isOk()).toBe(true)
    expect(seen).toHaveLength(4)
    for (const { head, latest, timestampOfHead } of seen) {
      if (head === undefined) throw new Error("a task ran without the run's head")
      expect(head.number).toBeLessThanOrEqual(latest)
      expect(latest - head.number).toBeLessThanOrEqual(4n)
      expect(head.timestamp).toBe(timestampOfHead)
    }
  })
})
