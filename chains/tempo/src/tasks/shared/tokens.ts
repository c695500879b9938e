import { tempoAddresses } from "../../contracts/addresses.js"

/**
 * The genesis USD stablecoins the workload pays fees with and transfers. The funding hook tops
 * every worker wallet up in each of them, and each has FeeAMM liquidity against the others on
 * `anvil --network tempo` and on the public networks.
 *
 * @example
 * const token = context.random.pick(tempoFeeTokens)
 */
export const tempoFeeTokens: readonly string[] = Object.freeze([
  tempoAddresses.pathUsd,
  tempoAddresses.alphaUsd,
  tempoAddresses.betaUsd,
])

/**
 * A short display name for a known token address (for notes and logs).
 *
 * @example
 * tokenLabel(tempoAddresses.alphaUsd) // "AlphaUSD"
 */
export function tokenLabel(address: string): string {
  const lower = address.toLowerCase()
  if (lower === tempoAddresses.pathUsd.toLowerCase()) return "pathUSD"
  if (lower === tempoAddresses.alphaUsd.toLowerCase()) return "AlphaUSD"
  if (lower === tempoAddresses.betaUsd.toLowerCase()) return "BetaUSD"
  if (lower === tempoAddresses.thetaUsd.toLowerCase()) return "ThetaUSD"
  return address
}

/**
 * A random small amount (token units, 6 decimals): enough to be a real transfer, small enough that
 * wallets keep their funding for a long run.
 *
 * @example
 * const amount = smallAmount(context.random) // 1n … 1000n
 */
export function smallAmount(random: { bigint(min: bigint, max: bigint): bigint }): bigint {
  return random.bigint(1n, 1_000n)
}
