import type { TransactionReceipt } from "@testnet/core"
import { id } from "ethers"

const transferTopic = id("Transfer(address,address,uint256)")

/**
 * The number of TIP-20 `Transfer` logs of `token` in `receipt` paying one of `recipients` (the
 * fee, when paid in the same token, is a Transfer too, to the fee manager: not counted).
 *
 * @example
 * const count = countTransfers(receipt, token, recipients)
 */
export function countTransfers(
  receipt: TransactionReceipt,
  token: string,
  recipients: readonly string[],
): number {
  const recipientTopics = new Set(
    recipients.map((address) => `0x${address.slice(2).toLowerCase().padStart(64, "0")}`),
  )
  return receipt.logs.filter(
    (log) =>
      log.address.toLowerCase() === token.toLowerCase() &&
      log.topics[0] === transferTopic &&
      recipientTopics.has(log.topics[2]?.toLowerCase() ?? ""),
  ).length
}
