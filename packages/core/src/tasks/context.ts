import type { Signature, TransactionLike } from "ethers"
import type { BaseError } from "../errors/base.js"
import type { Result } from "../result.js"
import type { RpcRequester } from "../rpc/requester.js"
import type { ChainDefinition } from "./defineChain.js"
import type { CreatedAsset, CreatedContract } from "./outcome.js"
import type { Random } from "./random.js"
import type {
  CallRequest,
  SendRequest,
  SentTransaction,
  TransactionFees,
  TransactionReceipt,
} from "./transactionTypes.js"

/**
 * The local signer a task holds while it runs. The private key never leaves it (structurally
 * the same as core's `Wallet`).
 *
 * @example
 * const raw = context.wallet.signTransaction({ type: 2, chainId, nonce: 0, to, gasLimit: 21_000n, maxFeePerGas, maxPriorityFeePerGas })
 */
export type TaskSigner = {
  readonly address: string
  signTransaction(transaction: TransactionLike): string
  signDigest(digest: Uint8Array | string): Signature
}

/**
 * JSON-RPC access (batched by the real client: calls issued in the same tick share one POST).
 *
 * @example
 * const code = await context.rpc.request<string>("eth_getCode", [address, "latest"])
 */
export type TaskRpc = RpcRequester

/**
 * Structured logger (a pino child bound to run, worker, wallet and task).
 *
 * @example
 * context.logger.debug({ transactionHash: sent.hash }, "transfer sent")
 */
export type TaskLogger = {
  debug(object: object, message?: string): void
  info(object: object, message?: string): void
  warn(object: object, message?: string): void
  error(object: object, message?: string): void
}

/**
 * A recorded contract or asset, as read back from the database (this or an earlier run).
 *
 * @example
 * const [counter] = (await context.database.contractsByKind({ kind: "counter", limit: 1 })).unwrap()
 */
export type StoredRecord<T> = T & {
  readonly wallet: string
  readonly createdAt: number
  readonly runId: string
}

/**
 * What tasks may read from the database: earlier deployments to reuse, on this chain id.
 *
 * @example
 * const counters = await context.database.contractsByKind({ kind: "counter", limit: 20 })
 * if (counters.isOk() && counters.value.length > 0) target = context.random.pick(counters.value).address
 */
export type TaskDatabase = {
  contractsByKind(parameters: {
    kind: string
    /** Only what this wallet created (a run answers from its memory of the kind, see runMemoryTaskDatabase). */
    wallet?: string
    limit?: number
  }): Promise<Result<readonly StoredRecord<CreatedContract>[], BaseError>>
  assetsByKind(parameters: {
    kind: string
    /** Only what this wallet created (a run answers from its memory of the kind, see runMemoryTaskDatabase). */
    wallet?: string
    limit?: number
  }): Promise<Result<readonly StoredRecord<CreatedAsset>[], BaseError>>
}

/**
 * The task a context runs: its name (for errors and logs) and its catalog category.
 *
 * @example
 * context.logger.debug({ task: context.task.name, category: context.task.category }, "started")
 */
export type RunningTask = {
  readonly name: string
  readonly category: string
}

/**
 * The newest block the run's block feed processed: number, timestamp (unix seconds, the clock the
 * node judges deadlines by) and producer. Known without an RPC call; about one block behind the
 * node at most.
 *
 * @example
 * const head = context.head()
 * if (head !== undefined) console.log(`block ${head.number} at ${head.timestamp}`)
 */
export type ChainHead = {
  readonly number: bigint
  readonly timestamp: bigint
  /** Absent when the node reports none. */
  readonly miner: string | undefined
}

/**
 * Everything a task may use. Built by the runner for each execution; a task never creates its own
 * RPC client, nonce or fee logic.
 *
 * @example
 * async run(context) {
 *   const sent = await context.send({ to: context.random.address(), value: 0n, gasLimit: 21_000n })
 *   return sent.map((transaction) => createTaskOutcome({ transactions: [transaction] }))
 * }
 */
export type TaskContext = {
  readonly chain: ChainDefinition
  readonly chainId: number
  /** The task being run (the catalog's definition, so its category is set). */
  readonly task: RunningTask
  /** The leased wallet (signer). */
  readonly wallet: TaskSigner
  /** `wallet.address`, checksummed. */
  readonly address: string
  readonly runId: string
  /** Index of the worker slot running this task (for logs). */
  readonly worker: number
  /** Reserve nonce → fees → sign → journal → broadcast. Resolves once the node accepted it. */
  send(request: SendRequest): Promise<Result<SentTransaction, BaseError>>
  /** `send`, then wait for the receipt (from the shared per-block receipt tracker). */
  sendAndWait(
    request: SendRequest,
    options?: { timeoutMs?: number },
  ): Promise<Result<TransactionReceipt, BaseError>>
  /** Wait for a receipt of a transaction this run sent. */
  waitForReceipt(
    hash: string,
    options?: { timeoutMs?: number },
  ): Promise<Result<TransactionReceipt, BaseError>>
  /** `eth_call`; resolves to the returned data (0x…). Reverts are errors. */
  call(request: CallRequest): Promise<Result<string, BaseError>>
  readonly rpc: TaskRpc
  /** Current fees from the per-block cache (no RPC). */
  fees(): Result<TransactionFees, BaseError>
  /** The newest block the run has seen (its block feed, no RPC); undefined before the first one. */
  head(): ChainHead | undefined
  /** Seeded per execution: a run with the same seed makes the same choices. */
  readonly random: Random
  readonly database: TaskDatabase
  readonly logger: TaskLogger
  /** Aborted on task timeout or shutdown: pass it on, and stop early when it fires. */
  readonly signal: AbortSignal
  /** Record a deployed contract (buffered write). */
  recordContract(contract: CreatedContract): void
  /** Record a created asset (buffered write). */
  recordAsset(asset: CreatedAsset): void
}
