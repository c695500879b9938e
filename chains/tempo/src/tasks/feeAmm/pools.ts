import {
  type BaseError,
  Ok,
  type Result,
  readValue,
  sendAndConfirm,
  type TaskContext,
  type TransactionReceipt,
} from "@testnet/core"
import { type LogDescription, ZeroAddress } from "ethers"
import { tempoAddresses } from "../../contracts/addresses.js"
import { feeManagerInterface } from "../../contracts/feeManager.js"
import type { TempoCall } from "../../transaction/types.js"
import { latestMiner } from "../shared/chainTime.js"
import { tempoRequest } from "../shared/tempoRequest.js"
import { tempoFeeTokens } from "../shared/tokens.js"

const feeManager = tempoAddresses.feeManager

/**
 * Gas limit of one FeeAMM call (mint into a pool the wallet never held: ~0.8M under TIP-1000).
 *
 * @example
 * await sendFeeAmmCall(context, pool, call)
 */
export const feeAmmGas = 1_500_000n

/**
 * One FeeAMM pool: fees paid in `userToken` are swapped into `validatorToken` for the block
 * producer. Liquidity providers deposit the validator token; arbitrageurs rebalance with it.
 *
 * @example
 * const { userToken, validatorToken, poolId } = pool.value
 */
export type FeeAmmPool = {
  readonly userToken: string
  readonly validatorToken: string
  readonly poolId: string
}

/**
 * The token the current block producer takes its fees in (`validatorTokens(miner)`, read once per
 * run and producer; pathUSD when unset, as on the embedded devnet, whose blocks have no miner). The
 * producer is the run's head's (no RPC).
 *
 * @example
 * const validator = await readValidatorToken(context)
 */
export async function readValidatorToken(context: TaskContext): Promise<Result<string, BaseError>> {
  const latest = await latestMiner(context)
  if (latest.isErr()) return latest
  const miner = latest.value
  const cacheKey = `${context.runId}:${context.chainId}:validator:${miner.toLowerCase()}`
  const cached = runConstants.get(cacheKey)
  if (cached !== undefined) return Ok(cached)
  const token = await readValue<string>(
    context,
    feeManager,
    feeManagerInterface.encodeFunctionData("validatorTokens", [miner]),
    "address",
  )
  if (token.isErr()) return token
  const chosen = token.value === ZeroAddress ? tempoAddresses.pathUsd : token.value
  rememberConstant(cacheKey, chosen)
  return Ok(chosen)
}

/**
 * Answers that do not change within a run, by run, chain and question: a pool's id (a pure function
 * of its two tokens) and a validator's fee token (set by the validator, never by a task). Bounded.
 */
const runConstants = new Map<string, string>()
const runConstantsLimit = 10_000

function rememberConstant(key: string, value: string): void {
  if (runConstants.size >= runConstantsLimit) runConstants.clear()
  runConstants.set(key, value)
}

/**
 * A pool between a random funded fee token (not the validator's) and the validator's token: the
 * pools that real fee traffic in other stablecoins runs through.
 *
 * @example
 * const pool = await pickFeeAmmPool(context)
 * if (pool.isErr()) return pool
 */
export async function pickFeeAmmPool(context: TaskContext): Promise<Result<FeeAmmPool, BaseError>> {
  const validatorToken = await readValidatorToken(context)
  if (validatorToken.isErr()) return validatorToken
  const others = tempoFeeTokens.filter((token) => token.toLowerCase() !== validatorToken.value.toLowerCase())
  const userToken = context.random.pick(others)
  const cacheKey =
    `${context.runId}:${context.chainId}:pool:${userToken}:${validatorToken.value}`.toLowerCase()
  const cached = runConstants.get(cacheKey)
  if (cached !== undefined) return Ok({ userToken, validatorToken: validatorToken.value, poolId: cached })
  const poolId = await readValue<string>(
    context,
    feeManager,
    feeManagerInterface.encodeFunctionData("getPoolId", [userToken, validatorToken.value]),
    "bytes32",
  )
  if (poolId.isErr()) return poolId
  rememberConstant(cacheKey, poolId.value)
  return Ok({ userToken, validatorToken: validatorToken.value, poolId: poolId.value })
}

