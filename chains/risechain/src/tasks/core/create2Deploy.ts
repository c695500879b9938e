import { Counter } from "@testnet/contracts"
import { defineTask, hasCode, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { concat, getCreate2Address, keccak256 } from "ethers"
import { riseAddresses } from "../../contracts/addresses.js"
import { riseGasLimits } from "../shared/gasLimits.js"

const counterInitCodeHash = keccak256(Counter.bytecode)

/**
 * Deploys a Counter with CREATE2 through the deterministic deployer
 * (0x4e59b44847b379578588920ca78fbf26c0b4956c, present on anvil and most chains) with a random
 * salt, checks the code landed at the predicted address, and records it as a "counter".
 *
 * @example
 * risechain.tasks.find((task) => task.name === "create2_deploy")
 */
export const create2Deploy = defineTask({
  name: "create2_deploy",
  weight: 2,
  description: "Deploys a Counter at a predicted address through the CREATE2 deployer.",
  async run(context) {
    const present = await hasCode(context, riseAddresses.create2Deployer)
    if (present.isErr()) return present
    if (!present.value) return taskFailure(context, "the CREATE2 deployer has no code on this chain")
    const salt = context.random.hex(32)
    const predicted = getCreate2Address(riseAddresses.create2Deployer, salt, counterInitCodeHash)
    const done = await sendAndConfirm(context, {
      to: riseAddresses.create2Deployer,
      data: concat([salt, Counter.bytecode]),
      gasLimit: riseGasLimits.deploySmall,
    })
    if (done.isErr()) return done
    const landed = await hasCode(context, predicted)
    if (landed.isErr()) return landed
    if (!landed.value) return taskFailure(context, `no code at the predicted address ${predicted}`)
    context.recordContract({
      kind: "counter",
      address: predicted,
      transactionHash: done.value.sent.hash,
      metadata: { salt, via: "create2_deployer" },
    })
    return succeeded([done.value.sent], [`counter at ${predicted}`])
  },
})
