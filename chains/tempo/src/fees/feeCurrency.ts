import type { ChainFeeCurrency } from "@testnet/core"
import { tempoAddresses, tip20Decimals } from "../contracts/addresses.js"

/**
 * What Tempo charges fees in: no native gas token; a TIP-20 USD stablecoin (6 decimals), the one
 * the transaction names, else the account's preference, else pathUSD. Gas prices are in 10^-18 USD
 * per gas, so fee (token base units) = gas used × effective gas price / 10^12.
 *
 * @example
 * defineChain({ ...declaration, feeCurrency: tempoFeeCurrency })
 */
export const tempoFeeCurrency: ChainFeeCurrency = Object.freeze({
  nativeGasToken: false,
  symbol: "pathUSD",
  decimals: tip20Decimals,
  priceDivisor: 10n ** BigInt(18 - tip20Decimals),
  defaultToken: tempoAddresses.pathUsd.toLowerCase(),
  tokens: Object.freeze({
    [tempoAddresses.pathUsd.toLowerCase()]: { symbol: "pathUSD", decimals: tip20Decimals },
    [tempoAddresses.alphaUsd.toLowerCase()]: { symbol: "AlphaUSD", decimals: tip20Decimals },
    [tempoAddresses.betaUsd.toLowerCase()]: { symbol: "BetaUSD", decimals: tip20Decimals },
    [tempoAddresses.thetaUsd.toLowerCase()]: { symbol: "ThetaUSD", decimals: tip20Decimals },
  }),
})
