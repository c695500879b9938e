import { Counter, contractInterfaces } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import type { ResolvedEvmTaskOptions } from "../options.js"
import { parseEvents } from "../parseEvents.js"

/**
 * `increment_counter`: increments a Counter recorded by any wallet (this run or an earlier one),
 * deploying one first when none exists. The new value comes from the `Incremented` event (other
 * workers may increment the same counter concurrently, so a before/after read would race).
 *
 * @example
 * const incrementCounter = incrementCounterTask(resolveEvmTaskOptions())
 */
export function incrementCounterTask(options: ResolvedEvmTaskOptions) {
  return defineTask({
    name: "increment_counter",
    weight: options.weights.incrementCounter,
    description: "Increments a Counter recorded earlier (deploys one first if there is none).",
    async run(context) {
      const counter = await findOrDeployContract(context, {
        kind: "counter",
        initCode: Counter.bytecode,
        gasLimit: options.gasLimits.deploy,
      })
      if (counter.isErr()) return counter
      const done = await sendAndConfirm(context, {
        to: counter.value.address,
        data: contractInterfaces.Counter.encodeFunctionData("increment"),
        value: 0n,
        gasLimit: options.gasLimits.contractCall,
      })
      if (done.isErr()) return done
      const [event] = parseEvents(contractInterfaces.Counter, done.value.receipt, "Incremented")
      if (event === undefined) return taskFailure(context, "no Incremented event in the receipt")
      return succeeded(
        [counter.value.deployment, done.value.sent],
        [`counter ${counter.value.address} → ${event.args.newNumber}`],
      )
    },
  })
}
