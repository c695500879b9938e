import { BaseError } from "./base.js"

/**
 * A run stopped before its plan was complete (signal, `runner.stop()`, fatal error).
 *
 * @example
 * const error = new RunnerAbortedError({ reason: "SIGINT" })
 * error.code // "RUNNER_ABORTED"
 */
export class RunnerAbortedError extends BaseError {
  override name = "RunnerAbortedError"
  readonly reason: string
  constructor(parameters: { reason: string; cause?: unknown }) {
    super(`The run was aborted: ${parameters.reason}.`, {
      code: "RUNNER_ABORTED",
      cause: parameters.cause,
      metaMessages: ["Everything journaled before the abort stays in the database."],
    })
    this.reason = parameters.reason
  }
}
/** {@link RunnerAbortedError} narrowed by name. @example const error: RunnerAbortedErrorType = new RunnerAbortedError({ reason: "SIGINT" }) */
export type RunnerAbortedErrorType = RunnerAbortedError & { name: "RunnerAbortedError" }

/**
 * A transaction was broadcast but no receipt appeared before the deadline (the chain dropped it
 * silently, or it is stuck behind a nonce gap).
 *
 * @example
 * new RunnerReceiptDeadlineError({ hash: "0xabc", nonce: 4n, address: "0x…", waitedMs: 60_000, waitedBlocks: 30 })
 */
export class RunnerReceiptDeadlineError extends BaseError {
  override name = "RunnerReceiptDeadlineError"
  readonly hash: string
  constructor(parameters: {
    hash: string
    address: string
    nonce: bigint
    waitedMs: number
    waitedBlocks: number
  }) {
    super(`No receipt for transaction ${parameters.hash} before the deadline; it is treated as dropped.`, {
      code: "RUNNER_RECEIPT_DEADLINE",
      details: `sender ${parameters.address}, nonce ${parameters.nonce}, waited ${parameters.waitedMs} ms / ${parameters.waitedBlocks} blocks`,
      metaMessages: [
        "Some chains drop transactions silently (unpaid fee, nonce gap, gas below intrinsic).",
        "The nonce lane was resynchronised from the chain.",
      ],
    })
    this.hash = parameters.hash
  }
}
/** {@link RunnerReceiptDeadlineError} narrowed by name. @example let error: RunnerReceiptDeadlineErrorType */
export type RunnerReceiptDeadlineErrorType = RunnerReceiptDeadlineError & {
  name: "RunnerReceiptDeadlineError"
}

/**
 * A task threw instead of returning a Result — a bug in the task, recorded and counted, never fatal to the run.
 *
 * @example
 * new RunnerTaskCrashedError({ task: "deploy", cause: new TypeError("x is undefined") })
 */
export class RunnerTaskCrashedError extends BaseError {
  override name = "RunnerTaskCrashedError"
  constructor(parameters: { task: string; cause: unknown }) {
    super(`Task "${parameters.task}" threw instead of returning a Result.`, {
      code: "RUNNER_TASK_CRASHED",
      cause: parameters.cause,
      details: parameters.cause instanceof Error ? parameters.cause.message : String(parameters.cause),
    })
  }
}
/** {@link RunnerTaskCrashedError} narrowed by name. @example let error: RunnerTaskCrashedErrorType */
export type RunnerTaskCrashedErrorType = RunnerTaskCrashedError & { name: "RunnerTaskCrashedError" }

/**
 * The run plan is unusable: no task left after the filter, an unknown task name, a zero rate…
 *
 * @example
 * new RunnerInvalidPlanError({ reason: "no task left after the filter", available: ["transfer", "deploy"] })
 */
export class RunnerInvalidPlanError extends BaseError {
  override name = "RunnerInvalidPlanError"
  constructor(parameters: { reason: string; available?: readonly string[] }) {
    super(`The run plan is invalid: ${parameters.reason}.`, {
      code: "RUNNER_INVALID_PLAN",
      metaMessages:
        parameters.available === undefined ? [] : [`Available tasks: ${parameters.available.join(", ")}.`],
    })
  }
}
/** {@link RunnerInvalidPlanError} narrowed by name. @example let error: RunnerInvalidPlanErrorType */
export type RunnerInvalidPlanErrorType = RunnerInvalidPlanError & { name: "RunnerInvalidPlanError" }

/**
 * A transaction could not be built or signed locally (missing fees, signer failure, builder threw).
 *
 * @example
 * new RunnerSigningError({ address: "0x…", nonce: 3n, cause })
 */
export class RunnerSigningError extends BaseError {
  override name = "RunnerSigningError"
  constructor(parameters: { address: string; nonce: bigint; cause: unknown }) {
    super(`Could not sign the transaction of ${parameters.address} with nonce ${parameters.nonce}.`, {
      code: "RUNNER_SIGNING_FAILED",
      cause: parameters.cause,
      details: parameters.cause instanceof Error ? parameters.cause.message : String(parameters.cause),
    })
  }
}
/** {@link RunnerSigningError} narrowed by name. @example let error: RunnerSigningErrorType */
export type RunnerSigningErrorType = RunnerSigningError & { name: "RunnerSigningError" }

/**
 * A transaction was mined but reverted (receipt status 0) where the task waited for success.
 *
 * @example
 * new RunnerTransactionRevertedError({ hash: "0xabc", blockNumber: 12n })
 */
