import { MultiSend } from "@testnet/contracts"
import {
  type BaseError,
  type DeployedContract,
  findOrDeployContract,
  type Result,
  type TaskContext,
} from "@testnet/core"
import { riseGasLimits } from "./gasLimits.js"

/**
 * The shared `MultiSend` contract (kind "multi_send"), deployed on first use.
 *
 * @example
 * const multiSend = await findOrDeployMultiSend(context)
 */
export function findOrDeployMultiSend(context: TaskContext): Promise<Result<DeployedContract, BaseError>> {
  return findOrDeployContract(context, {
    kind: "multi_send",
    initCode: MultiSend.bytecode,
    gasLimit: riseGasLimits.deployMedium,
  })
}

/**
 * `count` random recipients with random amounts in [1, `maximum`].
 *
 * @example
 * const { recipients, amounts, total } = randomRecipients(context, 5, 10n ** 9n)
 */
export function randomRecipients(context: TaskContext, count: number, maximum: bigint) {
  const recipients = Array.from({ length: count }, () => context.random.address())
  const amounts = recipients.map(() => context.random.bigint(1n, maximum))
  const total = amounts.reduce((sum, amount) => sum + amount, 0n)
  return { recipients, amounts, total }
}
