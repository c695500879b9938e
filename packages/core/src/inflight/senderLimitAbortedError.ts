import { BaseError } from "../errors/base.js"

/**
 * A caller stopped waiting for an in-flight slot of a sender (its AbortSignal fired) before one
 * was free. Nothing was acquired, so there is nothing to release.
 *
 * @example
 * const slot = await limit.acquire(wallet.address, signal)
 * if (slot.isErr() && slot.error.code === "SENDER_LIMIT_ABORTED") return slot
 */
export class SenderLimitAbortedError extends BaseError {
  override name = "SenderLimitAbortedError"
  /** The sender whose slot was awaited. */
  readonly sender: string

  constructor(parameters: { sender: string; limit: number; cause?: unknown }) {
    super(`Stopped waiting for one of the ${parameters.limit} in-flight slots of ${parameters.sender}.`, {
      code: "SENDER_LIMIT_ABORTED",
      cause: parameters.cause,
      metaMessages: ["The wait was aborted (shutdown or a task deadline); the transaction was not sent."],
    })
    this.sender = parameters.sender
  }
}
/**
 * {@link SenderLimitAbortedError} narrowed by name, for `Result` error unions.
 *
 * @example
 * function isMine(error: SenderLimitAbortedErrorType) { return error.name === "SenderLimitAbortedError" }
 */
export type SenderLimitAbortedErrorType = SenderLimitAbortedError & { name: "SenderLimitAbortedError" }
