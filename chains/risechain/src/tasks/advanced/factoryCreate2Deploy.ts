import { contractInterfaces, Factory } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { parseEvents } from "@testnet/evm"
import { riseGasLimits } from "../shared/gasLimits.js"

/**
 * Deploys a Counter from the shared `Factory` with CREATE2 and a random salt, and checks it landed
 * at `predictCounter2(salt)`; records it as a "counter".
 *
 * @example
 * risechain.tasks.find((task) => task.name === "factory_create2_deploy")
 */
export const factoryCreate2Deploy = defineTask({
  name: "factory_create2_deploy",
  weight: 1,
  description: "Deploys a Counter from the Factory with CREATE2 at the predicted address.",
  async run(context) {
    const factory = await findOrDeployContract(context, {
      kind: "factory",
      initCode: Factory.bytecode,
      gasLimit: riseGasLimits.deployMedium,
    })
    if (factory.isErr()) return factory
    const salt = context.random.hex(32)
    const predicted = await context.call({
      to: factory.value.address,
      data: contractInterfaces.Factory.encodeFunctionData("predictCounter2", [salt]),
    })
    if (predicted.isErr()) return predicted
    const [expected] = contractInterfaces.Factory.decodeFunctionResult("predictCounter2", predicted.value)
    const done = await sendAndConfirm(context, {
      to: factory.value.address,
      data: contractInterfaces.Factory.encodeFunctionData("deployCounter2", [salt]),
      gasLimit: riseGasLimits.contractCall + riseGasLimits.perFactoryDeploy,
    })
    if (done.isErr()) return done
    const [event] = parseEvents(contractInterfaces.Factory, done.value.receipt, "CounterDeployed")
    const address = String(event?.args?.counter)
    if (address !== String(expected))
      return taskFailure(context, `deployed at ${address}, predicted ${expected}`)
    context.recordContract({
      kind: "counter",
      address,
      transactionHash: done.value.sent.hash,
      metadata: { via: "factory_create2", salt },
    })
    return succeeded([factory.value.deployment, done.value.sent], [`counter at ${address}`])
  },
})
