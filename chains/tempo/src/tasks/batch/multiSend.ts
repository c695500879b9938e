import { MultiSend } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { FastInterface } from "../../contracts/fastInterface.js"
import { encodeTip20Approve } from "../../contracts/tip20.js"
import { batchCallGas, tempoGasLimits } from "../shared/gasLimits.js"
import { tempoRequest } from "../shared/tempoRequest.js"
import { smallAmount, tempoFeeTokens, tokenLabel } from "../shared/tokens.js"
import { countTransfers } from "./transferLogs.js"

const multiSend = new FastInterface(MultiSend.abi)
// eth_estimateGas of the MultiSend deploy under T4: 6.53M (2.3 KB of code at TIP-1000 prices).
const multiSendDeployGas = 9_000_000n

/**
 * Pays N (2–8) fresh addresses through the MultiSend contract (deployed once and recorded as
 * "multisend"): `approve(MultiSend, total)` and `multiSendToken` (transferFrom per recipient) as
 * the two calls of ONE Tempo transaction; checks N Transfer logs.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "batch_multi_send")
 */
export const batchMultiSend = defineTask({
  name: "batch_multi_send",
  weight: 4,
  description: "Approves MultiSend and pays 2–8 recipients through it in one 0x76 transaction.",
  requires: ["batchCalls"],
  async run(context) {
    const contract = await findOrDeployContract(context, {
      kind: "multisend",
      initCode: MultiSend.bytecode,
      gasLimit: multiSendDeployGas,
    })
    if (contract.isErr()) return contract
    const token = context.random.pick(tempoFeeTokens)
    const count = context.random.int(2, 8)
    const recipients = Array.from({ length: count }, () => context.random.address())
    const amounts = recipients.map(() => smallAmount(context.random))
    const total = amounts.reduce((sum, amount) => sum + amount, 0n)
    const calls = [
      { to: token, input: encodeTip20Approve(contract.value.address, total) },
      {
        to: contract.value.address,
        input: multiSend.encodeFunctionData("multiSendToken", [token, recipients, amounts]),
      },
    ]
    const gasLimit = tempoGasLimits.tip20Approve + batchCallGas * BigInt(count)
    const done = await sendAndConfirm(
      context,
      tempoRequest(context.wallet, { calls, gasLimit, feeToken: token }),
    )
    if (done.isErr()) return done
    const logged = countTransfers(done.value.receipt, token, recipients)
    if (logged !== count) return taskFailure(context, `${logged} Transfer logs, expected ${count}`)
    return succeeded(
      [contract.value.deployment, done.value.sent],
      [`${total} ${tokenLabel(token)} to ${count} recipients via MultiSend`],
    )
  },
})
