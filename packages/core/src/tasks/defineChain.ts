import type { DevnetOptions } from "../devnet/devnetOptions.js"
import { TaskDuplicateNameError } from "../errors/task.js"
import type { FundingHook } from "../funding/fundingHook.js"
import { defineFeePolicy, type FeePolicy, type FeePolicyDeclaration } from "../gas/feePolicy.js"
import type { Result } from "../result.js"
import type { Wallet } from "../wallet/wallet.js"
import { type ChainNetwork, type ChainStartDefaults, defaultStartDefaults } from "./chainStart.js"
import type { TaskRpc, TaskSigner } from "./context.js"
import type { TaskDefinition } from "./defineTask.js"
import { type ChainFeeCurrency, nativeFeeCurrency } from "./feeCurrency.js"

/**
 * What a chain supports. Core behaves by capability, never by chain name.
 *
 * @example
 * const capabilities: ChainCapabilities = { eip1559: true, nativeValueTransfers: true, sendRawTransactionSync: true }
 */
export type ChainCapabilities = {
  /** Type-2 transactions and `baseFeePerGas` in blocks; otherwise legacy `gasPrice`. */
  eip1559: boolean
  /** Transactions may carry native value (false on Tempo: fees and value are TIP-20). */
  nativeValueTransfers: boolean
  /** Transactions can choose the token that pays the fee. */
  feeToken?: boolean
  /** Several parallel nonce lanes per account (nonce keys). */
  keyedNonces?: boolean
  /** `eth_sendRawTransactionSync` (EIP-7966) answers with the receipt. */
  sendRawTransactionSync?: boolean
  /** One transaction can carry several calls. */
  batchCalls?: boolean
  /** `eth_getBlockReceipts` is available (default assumed true by the receipt tracker). */
  blockReceipts?: boolean
}

/**
 * How the embedded devnet (anvil) runs this chain.
 *
 * @example
 * const devnet: ChainDevnet = { network: "tempo", hardfork: "T4", extraArguments: ["--disable-pool-balance-checks"] }
 */
export type ChainDevnet = Omit<DevnetOptions, "chainId" | "environment" | "port" | "choosePort"> & {
  /** Defaults to the chain's `chainId`. */
  chainId?: number
}

/**
 * Builds, from the run's RPC client, the reader of a keyed nonce lane's next nonce (chains with
 * several nonce lanes per account, such as Tempo's nonce precompile). Lane 0 always uses
 * `eth_getTransactionCount`, so the reader only sees nonce keys other than 0.
 *
 * @example
 * const keyedNonceReader: KeyedNonceReader = (rpc) => async (lane) =>
 *   (await rpc.request<string>("eth_call", [{ to: noncePrecompile, data: encodeGetNonce(lane.address, lane.nonceKey) }, "pending"])).map(BigInt)
 */
export type KeyedNonceReader = (
  rpc: TaskRpc,
) => (lane: { chainId: number; address: string; nonceKey: bigint }) => Promise<Result<bigint, unknown>>

/**
 * A chain: identity, capabilities, devnet recipe, task catalog and funding strategy.
 *
 * @example
 * runCli(tempo) // a ChainDefinition made with defineChain
 */
export type ChainDefinition = {
  /** Lower-case identifier, e.g. "tempo"; names the default database file. */
  readonly name: string
  /** Human name for headers, e.g. "Tempo (Moderato testnet)". */
  readonly displayName: string
  readonly chainId: number
  readonly nativeCurrency: { readonly name: string; readonly symbol: string; readonly decimals: number }
  /** What fees are paid in (default: the native currency); amounts are shown in its units. */
  readonly feeCurrency: ChainFeeCurrency
  readonly capabilities: Readonly<ChainCapabilities>
  readonly devnet: Readonly<ChainDevnet>
  readonly tasks: readonly TaskDefinition[]
  /** Funding strategy; absent: native-currency transfers. */
  readonly fund: FundingHook | undefined
  /** Reads keyed nonce lanes (nonce key ≠ 0); required when `capabilities.keyedNonces` tasks use them. */
  readonly keyedNonceReader: KeyedNonceReader | undefined
  /** Public RPC endpoints (used when no --rpc-url is given and the devnet is not wanted). */
  readonly rpcUrls: readonly string[]
  readonly explorerUrl: string | undefined
  /** Version shown by `--version` (the chain package's version). */
  readonly version: string
  /** How fees are chosen and replaced on this chain (defaults: headroom ×2, 10 % replacement minimum). */
  readonly feePolicy: FeePolicy
  /**
   * The most transactions one sender may have pending in the pool at once (default 16: reth's
   * `max_account_slots`, tempo's 2D-nonce pool limit); the submitter waits rather than exceed it.
   */
  readonly maxInFlightPerSender: number
  /** Accounts the chain's tasks use besides the workers, derived from the funder (see `ChainServiceWallets`). */
  readonly serviceWallets: ChainServiceWallets | undefined
  /** Public networks by name (`--network NAME`); empty when the chain declares none. */
  readonly networks: Readonly<Record<string, ChainNetwork>>
  /** What `start` runs without a config, on the embedded devnet and on a real network. */
  readonly startDefaults: ChainStartDefaults
  /**
   * Gas one execution of a task spends, by task name, for the funding plan check (a task not
   * listed counts as {@link defaultGasPerTask}).
   */
  readonly gasPerTask: Readonly<Record<string, number>>
}

/**
 * The gas a task is assumed to spend when its chain declares no estimate: conservative (a contract
 * deployment or a few calls), so the funding check errs on refusing.
 *
 * @example
 * chain.gasPerTask[task.name] ?? defaultGasPerTask
 */
export const defaultGasPerTask = 300_000

