import { type ChainFeeCurrency, describeFee, feeBaseUnits, feeTokenOf } from "../tasks/feeCurrency.js"
import type { ReportTransactionRow } from "./loadRunRows.js"
import type { FeeAmount } from "./types.js"

/**
 * The fee currency assumed when the report is built without the chain's declaration (an old
 * caller): base units under the neutral name "fee units", never "native".
 *
 * @example
 * const currency = options.feeCurrency ?? unknownFeeCurrency
 */
export const unknownFeeCurrency: ChainFeeCurrency = Object.freeze({
  nativeGasToken: false,
  symbol: "fee units",
  decimals: 0,
  priceDivisor: 1n,
})

/**
 * Sums gas and fees of journal rows per fee token: gas_used × effective_gas_price in the token's
 * base units (the chain's price divisor applied), shown in units with the token's symbol. A row
 * without `fee_token` paid in the chain's default (its native currency, or its default token).
 *
 * @example
 * const tally = createGasTally(chain.feeCurrency)
 * for (const row of rows) tally.add(row)
 * tally.fees() // [{ token: "native", symbol: "ETH", decimals: 18, amount: "42000000000000", units: "0.000042" }]
 */
export function createGasTally(currency: ChainFeeCurrency = unknownFeeCurrency) {
  let gasUsed = 0n
  const fees = new Map<string, bigint>()
  return {
    add(row: Pick<ReportTransactionRow, "gasUsed" | "effectiveGasPrice" | "feeToken">) {
      if (row.gasUsed === undefined) return
      gasUsed += row.gasUsed
      if (row.effectiveGasPrice === undefined) return
      const token = feeTokenOf(row.feeToken, currency)
      fees.set(token, (fees.get(token) ?? 0n) + feeBaseUnits(row.gasUsed, row.effectiveGasPrice, currency))
    },
    gasUsed(): string {
      return gasUsed.toString()
    },
    fees(): FeeAmount[] {
      return [...fees.entries()]
        .sort(([left], [right]) => left.localeCompare(right))
        .map(([token, amount]) => describeFee(token, amount, currency))
    },
  }
}
