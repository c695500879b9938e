import { Counter, contractInterfaces } from "@testnet/contracts"
import {
  defineTask,
  findOrDeployContract,
  hasCode,
  sendAndConfirm,
  succeeded,
  taskFailure,
} from "@testnet/core"
import { parseEvents } from "@testnet/evm"
import { riseAddresses } from "../../contracts/addresses.js"
import { multicall3Interface } from "../../contracts/multicall3.js"
import { riseGasLimits } from "../shared/gasLimits.js"
import { findOrDeployMultiSend, randomRecipients } from "../shared/multiSend.js"

/**
 * Batches 2–4 `Counter.increment()` calls into one transaction with Multicall3 `aggregate3`
 * (0xcA11bde05977b3631167028862bE2a173976CA11) and checks one `Incremented` event per call.
 * Plain anvil has no Multicall3 (and the repository carries no Multicall3 bytecode to deploy), so
 * where it is absent the batch goes through the shared `MultiSend` instead (ETH to 3 random
 * addresses in one transaction), and the note says so.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "multicall_aggregate")
 */
export const multicallAggregate = defineTask({
  name: "multicall_aggregate",
  weight: 2,
  description:
    "Batches 2–4 counter increments with Multicall3 aggregate3 (MultiSend where Multicall3 is absent).",
  async run(context) {
    const present = await hasCode(context, riseAddresses.multicall3)
    if (present.isErr()) return present
    if (!present.value) {
      const multiSend = await findOrDeployMultiSend(context)
      if (multiSend.isErr()) return multiSend
      const { recipients, amounts, total } = randomRecipients(context, 3, 1_000_000n)
      const done = await sendAndConfirm(context, {
        to: multiSend.value.address,
        data: contractInterfaces.MultiSend.encodeFunctionData("multiSendNative", [recipients, amounts]),
        value: total,
        gasLimit: riseGasLimits.contractCall + riseGasLimits.perRecipient * 3n,
      })
      if (done.isErr()) return done
      return succeeded(
        [multiSend.value.deployment, done.value.sent],
        ["Multicall3 absent: batched 3 transfers through MultiSend"],
      )
    }
    const counter = await findOrDeployContract(context, {
      kind: "counter",
      initCode: Counter.bytecode,
      gasLimit: riseGasLimits.deploySmall,
    })
    if (counter.isErr()) return counter
    const count = context.random.int(2, 4)
    const callData = contractInterfaces.Counter.encodeFunctionData("increment")
    const calls = Array.from({ length: count }, () => ({
      target: counter.value.address,
      allowFailure: false,
      callData,
    }))
    const done = await sendAndConfirm(context, {
      to: riseAddresses.multicall3,
      data: multicall3Interface.encodeFunctionData("aggregate3", [calls]),
      gasLimit: riseGasLimits.contractCall * BigInt(count),
    })
    if (done.isErr()) return done
    const increments = parseEvents(contractInterfaces.Counter, done.value.receipt, "Incremented").length
    if (increments !== count)
      return taskFailure(context, `expected ${count} Incremented events, got ${increments}`)
    return succeeded(
      [counter.value.deployment, done.value.sent],
      [`aggregate3 of ${count} increments on ${counter.value.address}`],
    )
  },
})
