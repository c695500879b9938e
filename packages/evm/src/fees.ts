import type { TransactionFees } from "@testnet/core"

/**
 * The most one unit of gas may cost under the current fees: the EIP-1559 fee cap, or the legacy
 * gas price. Use it as a legacy `gasPrice` (never below what the block needs) or to bound a
 * transaction's fee (`gasLimit × highestGasPrice(fees)`).
 *
 * @example
 * const gasPrice = highestGasPrice(fees)
 */
export function highestGasPrice(fees: TransactionFees): bigint {
  return "gasPrice" in fees ? fees.gasPrice : fees.maxFeePerGas
}

/**
 * EIP-1559 fee fields for the current fees (a legacy price becomes both cap and tip), for tasks
 * that build and sign their own transactions.
 *
 * @example
 * wallet.signTransaction({ type: 2, ...dynamicFees(fees), to, gasLimit, nonce, chainId })
 */
export function dynamicFees(fees: TransactionFees): { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint } {
  return "gasPrice" in fees
    ? { maxFeePerGas: fees.gasPrice, maxPriorityFeePerGas: fees.gasPrice }
    : { maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas }
}
