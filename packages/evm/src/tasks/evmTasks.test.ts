import { Counter, contractInterfaces } from "@testnet/contracts"
import { checkCleanRun, startTaskRunner, type TaskRun, type TaskRunner } from "@testnet/core/testing"
import { getCreate2Address, keccak256 } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { create2DeployerAddress } from "../options.js"
import { anvilChain, evmTasks } from "../testing/anvilChain.js"

type Receipt = { status: string; gasUsed: string; effectiveGasPrice: string; logs: unknown[] }

// One plain anvil and one SQLite file for the file; each task runs once through the runner's
// single-task path with a fresh pre-funded wallet, then its effect is read back from the chain.
describe("generic EVM tasks on plain anvil", () => {
  let runner: TaskRunner
  const call = async (to: string, data: string) => runner.rpc<string>("eth_call", [{ to, data }, "latest"])
  const clean = (run: TaskRun, task: string) => {
    expect(checkCleanRun(run, task)).toEqual([])
    return run.result.unwrap()
  }
  beforeAll(async () => {
    runner = await startTaskRunner({ chain: anvilChain, wallets: 10, fundingTarget: 10n ** 19n })
  })
  afterAll(async () => {
    await runner?.stop()
  })

  it("every task is in the catalog with its category and a positive weight", () => {
    expect(anvilChain.tasks.map((task) => task.name)).toEqual([
      "self_transfer",
      "transfer_to_random",
      "deploy_counter",
      "increment_counter",
      "create2_deploy",
      "storage_write",
      "emit_events",
      "reverting_call",
    ])
    for (const task of anvilChain.tasks) expect([task.category, task.weight > 0]).toEqual(["evm", true])
  })

  it("self_transfer spends exactly the fee", async () => {
    const address = runner.walletAddress(0)
    const before = BigInt(await runner.rpc<string>("eth_getBalance", [address, "latest"]))
    const outcome = clean(await runner.run(evmTasks.selfTransfer, { walletIndex: 0 }), "self_transfer")
    const [sent] = outcome.transactions
    const receipt = await runner.rpc<Receipt>("eth_getTransactionReceipt", [sent?.hash])
    const after = BigInt(await runner.rpc<string>("eth_getBalance", [address, "latest"]))
    expect(before - after).toBe(BigInt(receipt.gasUsed) * BigInt(receipt.effectiveGasPrice))
  })

  it("transfer_to_random credits the random recipient with the amount", async () => {
    const outcome = clean(await runner.run(evmTasks.transferToRandom), "transfer_to_random")
    const [amount, , , recipient] = (outcome.notes[0] ?? "").split(" ")
    expect(BigInt(await runner.rpc<string>("eth_getBalance", [recipient, "latest"]))).toBe(
      BigInt(amount ?? -1),
    )
  })

  it("deploy_counter deploys a Counter at 0, then increment_counter raises it to 1", async () => {
    const deployed = clean(await runner.run(evmTasks.deployCounter), "deploy_counter")
    const address = /counter at (0x[0-9a-fA-F]{40})/.exec(deployed.notes[0] ?? "")?.[1] ?? ""
    expect(await runner.rpc<string>("eth_getCode", [address, "latest"])).toBe(Counter.deployedBytecode)
    const number = contractInterfaces.Counter.encodeFunctionData("number")
    expect(BigInt(await call(address, number))).toBe(0n)
    const incremented = clean(await runner.run(evmTasks.incrementCounter), "increment_counter")
    expect(incremented.notes).toEqual([`counter ${address} → 1`])
    expect(BigInt(await call(address, number))).toBe(1n)
  })

  it("create2_deploy puts a Counter at the address the salt predicts", async () => {
    const outcome = clean(await runner.run(evmTasks.create2Deploy), "create2_deploy")
    const [, address, salt] =
      /counter at (0x[0-9a-fA-F]{40}) \(salt (0x[0-9a-f]{64})\)/.exec(outcome.notes[0] ?? "") ?? []
    expect(address).toBe(getCreate2Address(create2DeployerAddress, salt ?? "", keccak256(Counter.bytecode)))
    expect(await runner.rpc<string>("eth_getCode", [address, "latest"])).toBe(Counter.deployedBytecode)
  })

  it("storage_write stores value + i in each slot firstSlot + i it names", async () => {
    const outcome = clean(await runner.run(evmTasks.storageWrite), "storage_write")
    const written = outcome.transactions.at(-1)
    const transaction = await runner.rpc<{ to: string; input: string }>("eth_getTransactionByHash", [
      written?.hash,
    ])
    const [firstSlot, count, value] = contractInterfaces.StorageWriter.decodeFunctionData(
      "write",
      transaction.input,
    )
    expect(outcome.notes).toEqual([`${count} slots from ${firstSlot}`])
    for (let slot = 0n; slot < BigInt(count); slot++) {
      const data = contractInterfaces.StorageWriter.encodeFunctionData("slots", [BigInt(firstSlot) + slot])
      expect(BigInt(await call(transaction.to, data))).toBe(BigInt(value) + slot)
    }
  })

  it("emit_events mines a receipt with as many Ping logs as it says", async () => {
    const outcome = clean(await runner.run(evmTasks.emitEvents), "emit_events")
    const count = Number(/^([1-5]) events$/.exec(outcome.notes[0] ?? "")?.[1])
    const receipt = await runner.rpc<Receipt>("eth_getTransactionReceipt", [
      outcome.transactions.at(-1)?.hash,
    ])
    expect(receipt.logs).toHaveLength(count)
  })

  it("reverting_call succeeds as an expected failure whose call was mined with status 0", async () => {
    const outcome = clean(await runner.run(evmTasks.revertingCall), "reverting_call")
    expect(outcome.expectedFailure).toBe(true)
    const receipt = await runner.rpc<Receipt>("eth_getTransactionReceipt", [
      outcome.transactions.at(-1)?.hash,
    ])
    expect(receipt.status).toBe("0x0")
  })
})
