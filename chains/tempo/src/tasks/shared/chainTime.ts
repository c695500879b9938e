import { type BaseError, type ChainHead, Ok, type Result, type TaskContext, taskFailure } from "@testnet/core"
import { ZeroAddress } from "ethers"

/**
 * An expiring nonce's `validBefore` must be more than 3 s after the chain tip's timestamp and at most
 * 30 s after it (tempo `crates/transaction-pool/src/validator.rs`, `AA_VALID_BEFORE_MIN_SECS`; the
 * 30 s bound becomes 300 s from T11, `crates/hardfork/src/lib.rs`).
 *
 * @example
 * expiringNonceWindow.minimumSeconds // 3n: validBefore must be strictly greater than tip + 3
 */
export const expiringNonceWindow = Object.freeze({ minimumSeconds: 3n, maximumSeconds: 30n })

/**
 * The newest block's timestamp and producer: the run's head (its block feed, no RPC) when the
 * context has one, else the node's latest block (one eth_getBlockByNumber).
 *
 * @example
 * const latest = await latestBlock(context)
 * if (latest.isOk()) console.log(`block ${latest.value.number} by ${latest.value.miner}`)
 */
export async function latestBlock(
  context: Pick<TaskContext, "rpc" | "signal" | "task" | "head">,
): Promise<Result<ChainHead, BaseError>> {
  const head = context.head()
  if (head !== undefined) return Ok(head)
  const block = await context.rpc.request<{ number?: string; timestamp?: string; miner?: string } | null>(
    "eth_getBlockByNumber",
    ["latest", false],
    { signal: context.signal },
  )
  if (block.isErr()) return block
  const { number, timestamp, miner } = block.value ?? {}
  if (number === undefined || timestamp === undefined)
    return taskFailure(context, "the node returned no latest block")
  return Ok({ number: BigInt(number), timestamp: BigInt(timestamp), miner })
}

/**
 * The block producer of the newest block (the zero address when the node names none, as on the
 * embedded devnet): whose fee token the next fees are likely swapped into.
 *
 * @example
 * const miner = await latestMiner(context)
 */
export async function latestMiner(
  context: Pick<TaskContext, "rpc" | "signal" | "task" | "head">,
): Promise<Result<string, BaseError>> {
  return (await latestBlock(context)).map((block) => block.miner ?? ZeroAddress)
}

/**
 * The latest block's timestamp in unix seconds: the clock the node judges deadlines by. The local
 * clock can be seconds off the chain's (and a devnet's clock is its own), so on-chain deadlines come
 * from here: the run's head when the context has one, else the node's latest block.
 *
 * @example
 * const now = await readChainTime(context)
 * if (now.isOk()) console.log(`chain time ${now.value}`)
 */
export async function readChainTime(
  context: Pick<TaskContext, "rpc" | "signal" | "task" | "head">,
): Promise<Result<bigint, BaseError>> {
  return (await latestBlock(context)).map((block) => block.timestamp)
}

/**
 * `validBefore` for an expiring nonce, `lifetimeSeconds` after the chain time `chainTime`; a lifetime
 * outside the node's window (see {@link expiringNonceWindow}) is refused, since the node would be.
 *
 * @example
 * const validBefore = expiringValidBefore(context, now.value, 20n) // Ok(now + 20)
 */
export function expiringValidBefore(
  context: Pick<TaskContext, "task">,
  chainTime: bigint,
  lifetimeSeconds: bigint,
): Result<bigint, BaseError> {
  const { minimumSeconds, maximumSeconds } = expiringNonceWindow
  if (lifetimeSeconds <= minimumSeconds || lifetimeSeconds > maximumSeconds)
    return taskFailure(
      context,
      `a lifetime of ${lifetimeSeconds} s is outside the node's window (more than ${minimumSeconds} s, at most ${maximumSeconds} s after the chain tip)`,
    )
  return Ok(chainTime + lifetimeSeconds)
}

/** The chain time read last, per run and chain, with the local time it was read at. Bounded. */
const lastChainTime = new Map<string, { readonly chainSeconds: bigint; readonly localMs: number }>()
const lastChainTimeLimit = 100

/** How long a read chain time is carried forward on the local clock before it is read again. */
const chainTimeReuseMs = 10_000

/**
 * The chain time without a read per task: the run's head when the context has one (the block feed
 * follows it anyway); otherwise the latest block's timestamp read at most every 10 s per run,
 * carried forward by the local clock in between (the two clocks may be offset, they do not run at
 * different speeds). Its error is about a block time, well inside the deadlines it serves (a
 * permit's ten minutes, an expiring nonce's 20 s in a 3–30 s window).
 *
 * @example
 * const now = await estimateChainTime(context)
 * if (now.isOk()) console.log(`chain time ≈ ${now.value}`)
 */
export async function estimateChainTime(
  context: Pick<TaskContext, "rpc" | "signal" | "task" | "runId" | "chainId" | "head">,
): Promise<Result<bigint, BaseError>> {
  const head = context.head()
  if (head !== undefined) return Ok(head.timestamp)
  const key = `${context.runId}:${context.chainId}`
  const last = lastChainTime.get(key)
  const localMs = Date.now()
  if (last !== undefined && localMs - last.localMs < chainTimeReuseMs)
    return Ok(last.chainSeconds + BigInt(Math.floor((localMs - last.localMs) / 1000)))
  const read = await readChainTime(context)
  if (read.isErr()) return read
  if (lastChainTime.size >= lastChainTimeLimit) lastChainTime.clear()
  lastChainTime.set(key, { chainSeconds: read.value, localMs })
  return read
}
