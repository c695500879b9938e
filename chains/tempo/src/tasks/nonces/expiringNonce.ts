import { defineTask, sendAndConfirm, succeeded } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import { expiringNonceKey } from "../../transaction/constants.js"
import { estimateChainTime, expiringValidBefore } from "../shared/chainTime.js"
import { tempoGasLimits } from "../shared/gasLimits.js"
import { smallAmount } from "../shared/tokens.js"
import { keyedTempoRequest } from "./keyedRequest.js"

/**
 * Seconds from the chain tip to `validBefore`: the node accepts more than 3 s and at most 30 s
 * (tempo `transaction-pool/src/validator.rs`); 20 s leaves room for a slow block on either side.
 */
const lifetimeSeconds = 20n

/**
 * A pathUSD transfer to a fresh address as an expiring-nonce Tempo transaction (nonceKey
 * 2^256−1, nonce 0, validBefore = the latest block's timestamp + 20 s — chain time, never the
 * local clock, carried forward between reads by {@link estimateChainTime}): mined. That the protocol
 * nonce did not move is a property of the lane, checked on chain by the test, not read twice per
 * payment.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "expiring_nonce")
 */
export const expiringNonce = defineTask({
  name: "expiring_nonce",
  weight: 4,
  description: "Sends a transaction with an expiring nonce (valid for 20 s).",
  requires: ["keyedNonces"],
  async run(context) {
    const chainTime = await estimateChainTime(context)
    if (chainTime.isErr()) return chainTime
    const deadline = expiringValidBefore(context, chainTime.value, lifetimeSeconds)
    if (deadline.isErr()) return deadline
    const validBefore = deadline.value
    const calls = [
      {
        to: tempoAddresses.pathUsd,
        input: encodeTip20Transfer(context.random.address(), smallAmount(context.random)),
      },
    ]
    const request = keyedTempoRequest(context.wallet, {
      calls,
      gasLimit: tempoGasLimits.tip20Transfer,
      nonceKey: expiringNonceKey,
      validBefore,
      feeToken: tempoAddresses.pathUsd,
    })
    const done = await sendAndConfirm(context, request)
    if (done.isErr()) return done
    return succeeded(
      [done.value.sent],
      [`valid before ${validBefore}, mined in block ${done.value.receipt.blockNumber}`],
    )
  },
})
