import {
  type ChainDefinition,
  createWallet,
  defineChain,
  type FeePolicyDeclaration,
  type TaskSigner,
  type Wallet,
} from "@testnet/core"
import { tempoFeeCurrency } from "./fees/feeCurrency.js"
import { deriveTempoSponsorKey, tempoSponsor } from "./funding/sponsor.js"
import { createTip20FundingHook } from "./funding/tip20Funding.js"
import {
  type TempoNetworkName,
  tempoChainNetworks,
  tempoNetworks,
  tempoStartDefaultsByTarget,
} from "./networks/networks.js"
import { packageVersion } from "./packageVersion.js"
import { tempoCatalog } from "./tasks/catalog.js"
import { createTempoKeyedNonceFetcher } from "./tasks/nonces/keyedNonce.js"

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
 * Tempo's fee rules. Since T7 the base fee is dynamic but clamped to 0.6–12 gwei (TIP-1067; tempo
 * `crates/hardfork/src/constants.rs` `TEMPO_T7_BASE_FEE_FLOOR` / `TEMPO_T7_BASE_FEE_CAP`) and can
 * rise ~7× in one block, so `2 × baseFee + tip` strands transactions under load: sign at the
 * 12 gwei cap instead (≤ $0.0006 per 50k gas). Above the cap the network is not bounded by it
 * (anvil's Tempo mode starts at 20 gwei and follows EIP-1559; pre-T7 networks had a fixed 20 gwei),
 * so core falls back to 2 × base fee + tip there. Replacement: 10 % on both fee fields (reth).
 *
 * @example
 * defineChain({ ...declaration, feePolicy: tempoFeePolicy })
 */
export const tempoFeePolicy: FeePolicyDeclaration = Object.freeze({
  maxFee: Object.freeze({ kind: "ceiling" as const, maxFeePerGas: 12_000_000_000n }),
  replacementMinimumPercent: 10,
})

/**
 * At most 16 pending transactions per sender: tempo `crates/transaction-pool/src/tt_2d_pool.rs`
 * (2D and expiring nonces) and reth's `max_account_slots` (protocol nonces).
 *
 * @example
 * defineChain({ ...declaration, maxInFlightPerSender: tempoMaxInFlightPerSender })
 */
export const tempoMaxInFlightPerSender = 16

/**
 * Tempo's service wallets: the fee sponsor of `sponsored_transaction`, derived from the funder
 * (`deriveTempoSponsorKey`) so it has the same address on every run. Binding it makes the task and
 * the funding hook use it; the runner funds it before the run and reclaims it with the workers.
 *
 * @example
 * const [sponsor] = tempoServiceWallets(funder) // the same address on every run with this funder
 */
export function tempoServiceWallets(funder: TaskSigner): readonly Wallet[] {
  const key = deriveTempoSponsorKey(funder)
  tempoSponsor.bind(key)
  return [createWallet(key, "derived fee sponsor").unwrap()]
}

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
    // No native gas token: fees are TIP-20 stablecoins (amounts shown in pathUSD, AlphaUSD …).
    feeCurrency: tempoFeeCurrency,
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
    feePolicy: tempoFeePolicy,
    maxInFlightPerSender: tempoMaxInFlightPerSender,
    serviceWallets: tempoServiceWallets,
    networks: tempoChainNetworks,
    startDefaults: tempoStartDefaultsByTarget,
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
