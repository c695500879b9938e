import type { BaseError, RawSendRequest, Result, TaskContext, TransactionFees } from "@testnet/core"
import type { TransactionLike } from "ethers"

/**
 * The transaction fields a raw request fills from the pipeline's fees (nonce and chain id are
 * added by {@link signedRequest}).
 *
 * @example
 * const fields: RawFields = (fees) => ({ type: 0, to, gasLimit: 21_000n, gasPrice: highestGasPrice(fees) })
 */
export type RawFields = (fees: TransactionFees) => Omit<TransactionLike<string>, "nonce" | "chainId">

/**
 * A `kind: "raw"` request signed by the task's wallet: the pipeline still reserves the nonce,
 * supplies the fees, journals and broadcasts, and this builder chooses the transaction type
 * (legacy, access list, explicit EIP-1559, EIP-7702) that core's standard request does not expose.
 *
 * @example
 * await context.send(signedRequest(context, to, (fees) => ({ type: 1, to, gasLimit: 50_000n, gasPrice: highestGasPrice(fees), accessList })))
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
