import { contractInterfaces, Factory } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { parseEvents } from "@testnet/evm"
import { riseGasLimits } from "../shared/gasLimits.js"

/**
 * Deploys one Counter from the shared `Factory` with CREATE (a contract creating a contract) and
 * records it as a "counter".
 *
 * @example
 * risechain.tasks.find((task) => task.name === "factory_deploy")
 */
export const factoryDeploy = defineTask({
  name: "factory_deploy",
  weight: 1,
  description: "Deploys a Counter from the Factory with CREATE.",
  async run(context) {
    const factory = await findOrDeployContract(context, {
      kind: "factory",
      initCode: Factory.bytecode,
      gasLimit: riseGasLimits.deployMedium,
    })
    if (factory.isErr()) return factory
    const done = await sendAndConfirm(context, {
      to: factory.value.address,
      data: contractInterfaces.Factory.encodeFunctionData("deployCounter"),
      gasLimit: riseGasLimits.contractCall + riseGasLimits.perFactoryDeploy,
    })
    if (done.isErr()) return done
    const [event] = parseEvents(contractInterfaces.Factory, done.value.receipt, "CounterDeployed")
    if (event === undefined) return taskFailure(context, "no CounterDeployed event")
    const address = String(event.args?.counter)
    context.recordContract({
      kind: "counter",
      address,
      transactionHash: done.value.sent.hash,
      metadata: { via: "factory" },
    })
    return succeeded([factory.value.deployment, done.value.sent], [`counter at ${address}`])
  },
})
