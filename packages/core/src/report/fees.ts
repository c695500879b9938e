import type { ReportTransactionRow } from "./loadRunRows.js"
import type { FeeAmount } from "./types.js"

/**
 * The token fees are counted in when the journal names none (the chain's native currency).
 *
 * @example
 * const token = row.feeToken ?? nativeFeeToken
 */
export const nativeFeeToken = "native"

/**
 * Sums gas and fees (gas_used × effective_gas_price) of journal rows, per fee token.
 *
 * @example
 * const tally = createGasTally()
 * for (const row of rows) tally.add(row)
 * tally.fees() // [{ token: "native", amount: "42000000000000" }]
 */
export function createGasTally() {
  let gasUsed = 0n
  const fees = new Map<string, bigint>()
  return {
    add(row: Pick<ReportTransactionRow, "gasUsed" | "effectiveGasPrice" | "feeToken">) {
      if (row.gasUsed === undefined) return
      gasUsed += row.gasUsed
      if (row.effectiveGasPrice === undefined) return
      const token = row.feeToken ?? nativeFeeToken
      fees.set(token, (fees.get(token) ?? 0n) + row.gasUsed * row.effectiveGasPrice)
    },
    gasUsed(): string {
      return gasUsed.toString()
    },
    fees(): FeeAmount[] {
      return [...fees.entries()]
        .sort(([left], [right]) => left.localeCompare(right))
        .map(([token, amount]) => ({ token, amount: amount.toString() }))
    },
  }
}
