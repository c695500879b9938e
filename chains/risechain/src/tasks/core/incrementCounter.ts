import { Counter } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { riseGasLimits } from "../shared/gasLimits.js"
import { contractInterfaces, parseEvents } from "../shared/interfaces.js"

/**
 * Increments a Counter recorded in the database by any wallet (this run or an earlier one), or
 * deploys one first when none exists. The new value is read from the `Incremented` event (other
 * workers may increment the same counter concurrently, so a before/after read would race).
 *
 * @example
 * risechain.tasks.find((task) => task.name === "increment_counter")
 */
export const incrementCounter = defineTask({
  name: "increment_counter",
  weight: 8,
  description: "Increments a Counter deployed earlier (found through the database).",
  async run(context) {
    const counter = await findOrDeployContract(context, {
      kind: "counter",
      initCode: Counter.bytecode,
      gasLimit: riseGasLimits.deploySmall,
    })
    if (counter.isErr()) return counter
    const done = await sendAndConfirm(context, {
      to: counter.value.address,
      data: contractInterfaces.counter.encodeFunctionData("increment"),
      gasLimit: riseGasLimits.contractCall,
    })
    if (done.isErr()) return done
    const [event] = parseEvents(contractInterfaces.counter, done.value.receipt, "Incremented")
    if (event === undefined) return taskFailure(context, "no Incremented event in the receipt")
    return succeeded(
      [counter.value.deployment, done.value.sent],
      [`counter ${counter.value.address} → ${event.args?.newNumber}`],
    )
  },
})
