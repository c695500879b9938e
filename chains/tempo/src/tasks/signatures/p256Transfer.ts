import { defineTask } from "@testnet/core"
import { passkeyTransfer } from "./passkeyTransfer.js"

/**
 * A TIP-20 transfer from an account whose key is P256 (signature type 0x01, prehashed as
 * WebCrypto signs), e.g. a hardware-backed key.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "p256_transfer")
 */
export const p256Transfer = defineTask({
  name: "p256_transfer",
  weight: 1,
  description:
    "Funds a fresh P256 account, which then pays a random recipient in a 0x76 signed with P256 (type 0x01); checks the recipient's balance.",
  run: (context) => passkeyTransfer(context, "p256"),
})
