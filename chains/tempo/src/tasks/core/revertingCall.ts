import { Reverter } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendExpectingRevert } from "@testnet/core"
import { Interface } from "ethers"
import { tempoGasLimits } from "../shared/gasLimits.js"

const reverter = new Interface(Reverter.abi)

/**
 * A negative test: calls `Reverter.revertWithReason()` with a fixed gas limit (an estimate would
 * fail). Success means the chain mined it with status 0; the outcome is marked `expectedFailure`.
 * A transaction that succeeds is an error.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "reverting_call")?.expectedFailure // true
 */
export const revertingCall = defineTask({
  name: "reverting_call",
  weight: 1,
  expectedFailure: true,
  description: "Sends a call that always reverts (Reverter) and expects status 0.",
  async run(context) {
    const target = await findOrDeployContract(context, {
      kind: "reverter",
      initCode: Reverter.bytecode,
      gasLimit: tempoGasLimits.deploy,
    })
    if (target.isErr()) return target
    return sendExpectingRevert(
      context,
      {
        to: target.value.address,
        data: reverter.encodeFunctionData("revertWithReason"),
        gasLimit: tempoGasLimits.revertingCall,
      },
      [target.value.deployment],
    )
  },
})
