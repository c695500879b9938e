import { Counter } from "@testnet/contracts"
import { defineTask, deployContract, succeeded } from "@testnet/core"
import type { ResolvedEvmTaskOptions } from "../options.js"

/**
 * `deploy_counter`: deploys a `Counter` with a plain CREATE and records it as contract kind
 * "counter" (reused by `increment_counter`, here and in later runs).
 *
 * @example
 * const deployCounter = deployCounterTask(resolveEvmTaskOptions())
 */
export function deployCounterTask(options: ResolvedEvmTaskOptions) {
  return defineTask({
    name: "deploy_counter",
    weight: options.weights.deployCounter,
    description: "Deploys a Counter contract and records it (kind counter).",
    async run(context) {
      const deployed = await deployContract(context, {
        kind: "counter",
        initCode: Counter.bytecode,
        gasLimit: options.gasLimits.deploy,
      })
      if (deployed.isErr()) return deployed
      return succeeded([deployed.value.deployment], [`counter at ${deployed.value.address}`])
    },
  })
}
