import { contractInterfaces, MemeToken } from "@testnet/contracts"
import {
  type BaseError,
  Ok,
  type Result,
  type SentTransaction,
  type TaskContext,
  taskFailure,
} from "@testnet/core"
import { concat } from "ethers"
import { riseGasLimits } from "./gasLimits.js"

/**
 * Asset kind under which meme tokens are recorded.
 *
 * @example
 * const tokens = await context.database.assetsByKind({ kind: memeTokenKind })
 */
export const memeTokenKind = "meme_token"

/**
 * Initial supply of a created meme token: one billion tokens of 18 decimals.
 *
 * @example
 * expect(balance).toBe(memeTokenSupply)
 */
export const memeTokenSupply = 10n ** 27n

/**
 * A meme token this wallet holds: its address, its balance, and the creation transaction when it
 * was created just now.
 *
 * @example
 * const { address, balance } = owned.value
 */
export type OwnedMemeToken = {
  readonly address: string
  readonly balance: bigint
  readonly creation: SentTransaction | undefined
}

/**
 * Deploys a `MemeToken` with a random name (the whole supply minted to the wallet), waits for it
 * and records it as asset kind "meme_token".
 *
 * @example
 * const created = await createMemeToken(context)
 */
export async function createMemeToken(context: TaskContext): Promise<Result<OwnedMemeToken, BaseError>> {
  const suffix = context.random.hex(3).slice(2).toUpperCase()
  const name = `Rise Meme ${suffix}`
  const symbol = `RM${suffix}`
  const sent = await context.send({
    to: null,
    data: concat([
      MemeToken.bytecode,
      contractInterfaces.MemeToken.encodeDeploy([name, symbol, memeTokenSupply]),
    ]),
    gasLimit: riseGasLimits.deployMedium,
  })
  if (sent.isErr()) return sent
  const receipt = await context.waitForReceipt(sent.value.hash)
  if (receipt.isErr()) return receipt
  const address = receipt.value.contractAddress
  if (address === null) return taskFailure(context, "the token deploy receipt has no contract address")
  context.recordAsset({
    kind: memeTokenKind,
    address,
    transactionHash: sent.value.hash,
    metadata: { name, symbol, decimals: 18, supply: memeTokenSupply.toString() },
  })
  return Ok({ address, balance: memeTokenSupply, creation: sent.value })
}

/**
 * The wallet's balance of `token` (`balanceOf` through `eth_call`).
 *
 * @example
 * const balance = await readTokenBalance(context, token, context.address)
 */
export async function readTokenBalance(
  context: TaskContext,
  token: string,
  holder: string,
): Promise<Result<bigint, BaseError>> {
  const returned = await context.call({
    to: token,
    data: contractInterfaces.MemeToken.encodeFunctionData("balanceOf", [holder]),
  })
  return returned.map((data) => BigInt(data === "0x" ? 0 : data))
}

/**
 * A meme token this wallet created (this run or an earlier one) and still holds at least
 * `minimum` of; otherwise a new one is created now.
 *
 * @example
 * const owned = await findOrCreateMemeToken(context, 1n)
 * if (owned.isErr()) return owned
 */
export async function findOrCreateMemeToken(
  context: TaskContext,
  minimum: bigint,
): Promise<Result<OwnedMemeToken, BaseError>> {
  const known = await context.database.assetsByKind({ kind: memeTokenKind, limit: 500 })
  if (known.isErr()) return known
  const mine = known.value.filter((asset) => asset.wallet.toLowerCase() === context.address.toLowerCase())
  if (mine.length > 0) {
    const candidate = context.random.pick(mine)
    const balance = await readTokenBalance(context, candidate.address, context.address)
    // A record whose contract is gone (devnet restarted) reads as 0x: create a new one.
    if (balance.isOk() && balance.value >= minimum)
      return Ok({ address: candidate.address, balance: balance.value, creation: undefined })
  }
  return createMemeToken(context)
}
