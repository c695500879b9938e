// Public exports of the gas folder (named exports only).
export {
  GasCapBelowBaseFeeError,
  type GasCapBelowBaseFeeErrorType,
  type GasErrorType,
  GasEstimationFailedError,
  type GasEstimationFailedErrorType,
  GasFeeAboveCapError,
  type GasFeeAboveCapErrorType,
  GasFeesUnavailableError,
  type GasFeesUnavailableErrorType,
} from "../errors/gas.js"
export { bumpFees, bumpValue, multiplyCeil } from "./feeMath.js"
export { checkFeePlan } from "./feePlan.js"
export {
  type BaseFeeCeiling,
  type BaseFeeHeadroom,
  defineFeePolicy,
  type FeePolicy,
  type FeePolicyDeclaration,
  policyMaxFeePerGas,
} from "./feePolicy.js"
export type { Eip1559Fees, Fees, GasBlock, LegacyFees } from "./fees.js"
export {
  createGasLimitCache,
  type EstimateGas,
  type GasLimitCache,
  type GasLimitCacheParameters,
} from "./gasLimitCache.js"
export { createGasManager, type GasManager, type GasManagerParameters } from "./gasManager.js"
export { replacementFees } from "./replacementFees.js"
