import { Counter } from "@testnet/contracts"
import { defineTask, deployContract, succeeded } from "@testnet/core"
import { riseGasLimits } from "../shared/gasLimits.js"

/**
 * Deploys a `Counter` and records it as contract kind "counter" (reused by `increment_counter`
 * in this run and later ones).
 *
 * @example
 * risechain.tasks.find((task) => task.name === "deploy_counter")
 */
export const deployCounter = defineTask({
  name: "deploy_counter",
  weight: 2,
  description: "Deploys a Counter contract and records it (kind counter).",
  async run(context) {
    const deployed = await deployContract(context, {
      kind: "counter",
      initCode: Counter.bytecode,
      gasLimit: riseGasLimits.deploySmall,
    })
    if (deployed.isErr()) return deployed
    return succeeded([deployed.value.deployment], [`counter at ${deployed.value.address}`])
  },
})
