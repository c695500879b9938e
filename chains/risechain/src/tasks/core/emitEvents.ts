import { EventEmitter } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { riseGasLimits } from "../shared/gasLimits.js"
import { contractInterfaces, parseEvents } from "../shared/interfaces.js"

/**
 * Emits 1–5 `Ping` events from a shared `EventEmitter` (kind "event_emitter") and checks the
 * receipt carries exactly that many.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "emit_events")
 */
export const emitEvents = defineTask({
  name: "emit_events",
  weight: 4,
  description: "Emits 1–5 events from an EventEmitter and counts them in the receipt.",
  async run(context) {
    const emitter = await findOrDeployContract(context, {
      kind: "event_emitter",
      initCode: EventEmitter.bytecode,
      gasLimit: riseGasLimits.deploySmall,
    })
    if (emitter.isErr()) return emitter
    const count = context.random.int(1, 5)
    const done = await sendAndConfirm(context, {
      to: emitter.value.address,
      data: contractInterfaces.eventEmitter.encodeFunctionData("emitEvents", [count, context.random.hex(32)]),
      gasLimit: riseGasLimits.contractCall,
    })
    if (done.isErr()) return done
    const pings = parseEvents(contractInterfaces.eventEmitter, done.value.receipt, "Ping").length
    if (pings !== count) return taskFailure(context, `expected ${count} Ping events, got ${pings}`)
    return succeeded([emitter.value.deployment, done.value.sent], [`${count} events`])
  },
})
