import { id } from "ethers"

type Log = { readonly address: string; readonly topics: readonly string[]; readonly data: string }

const transferTopic = id("Transfer(address,address,uint256)")
const transferWithMemoTopic = id("TransferWithMemo(address,address,uint256,bytes32)")

function addressTopic(address: string): string {
  return `0x${address.slice(2).toLowerCase().padStart(64, "0")}`
}

/**
 * Whether `logs` (a receipt's) hold the TIP-20 `Transfer` or `TransferWithMemo` event of `token`
 * moving exactly `amount` from `from` to `to`. A task verifies its payment with the receipt the run
 * already has, instead of reading the recipient's balance afterwards (an `eth_call` per payment);
 * the token emits the event only when the transfer executed.
 *
 * @example
 * if (!hasTip20Transfer(receipt.logs, { token, from: context.address, to: recipient, amount })) return taskFailure(context, "no Transfer event")
 */
export function hasTip20Transfer(
  logs: readonly Log[],
  transfer: { readonly token: string; readonly from: string; readonly to: string; readonly amount: bigint },
): boolean {
  const token = transfer.token.toLowerCase()
  const from = addressTopic(transfer.from)
  const to = addressTopic(transfer.to)
  return logs.some(
    (log) =>
      log.address.toLowerCase() === token &&
      (log.topics[0] === transferTopic || log.topics[0] === transferWithMemoTopic) &&
      log.topics[1]?.toLowerCase() === from &&
      log.topics[2]?.toLowerCase() === to &&
      log.data.length >= 66 &&
      BigInt(log.data.slice(0, 66)) === transfer.amount,
  )
}
