import type { AnyTaskDefinition } from "@testnet/core"
import { accessListTransaction } from "./accessListTransaction.js"
import { calldataHeavy } from "./calldataHeavy.js"
import { deployAndDestruct } from "./deployAndDestruct.js"
import { eip1559Transaction } from "./eip1559Transaction.js"
import { eip7702Delegation } from "./eip7702Delegation.js"
import { factoryCreate2Deploy } from "./factoryCreate2Deploy.js"
import { factoryDeploy } from "./factoryDeploy.js"
import { legacyTransaction } from "./legacyTransaction.js"
import { syncSend } from "./syncSend.js"

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
}

/**
 * The advanced tasks: transaction types (legacy, access list, EIP-1559, EIP-7702), contract
 * creation from contracts, self-destruct, heavy calldata and the synchronous send.
 *
 * @example
 * advancedTasks.map((task) => task.name)
 */
export const advancedTasks: readonly AnyTaskDefinition[] = [
  eip7702Delegation,
  factoryDeploy,
  factoryCreate2Deploy,
  deployAndDestruct,
  calldataHeavy,
  accessListTransaction,
  legacyTransaction,
  eip1559Transaction,
  syncSend,
]
