import {
  defineTask,
  sendAndConfirm,
  succeeded,
  type TaskContext,
  type TransactionFees,
  taskFailure,
} from "@testnet/core"
import { dynamicFees } from "@testnet/evm"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import type { TempoKeyType } from "../../transaction/keyAuthorization.js"
import { signTempoKeyAuthorization } from "../../transaction/sign.js"
import { smallAmount, tempoFeeTokens, tokenLabel } from "../shared/tokens.js"
import { hasTip20Transfer } from "../shared/transferLogs.js"
import { hasKeychainEvent } from "./accessKeyEvents.js"
import { accessKeyRequest, createAccessKey, rootSigner } from "./accessKeyRequest.js"
import { type ActiveAccessKey, findActiveAccessKey, rememberActiveAccessKey } from "./activeAccessKeys.js"
import { accessKeyGasLimits } from "./gasLimits.js"

const keyTypes: readonly TempoKeyType[] = ["secp256k1", "p256", "webAuthn"]

/** What a fresh key may spend (5 of a token): the payments and their fees, which count against it. */
const freshLimit = 5_000_000n

/**
 * The wallet's active key when what it has left covers `needed`, or undefined when it needs a fresh
 * one. What it has left is the run's own lower bound (the limit less every payment and its
 * worst-case fee), not a read: only this task spends with the key.
 */
function usableKey(context: TaskContext, needed: bigint): ActiveAccessKey | undefined {
  const active = findActiveAccessKey(context.runId, context.address)
  // The node drops (never mines) a payment whose amount and worst-case fee do not fit in the limit.
  return active?.remaining !== undefined && active.remaining >= needed ? active : undefined
}

/** The worst-case fee (token units, 6 decimals) of an access-key payment of `gasLimit`. */
function worstFeeOf(gasLimit: bigint, fees: TransactionFees): bigint {
  return (gasLimit * dynamicFees(fees).maxFeePerGas) / 10n ** 12n + 1n
}

/**
 * A payment signed by an access key (keychain signature v2, inner secp256k1/P256/WebAuthn) on
 * behalf of the wallet. The wallet's first payment in a run authorizes a fresh key in the same
 * transaction (as a passkey wallet's first use does); later ones reuse it until its limit runs low.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "access_key_payment")
 */
export const accessKeyPayment = defineTask({
  name: "access_key_payment",
  weight: 6,
  description:
    "Pays a random recipient with an access key signing on the wallet's behalf (keychain signature; random key type); the wallet's first payment authorizes the key in the same 0x76, later ones reuse it. Checks the transfer, the AccessKeySpend event and the remaining limit.",
  async run(context) {
    const amount = smallAmount(context.random)
    const recipient = context.random.address()
    const fees = context.fees()
    if (fees.isErr()) return fees
    const usable = usableKey(context, amount + worstFeeOf(accessKeyGasLimits.pay, fees.value))
    const gasLimit = usable === undefined ? accessKeyGasLimits.authorizeAndPay : accessKeyGasLimits.pay
    const active: ActiveAccessKey = usable ?? {
      accessKey: createAccessKey(context.random.pick(keyTypes)),
      token: context.random.pick(tempoFeeTokens),
      limit: freshLimit,
    }
    const { accessKey, token } = active
    const remainingBefore = usable?.remaining ?? active.limit
    const keyAuthorization =
      usable === undefined
        ? signTempoKeyAuthorization(
            {
              chainId: context.chainId,
              keyType: accessKey.keyType,
              keyId: accessKey.address,
              limits: [{ token, limit: active.limit }],
            },
            rootSigner(context.wallet),
          )
        : undefined
    const confirmed = await sendAndConfirm(
      context,
      accessKeyRequest(context.wallet, {
        calls: [{ to: token, input: encodeTip20Transfer(recipient, amount) }],
        gasLimit,
        feeToken: token,
        ...(keyAuthorization === undefined ? {} : { keyAuthorization }),
        accessKey,
      }),
    )
    if (confirmed.isErr()) {
      rememberActiveAccessKey(context.runId, context.address, undefined)
      return confirmed
    }
    const { logs } = confirmed.value.receipt
    // The fee is held at its worst case while the transaction runs and partly refunded after it, so
    // the events do not tell what is left: the run counts the payment and its worst-case fee.
    const remaining = remainingBefore - amount - worstFeeOf(gasLimit, fees.value)
    const spent = hasKeychainEvent(logs, "AccessKeySpend", context.address, accessKey.address)
    rememberActiveAccessKey(context.runId, context.address, spent ? { ...active, remaining } : undefined)
    if (!spent) return taskFailure(context, `no AccessKeySpend event for access key ${accessKey.address}`)
    if (!hasTip20Transfer(logs, { token, from: context.address, to: recipient, amount }))
      return taskFailure(context, `no Transfer event of ${amount} to ${recipient} in the receipt`)
    const how = keyAuthorization === undefined ? "existing" : "newly authorized"
    return succeeded(
      [confirmed.value.sent],
      [
        `${how} ${accessKey.keyType} access key ${accessKey.address} paid ${amount} ${tokenLabel(token)} to ${recipient}; at least ${remaining} of ${active.limit} left`,
      ],
    )
  },
})
