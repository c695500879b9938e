import { contractInterfaces, Reverter } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendExpectingRevert } from "@testnet/core"
import type { ResolvedEvmTaskOptions } from "../options.js"

/**
 * `reverting_call`, a negative test: calls `Reverter.revertWithReason()` (kind "reverter",
 * deployed first when none is recorded) with a fixed gas limit (an estimate would fail). Success
 * means the chain mined it with status 0; a call that goes through is an error.
 *
 * @example
 * const revertingCall = revertingCallTask(resolveEvmTaskOptions())
 */
export function revertingCallTask(options: ResolvedEvmTaskOptions) {
  return defineTask({
    name: "reverting_call",
    weight: options.weights.revertingCall,
    expectedFailure: true,
    description: "Sends a call that always reverts (Reverter) and expects status 0.",
    async run(context) {
      const target = await findOrDeployContract(context, {
        kind: "reverter",
        initCode: Reverter.bytecode,
        gasLimit: options.gasLimits.deploy,
      })
      if (target.isErr()) return target
      return sendExpectingRevert(
        context,
        {
          to: target.value.address,
          data: contractInterfaces.Reverter.encodeFunctionData("revertWithReason"),
          value: 0n,
          gasLimit: options.gasLimits.revertingCall,
        },
        [target.value.deployment],
      )
    },
  })
}
