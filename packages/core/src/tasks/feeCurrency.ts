/**
 * What a chain charges fees in, so amounts are shown in units with a symbol, never as raw base
 * units and never as "native" on a chain without a native gas token (Tempo pays fees in TIP-20
 * stablecoins: pathUSD, AlphaUSD …, 6 decimals).
 */

/**
 * A chain's fee currency.
 *
 * @example
 * const tempoFees: ChainFeeCurrency = {
 *   nativeGasToken: false, symbol: "pathUSD", decimals: 6, priceDivisor: 10n ** 12n,
 *   defaultToken: "0x20c0000000000000000000000000000000000000",
 *   tokens: { "0x20c0000000000000000000000000000000000000": { symbol: "pathUSD", decimals: 6 } },
 * }
 */
export type ChainFeeCurrency = {
  /** True when fees are paid in the chain's native currency (ETH …); false on Tempo. */
  readonly nativeGasToken: boolean
  /** Symbol and decimals of the default fee currency. */
  readonly symbol: string
  readonly decimals: number
  /**
   * gas used × effective gas price is divided by this to give base units of the fee token
   * (Tempo: 10^12, prices are in 10^-18 USD per gas and tokens have 6 decimals; native: 1).
   */
  readonly priceDivisor: bigint
  /** The token charged when a transaction names none (chains with fee tokens). */
  readonly defaultToken?: string
  /** Known fee tokens by address (lower case), for their symbols. */
  readonly tokens?: Readonly<Record<string, { readonly symbol: string; readonly decimals: number }>>
}

/**
 * The fee currency of a chain that pays fees in its native currency.
 *
 * @example
 * nativeFeeCurrency({ symbol: "ETH", decimals: 18 }) // { nativeGasToken: true, symbol: "ETH", decimals: 18, priceDivisor: 1n }
 */
export function nativeFeeCurrency(currency: { symbol: string; decimals: number }): ChainFeeCurrency {
  return { nativeGasToken: true, symbol: currency.symbol, decimals: currency.decimals, priceDivisor: 1n }
}

/**
 * A fee in one token: base units (for `--json`) plus what a person reads.
 *
 * @example
 * const fee: FeeInUnits = { token: "0x20c0…", symbol: "pathUSD", decimals: 6, amount: "12345", units: "0.012345" }
 */
export type FeeInUnits = {
  /** The fee token's address, or "native" on a chain with a native gas token. */
  token: string
  symbol: string
  decimals: number
  /** Base units of the token, as a decimal string. */
  amount: string
  /** The amount in units ("0.012345"). */
  units: string
}

/**
 * The fee token a journal row was charged in: the one it named, else the chain's default, else
 * "native" (only on chains with a native gas token).
 *
 * @example
 * feeTokenOf(null, tempoFees) // "0x20c0000000000000000000000000000000000000"
 */
export function feeTokenOf(feeToken: string | null | undefined, currency: ChainFeeCurrency): string {
  if (feeToken !== null && feeToken !== undefined && feeToken !== "") return feeToken.toLowerCase()
  return currency.defaultToken?.toLowerCase() ?? (currency.nativeGasToken ? "native" : "unknown")
}

/**
 * Base units of the fee token for gas used × effective gas price.
 *
 * @example
 * feeBaseUnits(21_000n, 20_000_000_000n, tempoFees) // 420n (0.00042 pathUSD)
 */
export function feeBaseUnits(gasUsed: bigint, effectiveGasPrice: bigint, currency: ChainFeeCurrency): bigint {
  return (gasUsed * effectiveGasPrice) / currency.priceDivisor
}

/**
 * Base units as a decimal number of units, trailing zeros trimmed ("1.5", "0.000042", "12").
 *
 * @example
 * formatUnits(1_500_000n, 6) // "1.5"
 */
export function formatUnits(amount: bigint, decimals: number): string {
  const negative = amount < 0n
  const digits = (negative ? -amount : amount).toString().padStart(decimals + 1, "0")
  const whole = digits.slice(0, digits.length - decimals)
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, "")
  return `${negative ? "-" : ""}${whole}${fraction === "" ? "" : `.${fraction}`}`
}

/**
 * A fee amount of one token in units with its symbol.
 *
 * @example
 * describeFee("0x20c0…", 12_345n, tempoFees) // { token: "0x20c0…", symbol: "pathUSD", decimals: 6, amount: "12345", units: "0.012345" }
 */
export function describeFee(token: string, amount: bigint, currency: ChainFeeCurrency): FeeInUnits {
  const known = currency.tokens?.[token.toLowerCase()]
  const symbol =
    known?.symbol ??
    (token === "native" || token === currency.defaultToken?.toLowerCase()
      ? currency.symbol
      : shortToken(token))
  const decimals = known?.decimals ?? currency.decimals
  return { token, symbol, decimals, amount: amount.toString(), units: formatUnits(amount, decimals) }
}

/** An unknown token's address, shortened, as its label. */
function shortToken(token: string): string {
  return token.length > 12 ? `${token.slice(0, 6)}…${token.slice(-4)}` : token
}
