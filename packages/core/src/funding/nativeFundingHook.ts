/**
 * How a chain moves its funding currency: balances, transfers from the funder, reclaim. The
 * default moves the native currency; a chain without native value (Tempo) provides TIP-20 transfers.
 */
import { Ok } from "../result.js"
import type { RunnerFees } from "../runner/ports.js"
import type { FundingHook } from "./fundingHook.js"

const transferGas = 21_000n

/**
 * Worst-case fee of one plain transfer.
 *
 * @example
 * maxTransferFee({ gasPrice: 5n }) // 105000n
 */
function maxTransferFee(fees: RunnerFees): bigint {
  return transferGas * ("gasPrice" in fees ? fees.gasPrice : fees.maxFeePerGas)
}

/**
 * Native-currency funding: eth_getBalance in one batch, one value transfer per recipient.
 *
 * @example
 * const runner = createRunner({ ..., funding: { hook: nativeFundingHook, funder, targetBalance: 10n ** 18n } })
 */
export const nativeFundingHook: FundingHook = {
  currency: { symbol: "ETH", decimals: 18 },
  async balances({ rpc, addresses }) {
    const results = await Promise.all(
      addresses.map((address) => rpc.request<string>("eth_getBalance", [address, "latest"])),
    )
    const balances: bigint[] = []
    for (const result of results) {
      if (result.isErr()) return result
      balances.push(BigInt(result.value))
    }
    return Ok(balances)
  },
  transfers({ recipients, fees }) {
    return recipients.map(({ address, amount }) => ({
      request: { to: address, value: amount, gasLimit: transferGas },
      recipients: [address],
      cost: amount + maxTransferFee(fees),
    }))
  },
  reclaim({ to, balance, fees }) {
    const fee = maxTransferFee(fees)
    if (balance <= fee * 2n) return undefined
    return { to, value: balance - fee, gasLimit: transferGas }
  },
}

/**
 * The per-wallet funding target when none is given: 1 whole unit on the embedded devnet (free
 * money), 0.05 units on a real network.
 *
 * @example
 * defaultFundingTarget(nativeFundingHook, { devnet: false }) // 50000000000000000n (0.05 ETH)
 */
export function defaultFundingTarget(hook: FundingHook, where: { devnet: boolean }): bigint {
  const { decimals } = hook.currency
  return where.devnet ? 10n ** BigInt(decimals) : 5n * 10n ** BigInt(Math.max(0, decimals - 2))
}
