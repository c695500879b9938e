/**
 * Builds the object a task runs with: its leased wallet, the submission pipeline (`send`,
 * `sendAndWait`), reads (`call`), ABI helpers, fees, seeded randomness, database queries, a logger,
 * its cancellation signal, and recorders for what it creates.
 */
import type { BaseError } from "../errors/base.js"
import { Err, type Result } from "../result.js"
import type { TransactionReceipt } from "./chainTypes.js"
import { toQuantity } from "./chainTypes.js"
import { contractCodec } from "./contractCodec.js"
import type { RunnerFees, RunnerGasManager, RunnerLogger, RunnerRpc, RunnerWallet } from "./ports.js"
import type { RunnerRecorder } from "./recorderPort.js"
import type { SendRequest } from "./sendRequest.js"
import type { SubmittedTransaction, Submitter } from "./submitter.js"

/**
 * A read-only call (`eth_call`).
 *
 * @example
 * const request: RunnerCallRequest = { to: counter, data: "0x06661abd" }
 */
export type RunnerCallRequest = { to: string; data: string; from?: string; value?: bigint; blockTag?: string }

/**
 * The context a task receives (structurally the tasks module's `TaskContext`).
 *
 * @example
 * async run(context) {
 *   const sent = await context.send({ to: context.address, value: 0n, gasLimit: 21_000n })
 * }
 */
export type RunnerTaskContext<Chain = unknown, Random = unknown, Queries = unknown> = {
  readonly chain: Chain
  readonly chainId: number
  readonly taskName: string
  readonly wallet: RunnerWallet
  readonly address: string
  readonly workerId: number
  send(request: SendRequest): Promise<Result<SubmittedTransaction, BaseError>>
  sendAndWait(
    request: SendRequest,
    options?: { timeoutMs?: number },
  ): Promise<Result<TransactionReceipt, BaseError>>
  call(request: RunnerCallRequest): Promise<Result<string, BaseError>>
  readonly contract: typeof contractCodec
  readonly rpc: RunnerRpc
  fees(): Result<RunnerFees, BaseError>
  readonly rng: Random
  readonly random: Random
  readonly database: Queries
  readonly logger: RunnerLogger
  readonly signal: AbortSignal
  recordContract(contract: {
    kind: string
    address: string
    transactionHash?: string
    metadata?: Record<string, unknown>
  }): void
  recordAsset(asset: {
    kind: string
    address: string
    tokenId?: string
    transactionHash?: string
    metadata?: Record<string, unknown>
  }): void
}

/**
 * Creates a task context. `onSent` sees every accepted transaction (the runner holds the lease
 * until they settle).
 *
 * @example
 * const context = createTaskContext({ chain, chainId, taskName: "transfer", workerId: 0, wallet, submitter, rpc, gas, random, database, logger, signal, recorder, onSent })
 */
export function createTaskContext<Chain, Random, Queries>(parameters: {
  chain: Chain
  chainId: number
  taskName: string
  workerId: number
  wallet: RunnerWallet
  submitter: Submitter
  rpc: RunnerRpc
  gas: RunnerGasManager
  random: Random
  database: Queries
  logger: RunnerLogger
  signal: AbortSignal
  recorder: RunnerRecorder
  onSent?(sent: SubmittedTransaction): void
}): RunnerTaskContext<Chain, Random, Queries> {
  const { wallet, submitter, taskName, signal, rpc, recorder } = parameters
  async function send(request: SendRequest) {
    const result = await submitter.send({ wallet, request, taskName, signal })
    if (result.isOk()) parameters.onSent?.(result.value)
    return result
  }
  return {
    chain: parameters.chain,
    chainId: parameters.chainId,
    taskName,
    wallet,
    address: wallet.address,
    workerId: parameters.workerId,
    send,
    async sendAndWait(request, options) {
      const sent = await send(request)
      if (sent.isErr()) return Err(sent.error)
      const deadline =
        options?.timeoutMs === undefined
          ? signal
          : AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs)])
      return sent.value.wait(deadline)
    },
    call(request) {
      return rpc.request<string>(
        "eth_call",
        [
          {
            to: request.to,
            data: request.data,
            ...(request.from === undefined ? {} : { from: request.from }),
            ...(request.value === undefined ? {} : { value: toQuantity(request.value) }),
          },
          request.blockTag ?? "latest",
        ],
        { signal },
      )
    },
    contract: contractCodec,
    rpc,
    fees: () => parameters.gas.currentFees(),
    rng: parameters.random,
    random: parameters.random,
    database: parameters.database,
    logger: parameters.logger,
    signal,
    recordContract(contract) {
      recorder.contract({ ...contract, deployer: wallet.address })
    },
    recordAsset(asset) {
      recorder.asset({ ...asset, creator: wallet.address })
    },
  }
}
