import { defineTask, sendExpectingRevert, taskFailure } from "@testnet/core"
import { getAddress } from "ethers"
import {
  accountKeychainAddress,
  decodeAllowedCalls,
  encodeGetAllowedCalls,
} from "../../contracts/accountKeychain.js"
import { encodeTip20BalanceOf, encodeTip20Transfer, tip20Interface } from "../../contracts/tip20.js"
import { signTempoKeyAuthorization } from "../../transaction/sign.js"
import { readViews, wordOf } from "../shared/multicall.js"
import { smallAmount, tempoFeeTokens, tokenLabel } from "../shared/tokens.js"
import { accessKeyRequest, createAccessKey, rootSigner } from "./accessKeyRequest.js"
import { accessKeyGasLimits } from "./gasLimits.js"

/**
 * A negative test of call scopes (TIP-1011, active from hardfork T3): an access key allowed only
 * `transfer` on one token tries a transfer of another token. The call reverts (AccountKeychain
 * `CallNotAllowed`, status 0, fee charged), nothing is delivered, and the key stays scoped.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "access_key_call_scope")
 */
export const accessKeyCallScope = defineTask({
  name: "access_key_call_scope",
  weight: 1,
  expectedFailure: true,
  description:
    "Expected failure: a fresh access key scoped to transfer() on one token (authorized in the same 0x76) calls transfer() on another token; the call must revert (status 0), deliver nothing, and the keychain must report the key scoped to the first token.",
  async run(context) {
    const allowedToken = context.random.pick(tempoFeeTokens)
    const otherToken = context.random.pick(tempoFeeTokens.filter((token) => token !== allowedToken))
    const amount = smallAmount(context.random)
    const recipient = context.random.address()
    const accessKey = createAccessKey(context.random.pick(["secp256k1", "p256", "webAuthn"] as const))
    const transferSelector = tip20Interface.getFunction("transfer")?.selector ?? "0xa9059cbb"
    const keyAuthorization = signTempoKeyAuthorization(
      {
        chainId: context.chainId,
        keyType: accessKey.keyType,
        keyId: accessKey.address,
        // The fee is paid in the allowed token and counts against this limit.
        limits: [{ token: allowedToken, limit: 1_000_000n }],
        allowedCalls: [{ target: allowedToken, selectorRules: [{ selector: transferSelector }] }],
      },
      rootSigner(context.wallet),
    )
    const outcome = await sendExpectingRevert(
      context,
      accessKeyRequest(context.wallet, {
        calls: [{ to: otherToken, input: encodeTip20Transfer(recipient, amount) }],
        gasLimit: accessKeyGasLimits.authorizeScoped,
        feeToken: allowedToken,
        keyAuthorization,
        accessKey,
      }),
    )
    if (outcome.isErr()) return outcome
    // The fresh recipient's balance and the key's scope: one read (Multicall3).
    const read = await readViews(context, [
      { to: otherToken, data: encodeTip20BalanceOf(recipient) },
      { to: accountKeychainAddress, data: encodeGetAllowedCalls(context.address, accessKey.address) },
    ])
    if (read.isErr()) return read
    const [received, allowed] = read.value
    // A random address held nothing before: whatever it holds now, the refused call delivered.
    if (wordOf(received) !== 0n)
      return taskFailure(context, `the out-of-scope call delivered ${wordOf(received)}`)
    const scope = decodeAllowedCalls(allowed ?? "0x")
    const targets = scope.targets.map((target) => getAddress(target))
    if (!scope.isScoped || targets.join() !== getAddress(allowedToken))
      return taskFailure(
        context,
        `access key scope is ${scope.isScoped ? targets.join() : "unscoped"}, expected ${allowedToken}`,
      )
    return outcome.map((refused) => ({
      ...refused,
      notes: [
        ...refused.notes,
        `${tokenLabel(otherToken)} transfer refused for a key scoped to ${tokenLabel(allowedToken)}`,
      ],
    }))
  },
})
