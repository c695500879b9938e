import { contractInterfaces, Factory } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { parseEvents } from "@testnet/evm"
import { riseGasLimits } from "../shared/gasLimits.js"

/**
 * Deploys 2–5 Counters in one transaction through the shared `Factory` (`deployCounters`) and
 * records each as a "counter".
 *
 * @example
 * risechain.tasks.find((task) => task.name === "factory_batch_deploy")
 */
export const factoryBatchDeploy = defineTask({
  name: "factory_batch_deploy",
  weight: 1,
  description: "Deploys 2–5 Counters in one Factory transaction and records them.",
  async run(context) {
    const factory = await findOrDeployContract(context, {
      kind: "factory",
      initCode: Factory.bytecode,
      gasLimit: riseGasLimits.deployMedium,
    })
    if (factory.isErr()) return factory
    const count = context.random.int(2, 5)
    const done = await sendAndConfirm(context, {
      to: factory.value.address,
      data: contractInterfaces.Factory.encodeFunctionData("deployCounters", [count]),
      gasLimit: riseGasLimits.contractCall + riseGasLimits.perFactoryDeploy * BigInt(count),
    })
    if (done.isErr()) return done
    const deployed = parseEvents(contractInterfaces.Factory, done.value.receipt, "CounterDeployed")
    if (deployed.length !== count)
      return taskFailure(context, `expected ${count} CounterDeployed events, got ${deployed.length}`)
    for (const event of deployed)
      context.recordContract({
        kind: "counter",
        address: String(event.args?.counter),
        transactionHash: done.value.sent.hash,
        metadata: { via: "factory_batch" },
      })
    return succeeded(
      [factory.value.deployment, done.value.sent],
      [`${count} counters from ${factory.value.address}`],
    )
  },
})
