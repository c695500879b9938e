import { Counter } from "@testnet/contracts"
import { defineTask, hasCode, hasCodeInRun, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { concat, getCreate2Address, keccak256 } from "ethers"
import type { ResolvedEvmTaskOptions } from "../options.js"

const counterInitCodeHash = keccak256(Counter.bytecode)

/**
 * `create2_deploy`: deploys a Counter through the CREATE2 deployer with a random salt, checks the
 * code landed at the predicted address, and records it as a "counter". A chain without the
 * deployer fails with a message saying so.
 *
 * @example
 * const create2Deploy = create2DeployTask(resolveEvmTaskOptions())
 */
export function create2DeployTask(options: ResolvedEvmTaskOptions) {
  const deployer = options.create2Deployer
  return defineTask({
    name: "create2_deploy",
    weight: options.weights.create2Deploy,
    description: "Deploys a Counter at a predicted address through the CREATE2 deployer.",
    async run(context) {
      // The deployer is asked about once per run; the deployment itself is read below.
      const present = await hasCodeInRun(context, deployer)
      if (present.isErr()) return present
      if (!present.value)
        return taskFailure(context, `the CREATE2 deployer ${deployer} has no code on this chain`)
      const salt = context.random.hex(32)
      const predicted = getCreate2Address(deployer, salt, counterInitCodeHash)
      const done = await sendAndConfirm(context, {
        to: deployer,
        data: concat([salt, Counter.bytecode]),
        value: 0n,
        gasLimit: options.gasLimits.create2Deploy,
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
      return succeeded([done.value.sent], [`counter at ${predicted} (salt ${salt})`])
    },
  })
}
