/** @testnet/tempo — the Tempo chain definition, task catalog and Tempo-specific helpers. */

export {
  createTempoChain,
  tempo,
  tempoDevnet,
  tempoFeePolicy,
  tempoMaxInFlightPerSender,
  tempoServiceWallets,
} from "./chain.js"

export {
  type CreateTokenParameters,
  dexMinimumOrderAmount,
  encodeCreatePolicy,
  encodeCreateToken,
  encodeDexCancel,
  encodeDexCreatePair,
  encodeDexPlace,
  encodeDexSwapExactAmountIn,
  encodeDexSwapExactAmountOut,
  encodeDexWithdraw,
  encodeGetNonce,
  encodeGetTokenAddress,
  encodeGetUserToken,
  encodeModifyPolicyWhitelist,
  encodeSetUserToken,
  encodeTip20Approve,
  encodeTip20BalanceOf,
  encodeTip20Burn,
  encodeTip20GrantRole,
  encodeTip20Mint,
  encodeTip20Transfer,
  encodeTransferWithMemo,
  feeManagerAbi,
  feeManagerInterface,
  nonceAbi,
  nonceInterface,
  stablecoinDexAbi,
  stablecoinDexInterface,
  tempoAddresses,
  tempoStablecoins,
  tip20Abi,
  tip20Decimals,
  tip20FactoryAbi,
  tip20FactoryInterface,
  tip20Interface,
  tip20IssuerRole,
  tip403PolicyType,
  tip403RegistryAbi,
  tip403RegistryInterface,
} from "./contracts/index.js"
export {
  TempoEmptyValidityWindowError,
  type TempoEmptyValidityWindowErrorType,
  TempoFeeOutOfRangeError,
  type TempoFeeOutOfRangeErrorType,
  TempoTransactionDecodeError,
  type TempoTransactionDecodeErrorType,
} from "./errors/transaction.js"
export { readTokenBalances } from "./funding/balances.js"
export { fundFromFaucet } from "./funding/faucet.js"
export {
  createLazySponsor,
  createTempoSponsor,
  deriveTempoSponsorKey,
  type LazySponsor,
  type TempoSponsor,
  tempoSponsor,
  tempoSponsorDomain,
} from "./funding/sponsor.js"
export {
  createTip20FundingHook,
  type Tip20FundingOptions,
  tip20ReclaimGasLimit,
} from "./funding/tip20Funding.js"
export {
  getTempoNetwork,
  type TempoNetwork,
  type TempoNetworkName,
  tempoChainNetworks,
  tempoNetworkNames,
  tempoNetworks,
  tempoStartDefaultsByTarget,
} from "./networks/index.js"
export { batchApproveSwap, batchMultiSend, batchTasks, batchTip20Transfers } from "./tasks/batch/index.js"
export { tempoCatalog, tempoTaskCategories } from "./tasks/catalog.js"
export {
  checkFeeTokenBalances,
  coreTasks,
  create2Deploy,
  deployCounter,
  emitEvents,
  incrementCounter,
  revertingCall,
  storageWrite,
  tip20ApproveTransferFrom,
  tip20TransferRandom,
  tip20TransferSelf,
  tip20TransferWithMemo,
} from "./tasks/core/index.js"
export {
  dexCancelOrder,
  dexCreatePair,
  dexPlaceFlipOrder,
  dexPlaceOrders,
  dexSwapExactIn,
  dexSwapExactOut,
  dexTasks,
  dexWithdraw,
} from "./tasks/dex/index.js"
export { faucetFundAddress, faucetTasks } from "./tasks/faucet/index.js"
export { feesTasks, payFeeInToken, setUserFeeToken, sponsoredTransaction } from "./tasks/fees/index.js"
export {
  createTempoKeyedNonceFetcher,
  expiringNonce,
  type KeyedRequestParameters,
  keyedTempoRequest,
  noncesTasks,
  parallelNonceKeys,
} from "./tasks/nonces/index.js"
export { batchCallGas, tempoGasLimits } from "./tasks/shared/gasLimits.js"
export { type TempoRequestParameters, tempoRequest } from "./tasks/shared/tempoRequest.js"
export { tempoFeeTokens } from "./tasks/shared/tokens.js"
export {
  tip20Burn,
  tip20CreateToken,
  tip20GrantIssuerAndMint,
  tip20MintWithMemo,
  tip20TransferCreatedToken,
  tip403PolicyWhitelist,
  tokenTasks,
} from "./tasks/token/index.js"
export {
  type DecodedTempoTransaction,
  decodeTempoTransaction,
  encodeSenderSignature,
  expiringNonceKey,
  feePayerSignatureMagicByte,
  recoverTempoSenderAddress,
  type SignDigest,
  serializeTempoTransaction,
  signTempoFeePayer,
  signTempoTransaction,
  sponsorTempoTransaction,
  type TempoAccessListEntry,
  type TempoCall,
  type TempoSignature,
  type TempoTransactionFields,
  tempoFeePayerSigningHash,
  tempoSenderSigningHash,
  tempoTransactionHash,
  tempoTransactionType,
  toTempoSignature,
  validateTempoFields,
} from "./transaction/index.js"
