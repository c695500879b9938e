import { defineTask, readValue, type SentTransaction, succeeded, taskFailure } from "@testnet/core"
import { encodeTip20Transfer, tip20Interface, tip20Roles } from "../../contracts/tip20.js"
import { adminGas, sendCalls } from "../policies/calls.js"
import { simulateRevert } from "../policies/simulate.js"
import { findOrCreateOwnedToken } from "../shared/ownedToken.js"
import { missingRoleCalls } from "./roles.js"

const pausedData = tip20Interface.encodeFunctionData("paused")
const contractPausedSelector = tip20Interface.getError("ContractPaused")?.selector

/**
 * An issuer's emergency stop on its own token: grants itself PAUSE_ROLE and UNPAUSE_ROLE (when
 * missing) and pauses in one batch, checks `paused()` and that a transfer would revert
 * `ContractPaused`, then unpauses and checks transfers work again. Only the wallet's own token:
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
    const paused = await sendCalls(context, [...roles.value, { to: token, input: pause }], adminGas(3))
    if (paused.isErr()) return paused
    const sent: SentTransaction[] = [paused.value.sent]
    const [state, transfer] = await Promise.all([
      readValue<boolean>(context, token, pausedData, "bool"),
      simulateRevert(context, token, encodeTip20Transfer(context.random.address(), 0n)),
    ])
    if (state.isErr()) return state
    if (transfer.isErr()) return transfer
    // Unpause whatever the checks found, so a failed check never leaves the token paused.
    const unpause = tip20Interface.encodeFunctionData("unpause")
    const unpaused = await sendCalls(context, [{ to: token, input: unpause }], adminGas(1))
    if (unpaused.isErr()) return unpaused
    sent.push(unpaused.value.sent)
    if (!state.value) return taskFailure(context, "paused() is false after pause()")
    if (transfer.value !== contractPausedSelector)
      return taskFailure(
        context,
        `a transfer while paused gives ${transfer.value ?? "success"}, not ContractPaused`,
      )
    const after = await readValue<boolean>(context, token, pausedData, "bool")
    if (after.isErr()) return after
    if (after.value) return taskFailure(context, "paused() is still true after unpause()")
    return succeeded([owned.value.creation, ...sent], [`paused and unpaused ${owned.value.symbol}`])
  },
})
