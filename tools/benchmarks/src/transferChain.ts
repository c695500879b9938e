/**
 * The transfer-only catalog of phase (d): one task, a 1-wei native transfer to a fixed address.
 */
import { createTaskOutcome, defineChain, defineTask, Ok } from "@testnet/core"
import { benchChainId, sink } from "./devnet.js"

const transfer = defineTask({
  name: "transfer",
  category: "native",
  weight: 1,
  description: "Sends 1 wei to a fixed address.",
  async run(context) {
    const sent = await context.send({ to: sink, value: 1n, gasLimit: 21_000n })
    if (sent.isErr()) return sent
    return Ok(createTaskOutcome({ transactions: [sent.value] }))
  },
})

/**
 * Plain anvil (chain id 31337) with the transfer task only.
 *
 * @example
 * await runPipelinePhase({ chain: transferChain, ... })
 */
export const transferChain = defineChain({
  name: "benchtransfer",
  chainId: benchChainId,
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  capabilities: { eip1559: true, nativeValueTransfers: true },
  devnet: { accounts: 2 },
  tasks: [transfer],
})
