// Test support only (not exported): a plain-anvil chain whose catalog is every generic EVM task.
import { type ChainDefinition, defineCatalog, defineChain } from "@testnet/core"
import { createEvmTasks } from "../tasks/createEvmTasks.js"

/**
 * The generic tasks with default options (standard gas pricing), as the tests run them.
 *
 * @example
 * const run = await runner.run(evmTasks.deployCounter)
 */
export const evmTasks = createEvmTasks()

/**
 * Plain anvil (prague, chain id 31337, 1 s blocks) with the generic EVM tasks.
 *
 * @example
 * const runner = await startTaskRunner({ chain: anvilChain, wallets: 10, fundingTarget: 10n ** 19n })
 */
export const anvilChain: ChainDefinition = defineChain({
  name: "anvil",
  chainId: 31337,
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  capabilities: { eip1559: true, nativeValueTransfers: true },
  devnet: { blockTimeSeconds: 1 },
  tasks: defineCatalog({ evm: Object.values(evmTasks) }),
})
