// Public exports of the tasks folder (named exports only).
export {
  TaskDuplicateNameError,
  type TaskDuplicateNameErrorType,
  type TaskErrorType,
  TaskExpectedFailureDidNotFailError,
  type TaskExpectedFailureDidNotFailErrorType,
  TaskFailedError,
  type TaskFailedErrorType,
  TaskInvalidWeightsError,
  type TaskInvalidWeightsErrorType,
  TaskNotFoundError,
  type TaskNotFoundErrorType,
  TaskTimedOutError,
  type TaskTimedOutErrorType,
} from "../errors/task.js"
export {
  type ChainNetwork,
  type ChainStartDefaults,
  defaultStartDefaults,
  type StartDefaults,
} from "./chainStart.js"
export type {
  ChainHead,
  RunningTask,
  StoredRecord,
  TaskContext,
  TaskDatabase,
  TaskLogger,
  TaskRpc,
  TaskSigner,
} from "./context.js"
export { defineCatalog, type TaskCatalog } from "./defineCatalog.js"
export {
  type ChainCapabilities,
  type ChainDeclaration,
  type ChainDefinition,
  type ChainDevnet,
  defaultGasPerTask,
  defineChain,
  getDevnetOptions,
  type KeyedNonceReader,
} from "./defineChain.js"
export {
  type AnyTaskDefinition,
  defineTask,
  type TaskDeclaration,
  type TaskDefinition,
  type TaskRunResult,
} from "./defineTask.js"
export {
  type ChainFeeCurrency,
  describeFee,
  type FeeInUnits,
  feeBaseUnits,
  feeTokenOf,
  formatUnits,
  nativeFeeCurrency,
} from "./feeCurrency.js"
export {
  type ConfirmedTransaction,
  checkCleanRun,
  type DeployedContract,
  type DeployRequest,
  deployContract,
  type ForeignReceipt,
  findOrDeployContract,
  hasCode,
  hasCodeInRun,
  readValue,
  sendAndConfirm,
  sendExpectingRevert,
  succeeded,
  taskFailure,
  waitForForeignReceipts,
} from "./kit/index.js"
export { type CreatedAsset, type CreatedContract, createTaskOutcome, type TaskOutcome } from "./outcome.js"
export { createRandom, type Random } from "./random.js"
export {
  createTaskRegistry,
  type TaskRegistry,
  type TaskSelection,
  type TaskSelectionOptions,
  type UniformSource,
} from "./registry.js"
export { findTaskNameLiterals, type TaskNameLiteral } from "./taskNameLiterals.js"
export type {
  CallRequest,
  RawSendRequest,
  SendRequest,
  SentTransaction,
  StandardSendRequest,
  TransactionFees,
  TransactionReceipt,
} from "./transactionTypes.js"