/**
 * What a chain author writes; `defineChain` fills the defaults.
 *
 * @example
 * const declaration: ChainDeclaration = { name: "rise", chainId: 11155931, nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, capabilities: { eip1559: true, nativeValueTransfers: true }, devnet: {}, tasks: [] }
 */
export type ChainDeclaration = {
  name: string
  displayName?: string
  chainId: number
  nativeCurrency: { name: string; symbol: string; decimals: number }
  /** What fees are paid in; default: the native currency. Required in spirit without a native gas token. */
  feeCurrency?: ChainFeeCurrency
  capabilities: ChainCapabilities
  devnet: ChainDevnet
  /** Explicit list (no registration on import). Each task keeps its own parameter type. */
  tasks: readonly TaskDefinition[]
  fund?: FundingHook
  keyedNonceReader?: KeyedNonceReader
  rpcUrls?: readonly string[]
  explorerUrl?: string
  version?: string
  /** Fee rules: a base-fee ceiling or a headroom multiplier, and the replacement minimum. */
  feePolicy?: FeePolicyDeclaration
  /** Pending transactions allowed per sender (default 16). */
  maxInFlightPerSender?: number
  serviceWallets?: ChainServiceWallets
  /** Public networks by name, selectable with `--network NAME`. */
  networks?: Readonly<Record<string, ChainNetwork>>
  /** `start` defaults on the embedded devnet and on a real network. */
  startDefaults?: ChainStartDefaults
  /** Gas per execution by task name, for the funding plan check. */
  gasPerTask?: Readonly<Record<string, number>>
}

/**
 * Accounts a chain's tasks need besides the worker wallets (Tempo: the fee sponsor of sponsored
 * transactions), derived deterministically from the funder so they are the same on every run and
 * never stored. The runner funds them before the run and reclaims them with the worker wallets, but
 * never leases them to a worker. Called once per run with the funder's signer.
 *
 * @example
 * const serviceWallets: ChainServiceWallets = (funder) => [createWallet(deriveSponsorKey(funder)).unwrap()]
 */
export type ChainServiceWallets = (funder: TaskSigner) => readonly Wallet[]

/** reth `max_account_slots` and tempo `crates/transaction-pool/src/tt_2d_pool.rs`: 16 per sender. */
const defaultMaxInFlightPerSender = 16

/**
 * Declares a chain. Pure (nothing global is registered). Duplicate task names and invalid chain ids
 * are catalog bugs and throw.
 *
 * @example
 * export const tempo = defineChain({
 *   name: "tempo",
 *   chainId: 42431,
 *   nativeCurrency: { name: "USD", symbol: "USD", decimals: 6 },
 *   capabilities: { eip1559: true, nativeValueTransfers: false, feeToken: true, keyedNonces: true, sendRawTransactionSync: true, batchCalls: true },
 *   devnet: { network: "tempo", hardfork: "T4" },
 *   tasks: catalog,
 *   fund: tip20Funding,
 *   feePolicy: { maxFee: { kind: "ceiling", maxFeePerGas: 12_000_000_000n } },
 * })
 */
export function defineChain(declaration: ChainDeclaration): ChainDefinition {
  if (!Number.isSafeInteger(declaration.chainId) || declaration.chainId <= 0) {
    throw new RangeError(
      `chain "${declaration.name}" has chainId ${declaration.chainId}; it must be a positive integer`,
    )
  }
  const maxInFlightPerSender = declaration.maxInFlightPerSender ?? defaultMaxInFlightPerSender
  if (!Number.isSafeInteger(maxInFlightPerSender) || maxInFlightPerSender < 1)
    throw new RangeError(
      `chain "${declaration.name}" has maxInFlightPerSender ${maxInFlightPerSender}; it must be a positive integer`,
    )
  const seen = new Set<string>()
  for (const task of declaration.tasks) {
    if (seen.has(task.name)) throw new TaskDuplicateNameError({ name: task.name })
    seen.add(task.name)
  }
  return Object.freeze({
    name: declaration.name,
    displayName: declaration.displayName ?? declaration.name,
    chainId: declaration.chainId,
    nativeCurrency: Object.freeze({ ...declaration.nativeCurrency }),
    feeCurrency: Object.freeze(declaration.feeCurrency ?? nativeFeeCurrency(declaration.nativeCurrency)),
    capabilities: Object.freeze({ ...declaration.capabilities }),
    devnet: Object.freeze({ ...declaration.devnet }),
    tasks: Object.freeze([...declaration.tasks]),
    fund: declaration.fund,
    keyedNonceReader: declaration.keyedNonceReader,
    rpcUrls: Object.freeze([...(declaration.rpcUrls ?? [])]),
    explorerUrl: declaration.explorerUrl,
    version: declaration.version ?? "0.0.0",
    feePolicy: defineFeePolicy(declaration.feePolicy),
    maxInFlightPerSender,
    serviceWallets: declaration.serviceWallets,
    networks: Object.freeze({ ...(declaration.networks ?? {}) }),
    startDefaults: declaration.startDefaults ?? defaultStartDefaults,
    gasPerTask: Object.freeze({ ...(declaration.gasPerTask ?? {}) }),
  })
}

/**
 * The `startDevnet` options for a chain, with optional overrides (e.g. block time from config).
 *
 * @example
 * const devnet = await startDevnet(getDevnetOptions(tempo, { blockTimeSeconds: config.blockTimeSeconds }))
 */
export function getDevnetOptions(
  chain: ChainDefinition,
  overrides: Partial<DevnetOptions> = {},
): DevnetOptions {
  const { chainId, ...rest } = chain.devnet
  return { ...rest, chainId: chainId ?? chain.chainId, ...overrides }
}
