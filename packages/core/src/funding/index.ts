// Public exports of the funding folder (named exports only): topping up the worker wallets from
// the funder before and during a run, returning what is left afterwards, and the plan check that
// refuses a run the funder cannot pay for.
export {
  FundingInsufficientBalanceError,
  type FundingInsufficientBalanceErrorType,
  FundingNoFunderError,
  type FundingNoFunderErrorType,
  FundingPlanUnderfundedError,
  type FundingPlanUnderfundedErrorType,
  FundingTransactionFailedError,
  type FundingTransactionFailedErrorType,
} from "../errors/funding.js"
export type { FundingHook, FundingTransfer } from "./fundingHook.js"
export {
  type FundingErrorType,
  type FundingReport,
  type FundingTransferRecord,
  fundingTaskName,
  fundWallets,
  reclaimFunds,
} from "./fundWallets.js"
export { defaultFundingTarget, nativeFundingHook } from "./nativeFundingHook.js"
export { checkPlanFunding, estimatePlanSpend, type PlanSpend } from "./planFunding.js"
