import type { AnyTaskDefinition } from "@testnet/core"
import { approveTransferFrom } from "./approveTransferFrom.js"
import { burnMemeToken } from "./burnMemeToken.js"
import { createMemeToken } from "./createMemeToken.js"
import { mintMemeToken } from "./mintMemeToken.js"
import { multiTokenBatchTransfer } from "./multiTokenBatchTransfer.js"
import { nftMintTransfer } from "./nftMintTransfer.js"
import { transferMemeToken } from "./transferMemeToken.js"

export {
  approveTransferFrom,
  burnMemeToken,
  createMemeToken,
  mintMemeToken,
  multiTokenBatchTransfer,
  nftMintTransfer,
  transferMemeToken,
}

/**
 * The token tasks: meme ERC-20s (create, send, approve + transferFrom, mint, burn), ERC-721 and ERC-1155.
 *
 * @example
 * tokenTasks.map((task) => task.name)
 */
export const tokenTasks: readonly AnyTaskDefinition[] = [
  createMemeToken,
  transferMemeToken,
  approveTransferFrom,
  mintMemeToken,
  burnMemeToken,
  nftMintTransfer,
  multiTokenBatchTransfer,
]
