import {
  type BaseError,
  type Result,
  sendAndConfirm,
  succeeded,
  type TaskContext,
  type TaskOutcome,
  taskFailure,
  waitForForeignReceipts,
} from "@testnet/core"
import { dynamicFees } from "@testnet/evm"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import { tempoTransactionHash } from "../../transaction/hash.js"
import { createRandomP256Key } from "../../transaction/p256.js"
import { signTempoTransactionAs } from "../../transaction/sign.js"
import { p256Signer, type TempoSigner, webAuthnSigner } from "../../transaction/signers.js"
import type { TempoTransactionFields } from "../../transaction/types.js"
import { tempoGasLimits } from "../shared/gasLimits.js"
import { smallAmount, tempoFeeTokens, tokenLabel } from "../shared/tokens.js"
import { hasTip20Transfer } from "../shared/transferLogs.js"

/**
 * Gas limit of a P256/WebAuthn account's first transaction, a transfer to a new holder: measured
 * ~290k (existing holder) to ~560k (new holder + the sender's first transaction under TIP-1000),
 * plus the signature's verification gas; with headroom.
 */
const passkeyTransferGas = 1_000_000n

/**
 * A transfer sent by a fresh P256 or WebAuthn (passkey) account: the wallet first funds the
 * passkey account with the amount and its worst-case fee, then the passkey account signs a 0x76
 * (signature type 0x01 or 0x02) paying a random recipient, broadcast outside the runner's nonce
 * lanes (the account is task-local). Checks that the recipient received the amount.
 *
 * @example
 * return passkeyTransfer(context, "webAuthn")
 */
export async function passkeyTransfer(
  context: TaskContext,
  kind: "p256" | "webAuthn",
): Promise<Result<TaskOutcome, BaseError>> {
  const key = createRandomP256Key()
  const signer: TempoSigner =
    kind === "p256" ? p256Signer(key) : webAuthnSigner(key, { rpId: "testnet-framework.local" })
  const token = context.random.pick(tempoFeeTokens)
  const amount = smallAmount(context.random)
  const recipient = context.random.address()
  const fees = context.fees()
  if (fees.isErr()) return fees
  const feeFields = dynamicFees(fees.value)
  const worstFee = (passkeyTransferGas * feeFields.maxFeePerGas) / 10n ** 12n + 1n
  const funded = await sendAndConfirm(context, {
    to: token,
    data: encodeTip20Transfer(signer.address, amount + worstFee),
    value: 0n,
    gasLimit: tempoGasLimits.tip20Transfer,
  })
  if (funded.isErr()) return funded
  const fields: TempoTransactionFields = {
    chainId: context.chainId,
    nonce: 0n,
    nonceKey: 0n,
    gasLimit: passkeyTransferGas,
    ...feeFields,
    calls: [{ to: token, input: encodeTip20Transfer(recipient, amount) }],
    feeToken: token,
  }
  const raw = signTempoTransactionAs(fields, signer)
  const hash = await context.rpc.request<string>("eth_sendRawTransaction", [raw], { signal: context.signal })
  if (hash.isErr()) return hash
  if (hash.value !== tempoTransactionHash(raw))
    return taskFailure(context, `the node returned hash ${hash.value}, expected ${tempoTransactionHash(raw)}`)
  const mined = await waitForForeignReceipts(context, [hash.value])
  if (mined.isErr()) return mined
  // The payment is checked by its Transfer event in the receipt (the test reads the balance).
  const logs = mined.value[0]?.logs ?? []
  if (!hasTip20Transfer(logs, { token, from: signer.address, to: recipient, amount }))
    return taskFailure(context, `no Transfer event of ${amount} to ${recipient} in ${hash.value}`)
  return succeeded(
    [funded.value.sent],
    [
      `${kind} account ${signer.address} paid ${amount} ${tokenLabel(token)} to ${recipient} in ${hash.value}`,
    ],
  )
}
