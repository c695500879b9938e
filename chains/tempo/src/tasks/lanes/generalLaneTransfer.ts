import { defineTask } from "@testnet/core"
import { sendLaneTransfer } from "./laneTransfer.js"

/**
 * The same transfer as `lane_payment_transfer` but carrying an access list (the token, no storage
 * keys), which demotes it to the general lane (TIP-1045: any non-empty access list is general).
 * On a Tempo network general transactions share at most 30M gas per block (TIP-1010), so under load
 * they wait where payments do not; anvil has no lanes and mines it at once, so the task checks the
 * classification and the delivery, and the lane rule itself is simulated in the lanes test.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "lane_general_transfer")
 */
export const laneGeneralTransfer = defineTask({
  name: "lane_general_transfer",
  weight: 2,
  description: "Sends a transfer with an access list: general lane on Tempo (anvil builds no lanes).",
  run: (context) => sendLaneTransfer(context, "general"),
})
