import { defineTask, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { highestGasPrice } from "@testnet/evm"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import { tempoSponsor } from "../../funding/sponsor.js"
import { tempoGasLimits } from "../shared/gasLimits.js"
import { coverFromKnownBalance } from "../shared/knownBalance.js"
import { readBalance } from "../shared/reads.js"
import { tempoRequest } from "../shared/tempoRequest.js"
import { smallAmount, tempoFeeTokens, tokenLabel } from "../shared/tokens.js"

/**
 * A sponsored Tempo transaction: the wallet signs a small pathUSD transfer, the sponsor account
 * co-signs as fee payer and pays the fee in a stablecoin it chooses. The sponsor is the chain's
 * process-wide account that the TIP-20 funding hook tops up from the funder (the runner does not
 * expose the funder's signer to tasks).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "sponsored_transaction")
 */
export const sponsoredTransaction = defineTask({
  name: "sponsored_transaction",
  weight: 14,
  description: "Sends a 0x76 transaction whose fee a sponsor (funded by the funder) pays.",
  requires: ["feeToken"],
  async run(context) {
    const sponsor = tempoSponsor.get()
    const feeToken = context.random.pick(tempoFeeTokens)
    const fees = context.fees()
    if (fees.isErr()) return fees
    const price = highestGasPrice(fees.value)
    const maximumFee = (tempoGasLimits.tip20Transfer * price) / 10n ** 12n + 1n
    // Only this task spends the sponsor's balance: it is read again only when what this run may
    // have spent since the last read (at most the maximum fee each) could have used it up.
    const available = await coverFromKnownBalance(
      context,
      `sponsor:${sponsor.address}:${feeToken}`,
      maximumFee,
      () => readBalance(context, feeToken, sponsor.address),
    )
    if (available.isErr()) return available
    if (!available.value.covered)
      return taskFailure(
        context,
        `the sponsor ${sponsor.address} holds ${available.value.balance} ${tokenLabel(feeToken)}, needs ${maximumFee} (is the chain's funding hook in use?)`,
      )
    const amount = smallAmount(context.random)
    const done = await sendAndConfirm(
      context,
      tempoRequest(context.wallet, {
        calls: [{ to: tempoAddresses.pathUsd, input: encodeTip20Transfer(context.random.address(), amount) }],
        gasLimit: tempoGasLimits.tip20Transfer,
        feeToken,
        sponsor,
      }),
    )
    if (done.isErr()) return done
    return succeeded([done.value.sent], [`fee paid by ${sponsor.address} in ${tokenLabel(feeToken)}`])
  },
})
