/**
 * The check on receipts asked for before their block was known: they are used only when they are
 * exactly the receipts of the header in hand (same transactions, same order, same block number).
 * Anything else — null because the block was not mined yet when the node read them, a different
 * block after a reorganisation, a partial answer — is ignored and the block is read as usual.
 */
import type { RpcBlockHeader, RpcReceipt } from "../chainTypes.js"

/**
 * The receipts when they belong to `header`, otherwise undefined.
 *
 * @example
 * const receipts = receiptsOfHeader(header, answer) // undefined for a block not yet mined (null)
 */
export function receiptsOfHeader(
  header: RpcBlockHeader,
  receipts: readonly RpcReceipt[] | null,
): readonly RpcReceipt[] | undefined {
  if (receipts === null || receipts.length !== header.transactions.length) return undefined
  const number = BigInt(header.number)
  for (const [index, receipt] of receipts.entries()) {
    if (receipt.transactionHash.toLowerCase() !== (header.transactions[index] as string).toLowerCase())
      return undefined
    if (BigInt(receipt.blockNumber) !== number) return undefined
  }
  return receipts
}
