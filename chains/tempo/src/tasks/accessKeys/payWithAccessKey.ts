import { defineTask, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import type { TempoKeyType } from "../../transaction/keyAuthorization.js"
import { signTempoKeyAuthorization } from "../../transaction/sign.js"
import { readBalance } from "../shared/reads.js"
import { smallAmount, tempoFeeTokens, tokenLabel } from "../shared/tokens.js"
import { hasKeychainEvent } from "./accessKeyEvents.js"
import { accessKeyRequest, createAccessKey, rootSigner } from "./accessKeyRequest.js"
import { accessKeyGasLimits } from "./gasLimits.js"
import { readRemainingLimit } from "./keyState.js"

const keyTypes: readonly TempoKeyType[] = ["secp256k1", "p256", "webAuthn"]

/** Headroom in the limit for the fee, which is paid in the limited token and counts against it. */
const feeHeadroom = 1_000_000n

/**
 * A payment signed by an access key (keychain signature v2, inner secp256k1/P256/WebAuthn) on
 * behalf of the wallet, with the key authorized in the same transaction (an access key's first
 * use, as wallets do it).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "access_key_payment")
 */
export const accessKeyPayment = defineTask({
  name: "access_key_payment",
  weight: 2,
  description:
    "Pays a random recipient with a fresh access key (random type) signing on the wallet's behalf (keychain signature), the key authorized with a spending limit in the same 0x76; checks the transfer, the AccessKeySpend event and the remaining limit.",
  async run(context) {
    const keyType = context.random.pick(keyTypes)
    const token = context.random.pick(tempoFeeTokens)
    const amount = smallAmount(context.random)
    const limit = amount + feeHeadroom
    const recipient = context.random.address()
    const accessKey = createAccessKey(keyType)
    // A seeded recipient can repeat across executions: check the increase, not the balance.
    const before = await readBalance(context, token, recipient)
    if (before.isErr()) return before
    const keyAuthorization = signTempoKeyAuthorization(
      { chainId: context.chainId, keyType, keyId: accessKey.address, limits: [{ token, limit }] },
      rootSigner(context.wallet),
    )
    const confirmed = await sendAndConfirm(
      context,
      accessKeyRequest(context.wallet, {
        calls: [{ to: token, input: encodeTip20Transfer(recipient, amount) }],
        gasLimit: accessKeyGasLimits.authorizeAndPay,
        feeToken: token,
        keyAuthorization,
        accessKey,
      }),
    )
    if (confirmed.isErr()) return confirmed
    if (!hasKeychainEvent(confirmed.value.receipt.logs, "AccessKeySpend", context.address, accessKey.address))
      return taskFailure(context, `no AccessKeySpend event for access key ${accessKey.address}`)
    const [received, remaining] = await Promise.all([
      readBalance(context, token, recipient),
      readRemainingLimit(context, context.address, accessKey.address, token),
    ])
    if (received.isErr()) return received
    if (remaining.isErr()) return remaining
    if (received.value - before.value !== amount)
      return taskFailure(context, `recipient received ${received.value - before.value}, expected ${amount}`)
    // The transfer and the fee both count against the limit.
    if (remaining.value > limit - amount)
      return taskFailure(
        context,
        `remaining limit ${remaining.value} is above ${limit - amount} after spending ${amount}`,
      )
    return succeeded(
      [confirmed.value.sent],
      [
        `${keyType} access key ${accessKey.address} paid ${amount} ${tokenLabel(token)}; ${remaining.value} of ${limit} left`,
      ],
    )
  },
})
