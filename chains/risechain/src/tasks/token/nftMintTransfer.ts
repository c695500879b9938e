import { contractInterfaces, SimpleNft } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { parseEvents } from "@testnet/evm"
import { concat } from "ethers"
import { riseGasLimits } from "../shared/gasLimits.js"

const nftInitCode = concat([
  SimpleNft.bytecode,
  contractInterfaces.SimpleNft.encodeDeploy(["Rise Punks", "RPNK"]),
])

/**
 * Mints an ERC-721 from a shared `SimpleNft` collection (kind "simple_nft", open mint), records
 * the token as asset kind "nft", then transfers it to a random address and checks `ownerOf`.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "nft_mint_transfer")
 */
export const nftMintTransfer = defineTask({
  name: "nft_mint_transfer",
  weight: 3,
  description: "Mints an ERC-721 and transfers it to a random address.",
  async run(context) {
    const collection = await findOrDeployContract(context, {
      kind: "simple_nft",
      initCode: nftInitCode,
      gasLimit: riseGasLimits.deployLarge,
    })
    if (collection.isErr()) return collection
    const address = collection.value.address
    const minted = await sendAndConfirm(context, {
      to: address,
      data: contractInterfaces.SimpleNft.encodeFunctionData("mint", [context.address]),
      gasLimit: riseGasLimits.contractCall,
    })
    if (minted.isErr()) return minted
    const [transfer] = parseEvents(contractInterfaces.SimpleNft, minted.value.receipt, "Transfer")
    const tokenId = transfer?.args?.tokenId as bigint | undefined
    if (tokenId === undefined) return taskFailure(context, "no Transfer event in the mint receipt")
    context.recordAsset({
      kind: "nft",
      address,
      tokenId: tokenId.toString(),
      transactionHash: minted.value.sent.hash,
    })
    const recipient = context.random.address()
    const moved = await sendAndConfirm(context, {
      to: address,
      data: contractInterfaces.SimpleNft.encodeFunctionData("transferFrom", [
        context.address,
        recipient,
        tokenId,
      ]),
      gasLimit: riseGasLimits.contractCall,
    })
    if (moved.isErr()) return moved
    const owner = await context.call({
      to: address,
      data: contractInterfaces.SimpleNft.encodeFunctionData("ownerOf", [tokenId]),
    })
    if (owner.isErr()) return owner
    const [holder] = contractInterfaces.SimpleNft.decodeFunctionResult("ownerOf", owner.value)
    if (String(holder).toLowerCase() !== recipient.toLowerCase())
      return taskFailure(context, `token ${tokenId} is owned by ${holder}, expected ${recipient}`)
    return succeeded(
      [collection.value.deployment, minted.value.sent, moved.value.sent],
      [`token ${tokenId} of ${address} to ${recipient}`],
    )
  },
})
