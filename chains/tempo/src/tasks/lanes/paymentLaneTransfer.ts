import { defineTask } from "@testnet/core"
import { sendLaneTransfer } from "./laneTransfer.js"

/**
 * A transfer built to stay in the payment lane (TIP-1045): a single `transferWithMemo` of a
 * stablecoin, no access list. Checks the classification before sending and the recipient's Transfer event
 * in the receipt. Anvil has no lanes; on a Tempo network payments are not limited by the 30M general-gas cap.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "lane_payment_transfer")
 */
export const lanePaymentTransfer = defineTask({
  name: "lane_payment_transfer",
  weight: 10,
  description: "Sends a payment-lane transfer (one TIP-20 transferWithMemo, no access list).",
  run: (context) => sendLaneTransfer(context, "payment"),
})
