import { defineTask, sendExpectingRevert, taskFailure } from "@testnet/core"
import { dynamicFees } from "@testnet/evm"
import {
  accountKeychainAddress,
  decodeAccessKeyInfo,
  encodeGetKey,
  encodeGetRemainingLimit,
} from "../../contracts/accountKeychain.js"
import { encodeTip20BalanceOf, encodeTip20Transfer } from "../../contracts/tip20.js"
import { signTempoKeyAuthorization } from "../../transaction/sign.js"
import { readViews, wordOf } from "../shared/multicall.js"
import { readBalance } from "../shared/reads.js"
import { tempoFeeTokens } from "../shared/tokens.js"
import { accessKeyRequest, createAccessKey, rootSigner } from "./accessKeyRequest.js"
import { accessKeyGasLimits } from "./gasLimits.js"

/** The key's limit: large enough for the worst-case fee (paid in the limited token), small enough to exceed cheaply. */
const limit = 500_000n

/**
 * A negative test: an access key limited to 0.5 of a token tries to pay just over it. The node
 * reverts the transfer (AccountKeychain `SpendingLimitExceeded`): the transaction is mined with
 * status 0, the fee is charged, nothing reaches the recipient; the key stays authorized.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "access_key_spending_limit")
 */
export const accessKeySpendingLimit = defineTask({
  name: "access_key_spending_limit",
  weight: 1,
  expectedFailure: true,
  description:
    "Expected failure: a fresh access key limited to 0.5 of a token, authorized in the same 0x76, tries to pay 0.5 + 1 unit; the transfer must revert (status 0), the recipient must get nothing and the key must stay authorized.",
  async run(context) {
    const token = context.random.pick(tempoFeeTokens)
    const amount = limit + 1n
    const fees = context.fees()
    if (fees.isErr()) return fees
    // The node drops (never mines) a keychain transaction whose worst-case fee alone breaks the limit.
    const worstFee =
      (accessKeyGasLimits.authorizeAndPay * dynamicFees(fees.value).maxFeePerGas) / 10n ** 12n + 1n
    if (worstFee > limit / 2n)
      return taskFailure(context, `worst-case fee ${worstFee} is too close to the limit ${limit}`)
    const balance = await readBalance(context, token, context.address)
    if (balance.isErr()) return balance
    // With too little balance the transfer would revert for another reason: refuse to test then.
    if (balance.value < amount + worstFee)
      return taskFailure(
        context,
        `the wallet holds ${balance.value} of ${token}, needs ${amount + worstFee} to test the limit`,
      )
    const accessKey = createAccessKey(context.random.pick(["secp256k1", "p256", "webAuthn"] as const))
    const recipient = context.random.address()
    const keyAuthorization = signTempoKeyAuthorization(
      {
        chainId: context.chainId,
        keyType: accessKey.keyType,
        keyId: accessKey.address,
        limits: [{ token, limit }],
      },
      rootSigner(context.wallet),
    )
    const outcome = await sendExpectingRevert(
      context,
      accessKeyRequest(context.wallet, {
        calls: [{ to: token, input: encodeTip20Transfer(recipient, amount) }],
        gasLimit: accessKeyGasLimits.authorizeAndPay,
        feeToken: token,
        keyAuthorization,
        accessKey,
      }),
    )
    if (outcome.isErr()) return outcome
    // The fresh recipient's balance, the key and its remaining limit: one read (Multicall3).
    const read = await readViews(context, [
      { to: token, data: encodeTip20BalanceOf(recipient) },
      { to: accountKeychainAddress, data: encodeGetKey(context.address, accessKey.address) },
      {
        to: accountKeychainAddress,
        data: encodeGetRemainingLimit(context.address, accessKey.address, token),
      },
    ])
    if (read.isErr()) return read
    const [received, key, left] = read.value
    const stored = decodeAccessKeyInfo(key ?? "0x")
    const remaining = wordOf(left)
    // A random address held nothing before: whatever it holds now, the refused payment delivered.
    if (wordOf(received) !== 0n)
      return taskFailure(context, `the over-limit payment delivered ${wordOf(received)}`)
    if (stored.keyId === "0x0000000000000000000000000000000000000000" || !stored.enforceLimits)
      return taskFailure(
        context,
        `access key ${accessKey.address} is not authorized with limits after the refusal`,
      )
    return outcome.map((refused) => ({
      ...refused,
      notes: [...refused.notes, `over-limit payment of ${amount} refused; ${remaining} of ${limit} left`],
    }))
  },
})