/**
 * The wallet's liquidity (LP units) in `pool`.
 *
 * @example
 * const held = await readLiquidity(context, pool)
 */
export function readLiquidity(context: TaskContext, pool: FeeAmmPool): Promise<Result<bigint, BaseError>> {
  return readValue<bigint>(
    context,
    feeManager,
    feeManagerInterface.encodeFunctionData("liquidityBalances", [pool.poolId, context.address]),
    "uint256",
  )
}

/**
 * The pool's reserves.
 *
 * @example
 * const { reserveUserToken } = (await readReserves(context, pool)).unwrap()
 */
export async function readReserves(
  context: TaskContext,
  pool: FeeAmmPool,
): Promise<Result<{ reserveUserToken: bigint; reserveValidatorToken: bigint }, BaseError>> {
  const returned = await context.call({
    to: feeManager,
    data: feeManagerInterface.encodeFunctionData("getPool", [pool.userToken, pool.validatorToken]),
  })
  if (returned.isErr()) return returned
  const [reserves] = feeManagerInterface.decodeFunctionResult("getPool", returned.value)
  const { reserveUserToken, reserveValidatorToken } = reserves as {
    reserveUserToken: bigint
    reserveValidatorToken: bigint
  }
  return Ok({ reserveUserToken, reserveValidatorToken })
}

/**
 * Sends one FeeManager call as a Tempo transaction whose fee is paid in the validator's token (so
 * the fee itself does not swap through the pool the call changes) and waits for it.
 *
 * @example
 * const done = await sendFeeAmmCall(context, pool, feeManagerInterface.encodeFunctionData("burn", [...]))
 */
export function sendFeeAmmCall(context: TaskContext, pool: FeeAmmPool, input: string) {
  const calls: TempoCall[] = [{ to: feeManager, input }]
  return sendAndConfirm(
    context,
    tempoRequest(context.wallet, { calls, gasLimit: feeAmmGas, feeToken: pool.validatorToken }),
  )
}

/**
 * The FeeManager's log `eventName` in `receipt`, decoded.
 *
 * @example
 * const minted = feeAmmLog(done.value.receipt, "Mint")?.args.liquidity
 */
export function feeAmmLog(receipt: TransactionReceipt, eventName: string): LogDescription | undefined {
  const topic = feeManagerInterface.getEvent(eventName)?.topicHash
  const log = receipt.logs.find(
    (entry) => entry.address.toLowerCase() === feeManager.toLowerCase() && entry.topics[0] === topic,
  )
  return log === undefined
    ? undefined
    : (feeManagerInterface.parseLog({ topics: [...log.topics], data: log.data }) ?? undefined)
}

/**
 * Deposits `amount` of the validator token into `pool` for the wallet (`mint(userToken,
 * validatorToken, amount, wallet)`; the FeeManager pulls the deposit itself, no approval) and
 * returns the LP units the Mint log reports (undefined without a Mint of `amount` to the wallet).
 *
 * @example
 * const minted = await mintLiquidity(context, pool, 50_000n)
 */
export async function mintLiquidity(context: TaskContext, pool: FeeAmmPool, amount: bigint) {
  const input = feeManagerInterface.encodeFunctionData("mint", [
    pool.userToken,
    pool.validatorToken,
    amount,
    context.address,
  ])
  const done = await sendFeeAmmCall(context, pool, input)
  if (done.isErr()) return done
  const minted = feeAmmLog(done.value.receipt, "Mint")?.args
  // Only a Mint of this deposit to this wallet counts.
  const credited =
    minted !== undefined &&
    String(minted.to).toLowerCase() === context.address.toLowerCase() &&
    minted.amountValidatorToken === amount
  const liquidity = credited ? (minted.liquidity as bigint) : undefined
  return Ok({ sent: done.value.sent, liquidity })
}
