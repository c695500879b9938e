import { contractInterfaces, EventEmitter } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import type { ResolvedEvmTaskOptions } from "../options.js"
import { parseEvents } from "../parseEvents.js"

/**
 * `emit_events`: emits 1–5 `Ping` events from a shared `EventEmitter` (kind "event_emitter",
 * deployed on first use) and checks the receipt carries exactly that many.
 *
 * @example
 * const emitEvents = emitEventsTask(resolveEvmTaskOptions())
 */
export function emitEventsTask(options: ResolvedEvmTaskOptions) {
  return defineTask({
    name: "emit_events",
    weight: options.weights.emitEvents,
    description: "Emits 1-5 events from an EventEmitter and counts them in the receipt.",
    async run(context) {
      const emitter = await findOrDeployContract(context, {
        kind: "event_emitter",
        initCode: EventEmitter.bytecode,
        gasLimit: options.gasLimits.deploy,
      })
      if (emitter.isErr()) return emitter
      const count = context.random.int(1, 5)
      const done = await sendAndConfirm(context, {
        to: emitter.value.address,
        data: contractInterfaces.EventEmitter.encodeFunctionData("emitEvents", [
          count,
          context.random.hex(32),
        ]),
        value: 0n,
        gasLimit: options.gasLimits.contractCall,
      })
      if (done.isErr()) return done
      const pings = parseEvents(contractInterfaces.EventEmitter, done.value.receipt, "Ping").length
      if (pings !== count) return taskFailure(context, `expected ${count} Ping events, got ${pings}`)
      return succeeded([emitter.value.deployment, done.value.sent], [`${count} events`])
    },
  })
}