export class RunnerTransactionRevertedError extends BaseError {
  override name = "RunnerTransactionRevertedError"
  readonly hash: string
  constructor(parameters: { hash: string; blockNumber: bigint }) {
    super(`Transaction ${parameters.hash} reverted in block ${parameters.blockNumber}.`, {
      code: "RUNNER_TRANSACTION_REVERTED",
    })
    this.hash = parameters.hash
  }
}
/** {@link RunnerTransactionRevertedError} narrowed by name. @example let error: RunnerTransactionRevertedErrorType */
export type RunnerTransactionRevertedErrorType = RunnerTransactionRevertedError & {
  name: "RunnerTransactionRevertedError"
}

/**
 * `waitForReceipt` was asked about a hash this run did not send (or settled too long ago).
 *
 * @example
 * new RunnerUnknownTransactionError({ hash: "0xabc" })
 */
export class RunnerUnknownTransactionError extends BaseError {
  override name = "RunnerUnknownTransactionError"
  constructor(parameters: { hash: string }) {
    super(`Transaction ${parameters.hash} is not tracked by this run.`, {
      code: "RUNNER_UNKNOWN_TRANSACTION",
      metaMessages: [
        "Only transactions sent by this run (the last 10 000 settled, or still pending) can be awaited.",
      ],
    })
  }
}
/** {@link RunnerUnknownTransactionError} narrowed by name. @example let error: RunnerUnknownTransactionErrorType */
export type RunnerUnknownTransactionErrorType = RunnerUnknownTransactionError & {
  name: "RunnerUnknownTransactionError"
}

/**
 * The RPC serves another chain than the configuration expects (bad input: wrong URL or wrong --chain-id).
 *
 * @example
 * new RunnerChainIdMismatchError({ endpoint: "http://127.0.0.1:8545", served: 31337, expected: 42431 })
 */
export class RunnerChainIdMismatchError extends BaseError {
  override name = "RunnerChainIdMismatchError"
  readonly served: number
  readonly expected: number
  constructor(parameters: { endpoint: string; served: number; expected: number }) {
    super(`The RPC serves chain id ${parameters.served}, the configuration expects ${parameters.expected}.`, {
      code: "RUNNER_CHAIN_ID_MISMATCH",
      metaMessages: [
        `The RPC at ${parameters.endpoint} serves chain id ${parameters.served}; pass --chain-id ${parameters.served} or point --rpc-url at the right network.`,
      ],
    })
    this.served = parameters.served
    this.expected = parameters.expected
  }
}
/** {@link RunnerChainIdMismatchError} narrowed by name. @example let error: RunnerChainIdMismatchErrorType */
export type RunnerChainIdMismatchErrorType = RunnerChainIdMismatchError & {
  name: "RunnerChainIdMismatchError"
}

/**
 * More wallets were asked for (`--wallets`, wallets.count) than the configured sources hold.
 *
 * @example
 * new RunnerTooManyWalletsError({ requested: 1_000_000, available: 50 })
 */
export class RunnerTooManyWalletsError extends BaseError {
  override name = "RunnerTooManyWalletsError"
  constructor(parameters: { requested: number; available: number }) {
    super(
      `${parameters.requested} wallets were asked for, but the configured wallet sources hold ${parameters.available}.`,
      {
        code: "RUNNER_TOO_MANY_WALLETS",
        metaMessages: [
          `Pass --wallets ${parameters.available} or less (wallets.count), or add wallets to [[wallets.sources]].`,
        ],
      },
    )
  }
}
/** {@link RunnerTooManyWalletsError} narrowed by name. @example let error: RunnerTooManyWalletsErrorType */
export type RunnerTooManyWalletsErrorType = RunnerTooManyWalletsError & { name: "RunnerTooManyWalletsError" }

/**
 * No endpoint answered for longer than `rpc.max_outage_seconds`: the run stopped (exit 1).
 *
 * @example
 * new RunnerRpcOutageError({ endpoints: ["http://127.0.0.1:8545"], silentSeconds: 61, maxOutageSeconds: 60 })
 */
export class RunnerRpcOutageError extends BaseError {
  override name = "RunnerRpcOutageError"
  readonly endpoints: readonly string[]
  constructor(parameters: {
    endpoints: readonly string[]
    silentSeconds: number
    maxOutageSeconds: number
    /** What the run was doing ("setup", "the load"). */
    during?: string
    cause?: unknown
  }) {
    const during = parameters.during === undefined ? "" : ` during ${parameters.during}`
    super(
      `No RPC endpoint answered for ${parameters.silentSeconds} s${during}: ${parameters.endpoints.join(", ")}.`,
      {
        code: "RUNNER_RPC_OUTAGE",
        cause: parameters.cause,
        metaMessages: [
          `The run stops after ${parameters.maxOutageSeconds} s without an answer (rpc.max_outage_seconds, --max-outage, TESTNET_RPC_MAX_OUTAGE_SECONDS).`,
          "Check that the node is up and reachable, or add endpoints with --rpc-url.",
        ],
      },
    )
    this.endpoints = parameters.endpoints
  }
}
/** {@link RunnerRpcOutageError} narrowed by name. @example let error: RunnerRpcOutageErrorType */
export type RunnerRpcOutageErrorType = RunnerRpcOutageError & { name: "RunnerRpcOutageError" }
