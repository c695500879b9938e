/**
 * A three-task chain used by the runner's integration tests: a native self-transfer, a deploy of
 * a tiny counter (init code only, no compiler) and a call to a counter found through the database.
 */
import { Err, Ok } from "../../result.js"
import { defineChain } from "../../tasks/defineChain.js"
import { defineTask } from "../../tasks/defineTask.js"
import { createTaskOutcome } from "../../tasks/outcome.js"

/** Runtime: SSTORE(0, SLOAD(0) + 1); STOP. */
const counterRuntime = "60005460010160005500"
/**
 * Init code: CODECOPY the 10-byte runtime that follows (offset 12) and RETURN it.
 *
 * @example
 * await context.sendAndWait({ to: null, data: tinyCounterInitCode, gasLimit: 120_000n })
 */
export const tinyCounterInitCode = `0x600a600c600039600a6000f3${counterRuntime}`

const selfTransfer = defineTask({
  name: "self_transfer",
  category: "native",
  weight: 6,
  description: "Sends 1 wei to itself.",
  async run(context) {
    const sent = await context.send({ to: context.address, value: 1n, gasLimit: 21_000n })
    if (sent.isErr()) return sent
    return Ok(createTaskOutcome({ transactions: [sent.value] }))
  },
})

const deployCounter = defineTask({
  name: "deploy_counter",
  category: "contract",
  weight: 1,
  description: "Deploys a tiny counter and records it.",
  async run(context) {
    const receipt = await context.sendAndWait({ to: null, data: tinyCounterInitCode, gasLimit: 120_000n })
    if (receipt.isErr()) return receipt
    if (receipt.value.contractAddress === null) return Err(new Error("no contract address") as never)
    context.recordContract({
      kind: "tiny_counter",
      address: receipt.value.contractAddress,
      transactionHash: receipt.value.hash,
    })
    return Ok(createTaskOutcome())
  },
})

const incrementCounter = defineTask({
  name: "increment_counter",
  category: "contract",
  weight: 3,
  description: "Increments a counter deployed earlier (found through the database).",
  async run(context) {
    const counters = await context.database.contractsByKind({ kind: "tiny_counter", limit: 20 })
    if (counters.isErr()) return counters
    if (counters.value.length === 0) return Ok(createTaskOutcome({ notes: ["no counter yet"] }))
    const target = context.random.pick(counters.value)
    const sent = await context.send({ to: target.address, data: "0x", gasLimit: 80_000n })
    if (sent.isErr()) return sent
    return Ok(createTaskOutcome({ transactions: [sent.value] }))
  },
})

/**
 * The test chain (plain anvil, chain id 31337, 1 s blocks).
 *
 * @example
 * const report = await runLoad({ chain: testChain, config })
 */
export const testChain = defineChain({
  name: "runnertest",
  chainId: 31337,
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  capabilities: { eip1559: true, nativeValueTransfers: true },
  devnet: { accounts: 2 },
  tasks: [selfTransfer, deployCounter, incrementCounter],
})
