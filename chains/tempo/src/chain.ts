import { type ChainDefinition, defineChain } from "@testnet/core"
import { createTip20FundingHook } from "./funding/tip20Funding.js"
import { type TempoNetworkName, tempoNetworks } from "./networks/networks.js"
import { tempoCatalog } from "./tasks/catalog.js"
import { createTempoKeyedNonceFetcher } from "./tasks/nonces/keyedNonce.js"

/** This package's version (shown by `--version`). */
const packageVersion = "0.1.0"

/**
 * The embedded devnet: `anvil --network tempo` at the newest hardfork anvil 1.7.1 knows (T4:
 * TIP-1000 gas, close to the live networks), chain id 42431 (Moderato), 1 s blocks, a 1e9 gas
 * limit, and pool balance checks off (in Tempo mode anvil would otherwise refuse EIP-1559
 * transactions from accounts without ETH, although fees are paid in TIP-20).
 *
 * @example
 * const devnet = await startDevnet(getDevnetOptions(tempo))
 */
export const tempoDevnet = Object.freeze({
  network: "tempo",
  hardfork: "T4",
  chainId: 42431,
  blockTimeSeconds: 1,
  gasLimit: 1_000_000_000n,
  extraArguments: Object.freeze(["--disable-pool-balance-checks"]),
})

/**
 * The Tempo chain definition for one network (default: the Moderato testnet): capabilities,
 * devnet recipe, the task catalog and TIP-20 funding (Tempo has no native value: fees and
 * funding are USD stablecoins).
 *
 * @example
 * const mainnet = createTempoChain("presto")
 * await runCli(mainnet)
 */
export function createTempoChain(network: TempoNetworkName = "moderato"): ChainDefinition {
  const selected = tempoNetworks[network]
  return defineChain({
    name: "tempo",
    displayName: selected.displayName,
    chainId: selected.chainId,
    nativeCurrency: { name: "USD", symbol: "USD", decimals: 6 },
    capabilities: {
      eip1559: true,
      nativeValueTransfers: false,
      feeToken: true,
      keyedNonces: true,
      batchCalls: true,
      sendRawTransactionSync: true,
      blockReceipts: true,
    },
    devnet: { ...tempoDevnet, extraArguments: [...tempoDevnet.extraArguments] },
    tasks: tempoCatalog,
    fund: createTip20FundingHook({ faucet: selected.faucet }),
    keyedNonceReader: createTempoKeyedNonceFetcher,
    rpcUrls: selected.rpcUrls,
    ...(selected.explorerUrl === undefined ? {} : { explorerUrl: selected.explorerUrl }),
    version: packageVersion,
  })
}

/**
 * Tempo (Moderato testnet, chain id 42431) with the full task catalog — what `tempo start` runs.
 *
 * @example
 * import { runCli } from "@testnet/core"
 * import { tempo } from "@testnet/tempo"
 * await runCli(tempo)
 */
export const tempo: ChainDefinition = createTempoChain("moderato")
