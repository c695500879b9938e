import { contractInterfaces, MultiToken } from "@testnet/contracts"
import { defineTask, findOrDeployContract, succeeded, taskFailure } from "@testnet/core"
import { concat } from "ethers"
import { riseGasLimits } from "../shared/gasLimits.js"

const multiTokenInitCode = concat([
  MultiToken.bytecode,
  contractInterfaces.MultiToken.encodeDeploy(["https://example.invalid/rise/{id}.json"]),
])

/**
 * ERC-1155: `mintBatch` of three random ids to the wallet on a shared `MultiToken` (kind
 * "multi_token"), then `safeBatchTransferFrom` of all of them to a random address (sent back to
 * back), checked with `balanceOfBatch`.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "multi_token_batch_transfer")
 */
export const multiTokenBatchTransfer = defineTask({
  name: "multi_token_batch_transfer",
  weight: 2,
  description: "Mints three ERC-1155 ids in one batch and batch-transfers them to a random address.",
  async run(context) {
    const contract = await findOrDeployContract(context, {
      kind: "multi_token",
      initCode: multiTokenInitCode,
      gasLimit: riseGasLimits.deployLarge,
    })
    if (contract.isErr()) return contract
    const address = contract.value.address
    const ids = [0, 1, 2].map(() => context.random.bigint(1n, 1_000_000n))
    const values = ids.map(() => context.random.bigint(1n, 100n))
    const recipient = context.random.address()
    const mint = await context.send({
      to: address,
      data: contractInterfaces.MultiToken.encodeFunctionData("mintBatch", [
        context.address,
        ids,
        values,
        "0x",
      ]),
      gasLimit: riseGasLimits.storageWrite,
    })
    if (mint.isErr()) return mint
    const transfer = await context.send({
      to: address,
      data: contractInterfaces.MultiToken.encodeFunctionData("safeBatchTransferFrom", [
        context.address,
        recipient,
        ids,
        values,
        "0x",
      ]),
      gasLimit: riseGasLimits.storageWrite,
    })
    if (transfer.isErr()) return transfer
    for (const sent of [mint.value, transfer.value]) {
      const receipt = await context.waitForReceipt(sent.hash)
      if (receipt.isErr()) return receipt
    }
    const balances = await context.call({
      to: address,
      data: contractInterfaces.MultiToken.encodeFunctionData("balanceOfBatch", [
        ids.map(() => recipient),
        ids,
      ]),
    })
    if (balances.isErr()) return balances
    const [held] = contractInterfaces.MultiToken.decodeFunctionResult("balanceOfBatch", balances.value)
    const heldValues = [...(held as bigint[])]
    // Ids may repeat (random draw): compare the sums per id.
    const expected = new Map<bigint, bigint>()
    for (const [index, id] of ids.entries())
      expected.set(id, (expected.get(id) ?? 0n) + (values[index] ?? 0n))
    const mismatch = ids.findIndex((id, index) => heldValues[index] !== expected.get(id))
    if (mismatch !== -1)
      return taskFailure(context, `recipient balance of id ${ids[mismatch]} is ${heldValues[mismatch]}`)
    context.recordAsset({
      kind: "multi_token",
      address,
      tokenId: ids.join(","),
      transactionHash: mint.value.hash,
    })
    return succeeded(
      [contract.value.deployment, mint.value, transfer.value],
      [`ids ${ids.join(",")} to ${recipient}`],
    )
  },
})
