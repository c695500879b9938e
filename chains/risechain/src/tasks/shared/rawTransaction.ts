import type { BaseError, RawSendRequest, Result, TaskContext, TransactionFees } from "@testnet/core"
import type { TransactionLike } from "ethers"

/**
 * The transaction fields a raw request fills from the pipeline's fees (nonce and chain id are
 * added by {@link signedRequest}).
 *
 * @example
 * const fields: RawFields = (fees) => ({ type: 0, to, gasLimit: 21_000n, gasPrice: legacyGasPrice(fees) })
 */
export type RawFields = (fees: TransactionFees) => Omit<TransactionLike<string>, "nonce" | "chainId">

/**
 * The legacy gas price for the current fees: the EIP-1559 fee cap (never below what the block
 * needs), or the chain's legacy gas price.
 *
 * @example
 * const gasPrice = legacyGasPrice(fees)
 */
export function legacyGasPrice(fees: TransactionFees): bigint {
  return "gasPrice" in fees ? fees.gasPrice : fees.maxFeePerGas
}

/**
 * EIP-1559 fee fields for the current fees (a legacy price becomes both cap and tip).
 *
 * @example
 * signTransaction({ type: 2, ...dynamicFees(fees), to, gasLimit })
 */
export function dynamicFees(fees: TransactionFees): { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint } {
  return "gasPrice" in fees
    ? { maxFeePerGas: fees.gasPrice, maxPriorityFeePerGas: fees.gasPrice }
    : { maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas }
}

/**
 * A `kind: "raw"` request signed by the task's wallet: the pipeline still reserves the nonce,
 * supplies the fees, journals and broadcasts, and this builder chooses the transaction type
 * (legacy, access list, explicit EIP-1559, EIP-7702) that core's standard request does not expose.
 *
 * @example
 * await context.send(signedRequest(context, to, (fees) => ({ type: 1, to, gasLimit: 50_000n, gasPrice: legacyGasPrice(fees), accessList })))
 */
export function signedRequest(context: TaskContext, to: string | null, fields: RawFields): RawSendRequest {
  return {
    kind: "raw",
    to,
    build: ({ nonce, fees, chainId }) =>
      context.wallet.signTransaction({ ...fields(fees), nonce: Number(nonce), chainId }),
  }
}

/**
 * The EIP-2718 type of an included transaction (`eth_getTransactionByHash`).
 *
 * @example
 * const type = await transactionType(context, sent.hash) // 1
 */
export async function transactionType(
  context: TaskContext,
  hash: string,
): Promise<Result<number, BaseError>> {
  const transaction = await context.rpc.request<{ type: string } | null>("eth_getTransactionByHash", [hash], {
    signal: context.signal,
  })
  return transaction.map((value) => Number(value?.type ?? -1))
}
