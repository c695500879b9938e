import { contractInterfaces, SelfDestructor } from "@testnet/contracts"
import { defineTask, hasCode, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { concat } from "ethers"
import { riseGasLimits } from "../shared/gasLimits.js"

const destroyOnDeploy = concat([
  SelfDestructor.bytecode,
  contractInterfaces.SelfDestructor.encodeDeploy([true]),
])

/**
 * Deploys a `SelfDestructor` with a little ETH that destroys itself in its constructor (the only
 * SELFDESTRUCT that still removes code since EIP-6780), and checks no code is left at the address.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "deploy_and_destruct")
 */
export const deployAndDestruct = defineTask({
  name: "deploy_and_destruct",
  weight: 1,
  description: "Deploys a contract that self-destructs in the same transaction (EIP-6780).",
  async run(context) {
    const done = await sendAndConfirm(context, {
      to: null,
      data: destroyOnDeploy,
      value: 1_000n,
      gasLimit: riseGasLimits.deploySmall,
    })
    if (done.isErr()) return done
    const address = done.value.receipt.contractAddress
    if (address === null) return taskFailure(context, "the receipt has no contract address")
    const code = await hasCode(context, address)
    if (code.isErr()) return code
    if (code.value) return taskFailure(context, `code is still present at ${address}`)
    return succeeded([done.value.sent], [`${address} created and destroyed`])
  },
})
