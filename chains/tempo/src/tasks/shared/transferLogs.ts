import { id } from "ethers"

type Log = { readonly address: string; readonly topics: readonly string[]; readonly data: string }

const transferTopic = id("Transfer(address,address,uint256)")
const transferWithMemoTopic = id("TransferWithMemo(address,address,uint256,bytes32)")
const approvalTopic = id("Approval(address,address,uint256)")

function addressTopic(address: string): string {
  return `0x${address.slice(2).toLowerCase().padStart(64, "0")}`
}

/** Whether `logs` hold an event of `token` with one of `topics`, two address topics and `amount` first in its data. */
function hasAmountEvent(
  logs: readonly Log[],
  topics: readonly string[],
  event: { readonly token: string; readonly first: string; readonly second: string; readonly amount: bigint },
): boolean {
  const token = event.token.toLowerCase()
  const first = addressTopic(event.first)
  const second = addressTopic(event.second)
  return logs.some(
    (log) =>
      log.address.toLowerCase() === token &&
      topics.includes(log.topics[0] ?? "") &&
      log.topics[1]?.toLowerCase() === first &&
      log.topics[2]?.toLowerCase() === second &&
      log.data.length >= 66 &&
      BigInt(log.data.slice(0, 66)) === event.amount,
  )
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
  return hasAmountEvent(logs, [transferTopic, transferWithMemoTopic], {
    token: transfer.token,
    first: transfer.from,
    second: transfer.to,
    amount: transfer.amount,
  })
}

/**
 * Whether `logs` hold the TIP-20 `Approval` event of `token` setting `owner`'s allowance for
 * `spender` to `amount` (an approve or a permit executed).
 *
 * @example
 * if (!hasTip20Approval(receipt.logs, { token, owner: holder, spender: context.address, amount })) return taskFailure(context, "no Approval event")
 */
export function hasTip20Approval(
  logs: readonly Log[],
  approval: {
    readonly token: string
    readonly owner: string
    readonly spender: string
    readonly amount: bigint
  },
): boolean {
  return hasAmountEvent(logs, [approvalTopic], {
    token: approval.token,
    first: approval.owner,
    second: approval.spender,
    amount: approval.amount,
  })
}
