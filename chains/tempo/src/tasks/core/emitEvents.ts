import { EventEmitter } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { Interface } from "ethers"
import { tempoGasLimits } from "../shared/gasLimits.js"

const emitter = new Interface(EventEmitter.abi)
const pingTopic = emitter.getEvent("Ping")?.topicHash

/**
 * Emits 1–5 `Ping` events from an `EventEmitter` (kind "event_emitter", deployed first when none
 * is recorded) and checks the receipt has exactly that many.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "emit_events")
 */
export const emitEvents = defineTask({
  name: "emit_events",
  weight: 3,
  description: "Emits 1-5 events from an EventEmitter contract and counts them in the receipt.",
  async run(context) {
    const target = await findOrDeployContract(context, {
      kind: "event_emitter",
      initCode: EventEmitter.bytecode,
      gasLimit: tempoGasLimits.deploy,
    })
    if (target.isErr()) return target
    const count = context.random.int(1, 5)
    const done = await sendAndConfirm(context, {
      to: target.value.address,
      data: emitter.encodeFunctionData("emitEvents", [count, context.random.hex(32)]),
      value: 0n,
      gasLimit: tempoGasLimits.contractCall,
    })
    if (done.isErr()) return done
    const emitted = done.value.receipt.logs.filter((log) => log.topics[0] === pingTopic).length
    if (emitted !== count) return taskFailure(context, `${emitted} Ping events, expected ${count}`)
    return succeeded([target.value.deployment, done.value.sent], [`${count} events`])
  },
})
