import { Counter } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { Interface } from "ethers"
import { tempoGasLimits } from "../shared/gasLimits.js"

const counter = new Interface(Counter.abi)
const incrementedTopic = counter.getEvent("Incremented")?.topicHash

/**
 * Calls `increment()` on a Counter deployed earlier (found through the database: this run or
 * earlier runs; deploys one first when there is none) and checks the `Incremented` event.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "increment_counter")
 */
export const incrementCounter = defineTask({
  name: "increment_counter",
  weight: 6,
  description: "Increments a Counter recorded earlier (deploys one first if there is none).",
  async run(context) {
    const target = await findOrDeployContract(context, {
      kind: "counter",
      initCode: Counter.bytecode,
      gasLimit: tempoGasLimits.deploy,
    })
    if (target.isErr()) return target
    const { address, deployment } = target.value
    const done = await sendAndConfirm(context, {
      to: address,
      data: counter.encodeFunctionData("increment"),
      value: 0n,
      gasLimit: tempoGasLimits.contractCall,
    })
    if (done.isErr()) return done
    const event = done.value.receipt.logs.find(
      (log) => log.address.toLowerCase() === address.toLowerCase() && log.topics[0] === incrementedTopic,
    )
    if (event === undefined) return taskFailure(context, "no Incremented event")
    return succeeded([deployment, done.value.sent], [`counter ${address} → ${BigInt(event.data)}`])
  },
})
