/**
 * Addresses of Tempo's system contracts and pre-deployed tokens (the same on every Tempo network
 * and on `anvil --network tempo`), checksummed.
 *
 * @example
 * import { tempoAddresses } from "@testnet/tempo"
 * const token = tempoAddresses.pathUsd
 */
export const tempoAddresses = {
  /** pathUSD: the default fee token and root quote token. */
  pathUsd: "0x20C0000000000000000000000000000000000000",
  alphaUsd: "0x20C0000000000000000000000000000000000001",
  betaUsd: "0x20C0000000000000000000000000000000000002",
  thetaUsd: "0x20C0000000000000000000000000000000000003",
  /** Creates TIP-20 tokens at `0x20C0000000000000000000<8-byte id>`. */
  tip20Factory: "0x20Fc000000000000000000000000000000000000",
  /** Fee-token preferences and the FeeAMM. */
  feeManager: "0xfeEC000000000000000000000000000000000000",
  stablecoinDex: "0xDEc0000000000000000000000000000000000000",
  tip403Registry: "0x403c000000000000000000000000000000000000",
  /** 2D nonces: `getNonce(account, nonceKey)`. */
  noncePrecompile: "0x4e4F4E4345000000000000000000000000000000",
  multicall3: "0xcA11bde05977b3631167028862bE2a173976CA11",
  /** The deterministic CREATE2 deployer (Arachnid's proxy). */
  create2Deployer: "0x4e59b44847b379578588920cA78FbF26c0B4956C",
} as const

/**
 * The four USD stablecoins present at genesis, by symbol.
 *
 * @example
 * import { tempoStablecoins } from "@testnet/tempo"
 * for (const [symbol, address] of Object.entries(tempoStablecoins)) console.log(symbol, address)
 */
export const tempoStablecoins = {
  PathUSD: tempoAddresses.pathUsd,
  AlphaUSD: tempoAddresses.alphaUsd,
  BetaUSD: tempoAddresses.betaUsd,
  ThetaUSD: tempoAddresses.thetaUsd,
} as const

/**
 * Decimals of every TIP-20 USD token.
 *
 * @example
 * const oneDollar = 10n ** BigInt(tip20Decimals)
 */
export const tip20Decimals = 6
