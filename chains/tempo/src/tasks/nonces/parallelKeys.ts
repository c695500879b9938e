import { defineTask, succeeded } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import { smallAmount } from "../shared/tokens.js"
import { keyedTempoRequest } from "./keyedRequest.js"
import { runNonceKeys } from "./runNonceKeys.js"

/**
 * 3–5 Tempo transactions (pathUSD transfers to itself) on distinct random nonce keys, sent
 * concurrently by one wallet (one JSON-RPC batch); all must be mined. The keys are new to the
 * chain (drawn for the run, {@link runNonceKeys}), so no lane is read before its first send. That the protocol nonce
 * does not move is the lanes' property, checked on chain by the test (not read twice per run). A key's first use costs ~250k extra gas (a new nonce slot).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "parallel_nonce_keys")
 */
export const parallelNonceKeys = defineTask({
  name: "parallel_nonce_keys",
  weight: 4,
  description: "Sends 3–5 transactions concurrently on distinct 2D nonce keys of one wallet.",
  requires: ["keyedNonces"],
  async run(context) {
    // Keys new to the chain, drawn for this run: every lane starts at nonce 0, read from nowhere.
    const keys = context.random.shuffle([...runNonceKeys(context.runId)])
    const calls = [
      {
        to: tempoAddresses.pathUsd,
        input: encodeTip20Transfer(context.address, smallAmount(context.random)),
      },
    ]
    const requests = keys.slice(0, context.random.int(3, 5)).map((nonceKey) =>
      keyedTempoRequest(context.wallet, {
        calls,
        gasLimit: 1_200_000n,
        nonceKey,
        feeToken: tempoAddresses.pathUsd,
        freshNonceKey: true,
      }),
    )
    const sent = await Promise.all(requests.map((request) => context.send(request)))
    for (const transaction of sent) if (transaction.isErr()) return transaction
    const hashes = sent.map((transaction) => transaction.unwrap().hash)
    const receipts = await Promise.all(hashes.map((hash) => context.waitForReceipt(hash)))
    for (const receipt of receipts) if (receipt.isErr()) return receipt
    const lanes = sent.map((transaction) => `${transaction.unwrap().nonceKey}:${transaction.unwrap().nonce}`)
    return succeeded(
      sent.map((transaction) => transaction.unwrap()),
      [`${sent.length} lanes (key:nonce) ${lanes.join(" ")}`],
    )
  },
})
