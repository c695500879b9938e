import { formatUnits } from "ethers"
import type { FundingCommandReport } from "../runner/walletFunding/fundingSession.js"
import { renderTable } from "./table.js"

/**
 * An amount in base units as whole units of the currency, e.g. `0.05 ETH`.
 *
 * @example
 * formatAmount(5n * 10n ** 16n, { symbol: "ETH", decimals: 18 }) // "0.05 ETH"
 */
export function formatAmount(amount: bigint, currency: { symbol: string; decimals: number }): string {
  const text = formatUnits(amount, currency.decimals).replace(/\.0$/, "")
  return `${text} ${currency.symbol}`
}

/**
 * What `wallets fund` / `wallets reclaim` print: one summary line, then one row per transaction.
 *
 * @example
 * io.stdout.write(renderFundingReport(report))
 * // Funded 3 of 6 wallet(s) from 0xf39F… on chain 31337: 0.15 ETH in 3 transaction(s).
 */
export function renderFundingReport(report: FundingCommandReport): string {
  const total = formatAmount(report.total, report.currency)
  const count = report.transfers.length
  const head =
    report.action === "fund"
      ? count === 0
        ? `Nothing to fund: none of the ${report.wallets} wallet(s) is below the threshold (chain ${report.chainId}).\n`
        : `Funded ${report.transfers.reduce((sum, transfer) => sum + transfer.to.length, 0)} of ${report.wallets} wallet(s) from ${report.funder} on chain ${report.chainId}: ${total} in ${count} transaction(s).\n`
      : count === 0
        ? `Nothing to reclaim: none of the ${report.wallets} wallet(s) holds more than the fees (chain ${report.chainId}).\n`
        : `Reclaimed ${total} from ${count} of ${report.wallets} wallet(s) to ${report.funder} on chain ${report.chainId} in ${count} transaction(s).\n`
  if (count === 0) return head
  const table = renderTable(
    [
      { header: "transaction" },
      { header: report.action === "fund" ? "to" : "from" },
      { header: "amount", align: "right" },
    ],
    report.transfers.map((transfer) => [
      transfer.hash,
      report.action === "fund" ? transfer.to.join(", ") : transfer.from,
      formatAmount(transfer.amount, report.currency),
    ]),
  )
  return `${head}\n${table}`
}

/**
 * The `--json` form: one line, amounts as decimal strings of base units.
 *
 * @example
 * io.stdout.write(`${fundingReportJson(report)}\n`)
 */
export function fundingReportJson(report: FundingCommandReport): string {
  return JSON.stringify({
    type: report.action,
    chainId: report.chainId,
    funder: report.funder,
    currency: report.currency,
    wallets: report.wallets,
    total: report.total.toString(),
    transfers: report.transfers.map((transfer) => ({
      hash: transfer.hash,
      from: transfer.from,
      to: transfer.to,
      amount: transfer.amount.toString(),
    })),
  })
}
