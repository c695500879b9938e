import { defineTask } from "@testnet/core"
import { passkeyTransfer } from "./passkeyTransfer.js"

/**
 * A TIP-20 transfer from a passkey account (signature type 0x02: a WebAuthn assertion whose
 * challenge is the transaction's signing hash), the account model of Tempo wallets.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "webauthn_transfer")
 */
export const webAuthnTransfer = defineTask({
  name: "webauthn_transfer",
  weight: 2,
  description:
    "Funds a fresh passkey account, which then pays a random recipient in a 0x76 signed with a WebAuthn assertion (type 0x02); checks the recipient's balance.",
  run: (context) => passkeyTransfer(context, "webAuthn"),
})
