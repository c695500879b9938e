import {
  defineTask,
  type ForeignReceipt as RpcReceipt,
  sendAndConfirm,
  succeeded,
  taskFailure,
} from "@testnet/core"
import { dynamicFees } from "@testnet/evm"
import { createEphemeralAccount } from "../shared/ephemeralAccount.js"
import { riseGasLimits } from "../shared/gasLimits.js"

/** What the wallet lends the task-local sender (0.0001 ETH), returned minus one fee. */
const stake = 10n ** 14n

/**
 * EIP-7966 `eth_sendRawTransactionSync`, with exactly one parameter (anvil rejects the optional
 * timeout; RISE accepts it, but omitting it stays portable). The wallet first funds a fresh
 * task-local account through the normal pipeline (journaled); that account then signs a transfer
 * of the stake back to the wallet, sends it synchronously through `context.rpc`, and the task
 * records the measured submit-to-receipt latency in its note. The synchronous transaction comes
 * from the task-local account because core's `TaskContext` has no per-request synchronous send:
 * sending the leased wallet's own transaction around the pipeline would bypass its nonce manager
 * and journal.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "sync_send")
 */
export const syncSend = defineTask({
  name: "sync_send",
  weight: 2,
  requires: ["sendRawTransactionSync"],
  description: "Sends a transaction with eth_sendRawTransactionSync and records its inclusion latency.",
  async run(context) {
    const fees = context.fees()
    if (fees.isErr()) return fees
    const dynamic = dynamicFees(fees.value)
    const sender = createEphemeralAccount()
    const maxFee = riseGasLimits.transfer * dynamic.maxFeePerGas
    const funded = await sendAndConfirm(context, {
      to: sender.address,
      value: stake + maxFee,
      gasLimit: riseGasLimits.transfer,
    })
    if (funded.isErr()) return funded
    const raw = await sender.signTransaction({
      type: 2,
      chainId: context.chainId,
      nonce: 0,
      to: context.address,
      value: stake,
      gasLimit: riseGasLimits.transfer,
      ...dynamic,
    })
    const started = performance.now()
    const receipt = await context.rpc.request<RpcReceipt>("eth_sendRawTransactionSync", [raw], {
      signal: context.signal,
    })
    const latencyMs = Math.round(performance.now() - started)
    if (receipt.isErr()) return receipt
    if (receipt.value.status !== "0x1")
      return taskFailure(context, `the synchronous transaction ${receipt.value.transactionHash} failed`)
    return succeeded(
      [funded.value.sent],
      [
        `sync receipt in ${latencyMs} ms (block ${BigInt(receipt.value.blockNumber)}, ${receipt.value.transactionHash})`,
      ],
    )
  },
})
