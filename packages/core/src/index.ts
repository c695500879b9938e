/**
 * @testnet/core — the chain author's surface: define a chain and its tasks, the task kit, the
 * types a task touches, Result and the errors a task returns, and `runCli`.
 *
 * Everything else lives behind a subpath (`@testnet/core/runner`, `/database`, `/rpc`, `/cli`,
 * `/report`, `/config`, `/wallet`, `/devnet`, `/tasks`, `/testing`; see src/entries/). This list
 * is explicit on purpose: a new name here is an API decision, pinned by `entries.test.ts` (≤ 80).
 */

export { type RunCliOptions, runCli } from "./cli/index.js"
export { BaseError, type BaseErrorParameters } from "./errors/base.js"
export type { FundingHook, FundingTransfer } from "./funding/index.js"
export type { Eip1559Fees, FeePolicyDeclaration } from "./gas/index.js"
export type { FetchPendingNonce } from "./nonce/index.js"
export { AsyncResult, Err, Ok, Result } from "./result.js"
export {
  type AnyTaskDefinition,
  type CallRequest,
  type ChainCapabilities,
  type ChainDeclaration,
  type ChainDefinition,
  type ChainDevnet,
  type ChainFeeCurrency,
  type ChainHead,
  type ChainNetwork,
  type ChainStartDefaults,
  type ConfirmedTransaction,
  type CreatedAsset,
  type CreatedContract,
  createTaskOutcome,
  type DeployedContract,
  type DeployRequest,
  defineCatalog,
  defineChain,
  defineTask,
  deployContract,
  type ForeignReceipt,
  findOrDeployContract,
  hasCode,
  hasCodeInRun,
  type KeyedNonceReader,
  type Random,
  type RawSendRequest,
  type RunningTask,
  readValue,
  type SendRequest,
  type SentTransaction,
  type StandardSendRequest,
  sendAndConfirm,
  sendExpectingRevert,
  succeeded,
  type TaskCatalog,
  type TaskContext,
  type TaskDatabase,
  type TaskDeclaration,
  type TaskDefinition,
  type TaskErrorType,
  TaskExpectedFailureDidNotFailError,
  type TaskExpectedFailureDidNotFailErrorType,
  TaskFailedError,
  type TaskFailedErrorType,
  type TaskLogger,
  type TaskOutcome,
  type TaskRpc,
  type TaskRunResult,
  type TaskSigner,
  TaskTimedOutError,
  type TaskTimedOutErrorType,
  type TransactionFees,
  type TransactionReceipt,
  taskFailure,
  waitForForeignReceipts,
} from "./tasks/index.js"
export { createWallet, type Wallet } from "./wallet/index.js"
