import { defineTask, sendAndConfirm, succeeded } from "@testnet/core"
import type { ResolvedEvmTaskOptions } from "../options.js"

/**
 * `self_transfer`: sends 1–1000 base units of the native currency to the wallet itself (only the
 * fee is spent).
 *
 * @example
 * const selfTransfer = selfTransferTask(resolveEvmTaskOptions())
 */
export function selfTransferTask(options: ResolvedEvmTaskOptions) {
  return defineTask({
    name: "self_transfer",
    weight: options.weights.selfTransfer,
    description: "Sends a few wei of the native currency to itself.",
    async run(context) {
      const amount = context.random.bigint(1n, 1_000n)
      const done = await sendAndConfirm(context, {
        to: context.address,
        value: amount,
        gasLimit: options.gasLimits.transfer,
      })
      if (done.isErr()) return done
      return succeeded([done.value.sent], [`${amount} wei to self`])
    },
  })
}

/**
 * `transfer_to_random`: sends up to 1 gwei of the native currency to a fresh random address.
 *
 * @example
 * const transferToRandom = transferToRandomTask(resolveEvmTaskOptions())
 */
export function transferToRandomTask(options: ResolvedEvmTaskOptions) {
  return defineTask({
    name: "transfer_to_random",
    weight: options.weights.transferToRandom,
    description: "Sends up to 1 gwei of the native currency to a random new address.",
    async run(context) {
      const recipient = context.random.address()
      const amount = context.random.bigint(1n, 1_000_000_000n)
      const done = await sendAndConfirm(context, {
        to: recipient,
        value: amount,
        gasLimit: options.gasLimits.transfer,
      })
      if (done.isErr()) return done
      return succeeded([done.value.sent], [`${amount} wei to ${recipient}`])
    },
  })
}
