// The "signatures" category: transactions signed with Tempo's non-secp256k1 signature types.
import type { AnyTaskDefinition } from "@testnet/core"
import { p256Transfer } from "./p256Transfer.js"
import { webAuthnTransfer } from "./webAuthnTransfer.js"

export { p256Transfer, webAuthnTransfer }

/**
 * The signature tasks, in catalog order; both run on the embedded devnet (anvil 1.7.1, T4).
 *
 * @example
 * signaturesTasks.map((task) => task.name)
 */
export const signaturesTasks: readonly AnyTaskDefinition[] = [p256Transfer, webAuthnTransfer]
