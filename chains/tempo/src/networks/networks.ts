import type { ChainNetwork, ChainStartDefaults } from "@testnet/core"
/**
 * One Tempo network: chain id, public RPC endpoints, explorer, and whether the RPC offers the
 * `tempo_fundAddress` faucet method.
 *
 * @example
 * const network: TempoNetwork = tempoNetworks.moderato
 * console.log(network.chainId, network.rpcUrls[0])
 */
export type TempoNetwork = {
  readonly name: TempoNetworkName
  readonly displayName: string
  readonly chainId: number
  readonly rpcUrls: readonly string[]
  readonly explorerUrl: string | undefined
  /** The endpoint answers `tempo_fundAddress` (testnet faucet). */
  readonly faucet: boolean
}

/**
 * Names of the known Tempo networks.
 *
 * @example
 * const name: TempoNetworkName = "moderato"
 */
export type TempoNetworkName = "presto" | "moderato" | "devnet" | "localnet"

/**
 * The known Tempo networks by name: mainnet "presto" (4217), testnet "moderato" (42431, the
 * default), the public devnet (31318) and a local node (1337).
 *
 * @example
 * import { tempoNetworks } from "@testnet/tempo"
 * tempoNetworks.presto.chainId // 4217
 */
export const tempoNetworks: Readonly<Record<TempoNetworkName, TempoNetwork>> = Object.freeze({
  presto: Object.freeze({
    name: "presto",
    displayName: "Tempo (Presto mainnet)",
    chainId: 4217,
    rpcUrls: Object.freeze(["https://rpc.tempo.xyz"]),
    explorerUrl: "https://explore.tempo.xyz",
    faucet: false,
  }),
  moderato: Object.freeze({
    name: "moderato",
    displayName: "Tempo (Moderato testnet)",
    chainId: 42431,
    rpcUrls: Object.freeze(["https://rpc.moderato.tempo.xyz"]),
    explorerUrl: "https://explore.testnet.tempo.xyz",
    faucet: true,
  }),
  devnet: Object.freeze({
    name: "devnet",
    displayName: "Tempo (devnet)",
    chainId: 31318,
    rpcUrls: Object.freeze(["https://rpc.devnet.tempoxyz.dev"]),
    explorerUrl: "https://explore.devnet.tempo.xyz",
    faucet: false,
  }),
  localnet: Object.freeze({
    name: "localnet",
    displayName: "Tempo (localnet)",
    chainId: 1337,
    rpcUrls: Object.freeze(["http://localhost:8545"]),
    explorerUrl: undefined,
    faucet: false,
  }),
})

/**
 * The network called `name` (case-insensitive), or undefined for an unknown name.
 *
 * @example
 * getTempoNetwork("Moderato")?.chainId // 42431
 * getTempoNetwork("nope") // undefined
 */
export function getTempoNetwork(name: string): TempoNetwork | undefined {
  const key = name.toLowerCase()
  return Object.hasOwn(tempoNetworks, key) ? tempoNetworks[key as TempoNetworkName] : undefined
}

/**
 * The network names, for help texts and error messages.
 *
 * @example
 * tempoNetworkNames() // ["presto", "moderato", "devnet", "localnet"]
 */
export function tempoNetworkNames(): TempoNetworkName[] {
  return Object.keys(tempoNetworks) as TempoNetworkName[]
}

/**
 * The networks as `defineChain` declares them (`--network NAME` in core's CLI): RPC URL, chain id
 * and explorer of each.
 *
 * @example
 * tempoChainNetworks.moderato?.rpcUrl // "https://rpc.moderato.tempo.xyz"
 */
export const tempoChainNetworks: Readonly<Record<string, ChainNetwork>> = Object.freeze(
  Object.fromEntries(
    Object.values(tempoNetworks).map((network) => [
      network.name,
      Object.freeze({
        rpcUrl: network.rpcUrls[0] ?? "",
        chainId: network.chainId,
        ...(network.explorerUrl === undefined ? {} : { explorerUrl: network.explorerUrl }),
      }),
    ]),
  ),
)

/**
 * `tempo start` without a config: on the embedded devnet 60 s at 30 task starts/s (sustainable by
 * the pure-JS signer on two cores), 100 tasks in flight over 150 wallets (a wallet stays leased
 * until its transactions settle, ~1–3 s with 1 s blocks); on a real network 60 s at 10 task
 * starts/s with 10 wallets (real funds: small unless asked).
 *
 * @example
 * tempoStartDefaultsByTarget.network.targetTps // 10
 */
export const tempoStartDefaultsByTarget: ChainStartDefaults = Object.freeze({
  devnet: Object.freeze({ durationSeconds: 60, targetTps: 30, workers: 100, wallets: 150 }),
  network: Object.freeze({ durationSeconds: 60, targetTps: 10, workers: 10, wallets: 10 }),
})
