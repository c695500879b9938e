import { Counter } from "@testnet/contracts"
import { defineTask, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { concat, getCreate2Address, keccak256 } from "ethers"
import { tempoAddresses } from "../../contracts/addresses.js"
import { tempoGasLimits } from "../shared/gasLimits.js"

const initCodeHash = keccak256(Counter.bytecode)

/**
 * Deploys a Counter through the deterministic CREATE2 deployer (0x4e59…956C) with a random salt,
 * checks code exists at the predicted address and records it as kind "counter".
 *
 * @example
 * tempo.tasks.find((task) => task.name === "create2_deploy")
 */
export const create2Deploy = defineTask({
  name: "create2_deploy",
  weight: 1,
  description: "Deploys a Counter via the CREATE2 deployer at a predicted address.",
  async run(context) {
    const salt = context.random.hex(32)
    const predicted = getCreate2Address(tempoAddresses.create2Deployer, salt, initCodeHash)
    const done = await sendAndConfirm(context, {
      to: tempoAddresses.create2Deployer,
      data: concat([salt, Counter.bytecode]),
      value: 0n,
      gasLimit: tempoGasLimits.create2Deploy,
    })
    if (done.isErr()) return done
    const code = await context.rpc.request<string>("eth_getCode", [predicted, "latest"])
    if (code.isErr()) return code
    if (code.value === "0x") return taskFailure(context, `no code at the predicted address ${predicted}`)
    context.recordContract({
      kind: "counter",
      address: predicted,
      transactionHash: done.value.sent.hash,
      metadata: { deployer: "create2", salt },
    })
    return succeeded([done.value.sent], [`counter at ${predicted} (salt ${salt})`])
  },
})
