import { defineTask, Ok, readValue, succeeded, taskFailure } from "@testnet/core"
import { encodeTip20Mint, tip20Interface, tip20MaximumSupplyCap } from "../../contracts/tip20.js"
import type { TempoCall } from "../../transaction/types.js"
import { adminGas } from "../policies/calls.js"
import { simulateRevert } from "../policies/simulate.js"
import { findOrCreateOwnedToken, issuerRoleCalls } from "../shared/ownedToken.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCalls, sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"

const supplyData = tip20Interface.encodeFunctionData("totalSupply")
const capUpdateTopic = tip20Interface.getEvent("SupplyCapUpdate")?.topicHash

/** Whether `logs` hold SupplyCapUpdate(updater, newSupplyCap indexed) with `cap`. */
function capLogged(logs: readonly { topics: readonly string[] }[], cap: bigint): boolean {
  return logs.some((log) => log.topics[0] === capUpdateTopic && BigInt(log.topics[2] ?? "0x0") === cap)
}
const capExceededSelector = tip20Interface.getError("SupplyCapExceeded")?.selector

/**
 * A supply cap on the wallet's own token: sets the cap a little above the current supply and mints
 * up to it in one batch (right behind the token's creation when this task creates it), checks the SupplyCapUpdate log and that one more unit would revert
 * `SupplyCapExceeded`, then lifts the cap back to the maximum (the wallet's other tasks mint).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip20_supply_cap")
 */
export const tip20SupplyCap = defineTask({
  name: "tip20_supply_cap",
  weight: 1,
  description: "Caps its own token's supply, mints up to the cap (one more is refused), lifts the cap.",
  async run(context) {
    const owned = await findOrCreateOwnedToken(context)
    if (owned.isErr()) return owned
    const token = owned.value.address
    // A token created here has no supply yet (and may not be mined yet): nothing to read.
    const [role, supply] = await Promise.all([
      issuerRoleCalls(context, token),
      owned.value.creation === undefined ? readValue<bigint>(context, token, supplyData, "uint256") : Ok(0n),
    ])
    if (role.isErr()) return role
    if (supply.isErr()) return supply
    const headroom = context.random.bigint(1n, 1_000_000n)
    const cap = supply.value + headroom
    const calls: TempoCall[] = [
      ...role.value,
      { to: token, input: tip20Interface.encodeFunctionData("setSupplyCap", [cap]) },
      { to: token, input: encodeTip20Mint(context.address, headroom) },
    ]
    const capping = sendPathUsdCallsPending(context, calls, adminGas(calls.length))
    const mined = await confirmAll([owned.value.creation, capping] as const)
    if (mined.isErr()) return mined
    const [, cappedReceipt] = mined.value
    // One more unit refused is what the task shows: that simulation stays. The cap itself is in the
    // SupplyCapUpdate log (the test reads supply and cap on chain).
    const oneMore = await simulateRevert(context, token, encodeTip20Mint(context.address, 1n))
    if (oneMore.isErr()) return oneMore
    const lift = tip20Interface.encodeFunctionData("setSupplyCap", [tip20MaximumSupplyCap])
    const lifted = await sendPathUsdCalls(context, [{ to: token, input: lift }], adminGas(1))
    if (lifted.isErr()) return lifted
    if (!capLogged(cappedReceipt.receipt.logs, cap))
      return taskFailure(context, `no SupplyCapUpdate log of the cap ${cap}`)
    if (oneMore.value !== capExceededSelector)
      return taskFailure(
        context,
        `minting past the cap gives ${oneMore.value ?? "success"}, not SupplyCapExceeded`,
      )
    if (!capLogged(lifted.value.receipt.logs, tip20MaximumSupplyCap))
      return taskFailure(context, "no SupplyCapUpdate log lifting the cap to the maximum")
    return succeeded(
      [...sentOf(mined.value), lifted.value.sent],
      [`capped ${owned.value.symbol} at ${cap}, then lifted`],
    )
  },
})
