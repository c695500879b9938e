/** @testnet/risechain — the RISE chain definition, task catalog and RISE contract addresses. */

export { risechain, riseDevnet } from "./chain.js"
export { multicall3Interface, riseAddresses } from "./contracts/index.js"
export {
  accessListTransaction,
  calldataHeavy,
  deployAndDestruct,
  eip1559Transaction,
  eip7702Delegation,
  factoryCreate2Deploy,
  factoryDeploy,
  legacyTransaction,
  syncSend,
} from "./tasks/advanced/index.js"
export {
  factoryBatchDeploy,
  multicallAggregate,
  multiSendNative,
  multiSendToken,
} from "./tasks/batch/index.js"
export { riseCatalog, riseTaskCategories } from "./tasks/catalog.js"
export {
  burnGas,
  checkBalance,
  create2Deploy,
  deployCounter,
  emitEvents,
  faucetClaim,
  incrementCounter,
  revertingCall,
  selfTransfer,
  storageWrite,
  transferToRandom,
} from "./tasks/core/index.js"
export {
  approveTransferFrom,
  burnMemeToken,
  createMemeToken,
  mintMemeToken,
  multiTokenBatchTransfer,
  nftMintTransfer,
  transferMemeToken,
} from "./tasks/token/index.js"
