import { defineTask, type SentTransaction, succeeded, taskFailure } from "@testnet/core"
import { encodeTip20Transfer, tip20Interface, tip20Roles } from "../../contracts/tip20.js"
import { adminGas } from "../policies/calls.js"
import { simulateRevert } from "../policies/simulate.js"
import { findOrCreateOwnedToken } from "../shared/ownedToken.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCalls, sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { missingRoleCalls } from "./roles.js"

const pauseStateTopic = tip20Interface.getEvent("PauseStateUpdate")?.topicHash

/** Whether `logs` hold the token's PauseStateUpdate event with `isPaused` (the state it set). */
function pauseLogged(
  logs: readonly { topics: readonly string[]; data: string }[],
  isPaused: boolean,
): boolean {
  return logs.some(
    (log) =>
      log.topics[0] === pauseStateTopic &&
      log.data.length >= 66 &&
      BigInt(log.data.slice(0, 66)) === (isPaused ? 1n : 0n),
  )
}
const contractPausedSelector = tip20Interface.getError("ContractPaused")?.selector

/**
 * An issuer's emergency stop on its own token: grants itself PAUSE_ROLE and UNPAUSE_ROLE (when
 * missing) and pauses in one batch (right behind the token's creation when this task creates it), checks its PauseStateUpdate log and that a transfer would revert
 * `ContractPaused`, then unpauses (its PauseStateUpdate log; the test reads `paused()`). Only the wallet's own token:
 * pausing a token other wallets use would fail their tasks (the runner gives a wallet to one task
 * at a time, so the wallet's other tasks never see it paused).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip20_pause_unpause")
 */
export const tip20PauseUnpause = defineTask({
  name: "tip20_pause_unpause",
  weight: 1,
  description: "Pauses its own token (a transfer is refused), then unpauses it.",
  async run(context) {
    const owned = await findOrCreateOwnedToken(context)
    if (owned.isErr()) return owned
    const token = owned.value.address
    const roles = await missingRoleCalls(context, token, [tip20Roles.pause, tip20Roles.unpause])
    if (roles.isErr()) return roles
    const pause = tip20Interface.encodeFunctionData("pause")
    const pausing = sendPathUsdCallsPending(
      context,
      [...roles.value, { to: token, input: pause }],
      adminGas(3),
    )
    const mined = await confirmAll([owned.value.creation, pausing] as const)
    if (mined.isErr()) return mined
    const [, pausedReceipt] = mined.value
    const sent: SentTransaction[] = sentOf(mined.value)
    // The refusal of a transfer while paused is what the task shows: that read stays.
    const transfer = await simulateRevert(context, token, encodeTip20Transfer(context.random.address(), 0n))
    if (transfer.isErr()) return transfer
    // Unpause whatever the checks found, so a failed check never leaves the token paused.
    const unpause = tip20Interface.encodeFunctionData("unpause")
    const unpaused = await sendPathUsdCalls(context, [{ to: token, input: unpause }], adminGas(1))
    if (unpaused.isErr()) return unpaused
    sent.push(unpaused.value.sent)
    if (!pauseLogged(pausedReceipt.receipt.logs, true))
      return taskFailure(context, "no PauseStateUpdate(true) log after pause()")
    if (transfer.value !== contractPausedSelector)
      return taskFailure(
        context,
        `a transfer while paused gives ${transfer.value ?? "success"}, not ContractPaused`,
      )
    if (!pauseLogged(unpaused.value.receipt.logs, false))
      return taskFailure(context, "no PauseStateUpdate(false) log after unpause()")
    return succeeded(sent, [`paused and unpaused ${owned.value.symbol}`])
  },
})
