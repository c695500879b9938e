// Public exports of the Tempo system-contract helpers (pure: addresses, ABIs, calldata encoders).
export {
  type AccessKeyInfo,
  accountKeychainAbi,
  accountKeychainAddress,
  accountKeychainInterface,
  decodeAccessKeyInfo,
  decodeAllowedCalls,
  encodeGetAllowedCalls,
  encodeGetKey,
  encodeGetRemainingLimit,
  encodeRevokeKey,
} from "./accountKeychain.js"
export { tempoAddresses, tempoStablecoins, tip20Decimals } from "./addresses.js"
export { encodeGetUserToken, encodeSetUserToken, feeManagerAbi, feeManagerInterface } from "./feeManager.js"
export { encodeGetNonce, nonceAbi, nonceInterface } from "./nonce.js"
export {
  dexMinimumOrderAmount,
  encodeDexCancel,
  encodeDexCreatePair,
  encodeDexPlace,
  encodeDexSwapExactAmountIn,
  encodeDexSwapExactAmountOut,
  encodeDexWithdraw,
  stablecoinDexAbi,
  stablecoinDexInterface,
} from "./stablecoinDex.js"
export {
  encodeTip20Approve,
  encodeTip20BalanceOf,
  encodeTip20Burn,
  encodeTip20GrantRole,
  encodeTip20Mint,
  encodeTip20Transfer,
  encodeTransferWithMemo,
  tip20Abi,
  tip20Interface,
  tip20IssuerRole,
} from "./tip20.js"
export {
  type CreateTokenParameters,
  encodeCreateToken,
  encodeGetTokenAddress,
  tip20FactoryAbi,
  tip20FactoryInterface,
} from "./tip20Factory.js"
export {
  encodeCreatePolicy,
  encodeModifyPolicyWhitelist,
  tip403PolicyType,
  tip403RegistryAbi,
  tip403RegistryInterface,
} from "./tip403Registry.js"
