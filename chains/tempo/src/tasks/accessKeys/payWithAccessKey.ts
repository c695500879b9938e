import {
  type BaseError,
  defineTask,
  Ok,
  type Result,
  sendAndConfirm,
  succeeded,
  type TaskContext,
  taskFailure,
} from "@testnet/core"
import { dynamicFees } from "@testnet/evm"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import type { TempoKeyType } from "../../transaction/keyAuthorization.js"
import { signTempoKeyAuthorization } from "../../transaction/sign.js"
import { readBalance } from "../shared/reads.js"
import { smallAmount, tempoFeeTokens, tokenLabel } from "../shared/tokens.js"
import { hasKeychainEvent } from "./accessKeyEvents.js"
import { accessKeyRequest, createAccessKey, rootSigner } from "./accessKeyRequest.js"
import { type ActiveAccessKey, findActiveAccessKey, rememberActiveAccessKey } from "./activeAccessKeys.js"
import { accessKeyGasLimits } from "./gasLimits.js"
import { readRemainingLimit } from "./keyState.js"

const keyTypes: readonly TempoKeyType[] = ["secp256k1", "p256", "webAuthn"]

/** What a fresh key may spend (5 of a token): the payments and their fees, which count against it. */
const freshLimit = 5_000_000n

/** The wallet's active key with what it has left, or undefined when it needs a fresh one. */
async function usableKey(
  context: TaskContext,
  needed: bigint,
): Promise<Result<{ readonly active: ActiveAccessKey; readonly remaining: bigint } | undefined, BaseError>> {
  const active = findActiveAccessKey(context.runId, context.address)
  if (active === undefined) return Ok(undefined)
  const remaining = await readRemainingLimit(context, context.address, active.accessKey.address, active.token)
  if (remaining.isErr()) return remaining
  // The node drops (never mines) a payment whose amount and worst-case fee do not fit in the limit.
  return Ok(remaining.value >= needed ? { active, remaining: remaining.value } : undefined)
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
    const worstFee = (accessKeyGasLimits.pay * dynamicFees(fees.value).maxFeePerGas) / 10n ** 12n + 1n
    const usable = await usableKey(context, amount + worstFee)
    if (usable.isErr()) return usable
    const active: ActiveAccessKey = usable.value?.active ?? {
      accessKey: createAccessKey(context.random.pick(keyTypes)),
      token: context.random.pick(tempoFeeTokens),
      limit: freshLimit,
    }
    const { accessKey, token } = active
    const remainingBefore = usable.value?.remaining ?? active.limit
    const keyAuthorization =
      usable.value === undefined
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
    // A seeded recipient can repeat across executions: check the increase, not the balance.
    const before = await readBalance(context, token, recipient)
    if (before.isErr()) return before
    const confirmed = await sendAndConfirm(
      context,
      accessKeyRequest(context.wallet, {
        calls: [{ to: token, input: encodeTip20Transfer(recipient, amount) }],
        gasLimit:
          keyAuthorization === undefined ? accessKeyGasLimits.pay : accessKeyGasLimits.authorizeAndPay,
        feeToken: token,
        ...(keyAuthorization === undefined ? {} : { keyAuthorization }),
        accessKey,
      }),
    )
    rememberActiveAccessKey(context.runId, context.address, confirmed.isOk() ? active : undefined)
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
    if (remaining.value > remainingBefore - amount)
      return taskFailure(
        context,
        `remaining limit ${remaining.value} is above ${remainingBefore - amount} after spending ${amount}`,
      )
    const how = keyAuthorization === undefined ? "existing" : "newly authorized"
    return succeeded(
      [confirmed.value.sent],
      [
        `${how} ${accessKey.keyType} access key ${accessKey.address} paid ${amount} ${tokenLabel(token)}; ${remaining.value} of ${active.limit} left`,
      ],
    )
  },
})
