import { type ChainDefinition, defineChain } from "@testnet/core"
import { packageVersion } from "./packageVersion.js"
import { riseCatalog } from "./tasks/catalog.js"

/**
 * The embedded devnet: plain anvil (prague, anvil's default) with RISE testnet's chain id
 * 11155931, 1 s blocks and a 1e9 gas limit (the 30M default caps 1 s blocks at ~1428 transfers).
 *
 * @example
 * const devnet = await startDevnet(getDevnetOptions(risechain))
 */
export const riseDevnet = Object.freeze({
  chainId: 11155931,
  blockTimeSeconds: 1,
  gasLimit: 1_000_000_000n,
})

/**
 * RISE testnet (chain id 11155931, ETH with 18 decimals) with the full task catalog — what
 * `risechain start` runs. Capabilities: EIP-1559, native value, and `eth_sendRawTransactionSync`
 * (EIP-7966; the runner uses it when enabled and then records each transaction's exact inclusion
 * latency from the synchronous answer). Funding: native ETH transfers (core's default).
 *
 * @example
 * import { runCli } from "@testnet/core"
 * import { risechain } from "@testnet/risechain"
 * await runCli(risechain)
 */
export const risechain: ChainDefinition = defineChain({
  name: "risechain",
  displayName: "RISE (testnet)",
  chainId: 11155931,
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  capabilities: {
    eip1559: true,
    nativeValueTransfers: true,
    sendRawTransactionSync: true,
    blockReceipts: true,
  },
  devnet: { ...riseDevnet },
  tasks: riseCatalog,
  // Generic EVM fee rules (op-reth): 2 × base fee + tip (`gas.base_fee_multiplier`), a 10 %
  // replacement bump on both fee fields, and reth's 16 pending transactions per sender.
  feePolicy: { maxFee: { kind: "headroom", multiplier: 2 }, replacementMinimumPercent: 10 },
  maxInFlightPerSender: 16,
  rpcUrls: ["https://testnet.riselabs.xyz"],
  explorerUrl: "https://explorer.testnet.riselabs.xyz",
  // `--network testnet` in core's CLI.
  networks: {
    testnet: {
      rpcUrl: "https://testnet.riselabs.xyz",
      chainId: 11155931,
      explorerUrl: "https://explorer.testnet.riselabs.xyz",
    },
  },
  // `start` without a config: 60 s at 10 task starts/s with 10 wallets on either target (a real
  // network spends real funds; the devnet shape is the one measured on two cores).
  startDefaults: {
    devnet: { durationSeconds: 60, targetTps: 10, workers: 10, wallets: 10 },
    network: { durationSeconds: 60, targetTps: 10, workers: 10, wallets: 10 },
  },
  version: packageVersion,
})
