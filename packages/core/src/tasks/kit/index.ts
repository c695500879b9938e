// Chain-agnostic helpers for writing tasks (re-exported by the tasks barrel).
export { checkCleanRun } from "./checkCleanRun.js"
export {
  type DeployedContract,
  type DeployRequest,
  deployContract,
  findOrDeployContract,
} from "./deployContract.js"
export { hasCode, hasCodeInRun } from "./hasCode.js"
export { readValue } from "./readValue.js"
export { type ConfirmedTransaction, sendAndConfirm } from "./sendAndConfirm.js"
export { sendExpectingRevert } from "./sendExpectingRevert.js"
export { succeeded } from "./succeeded.js"
export { taskFailure } from "./taskFailure.js"
export { type ForeignReceipt, waitForForeignReceipts } from "./waitForForeignReceipts.js"
