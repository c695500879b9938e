import { Counter, contractInterfaces } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { highestGasPrice } from "@testnet/evm"
import { ZeroHash } from "ethers"
import { riseGasLimits } from "../shared/gasLimits.js"
import { signedRequest, transactionType } from "../shared/rawTransaction.js"

/**
 * Sends an EIP-2930 (type 1) transaction that increments a recorded Counter with an access list
 * pre-warming the counter's address and its storage slot 0, and checks the chain recorded type 1.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "access_list_transaction")
 */
export const accessListTransaction = defineTask({
  name: "access_list_transaction",
  weight: 2,
  description: "Increments a Counter with an EIP-2930 (type 1) access-list transaction.",
  async run(context) {
    const counter = await findOrDeployContract(context, {
      kind: "counter",
      initCode: Counter.bytecode,
      gasLimit: riseGasLimits.deploySmall,
    })
    if (counter.isErr()) return counter
    const to = counter.value.address
    const done = await sendAndConfirm(
      context,
      signedRequest(context, to, (fees) => ({
        type: 1,
        to,
        data: contractInterfaces.Counter.encodeFunctionData("increment"),
        gasLimit: riseGasLimits.contractCall,
        gasPrice: highestGasPrice(fees),
        accessList: [{ address: to, storageKeys: [ZeroHash] }],
      })),
    )
    if (done.isErr()) return done
    const type = await transactionType(context, done.value.sent.hash)
    if (type.isErr()) return type
    if (type.value !== 1) return taskFailure(context, `included as type ${type.value}`)
    return succeeded([counter.value.deployment, done.value.sent], [`type 1 increment of ${to}`])
  },
})
