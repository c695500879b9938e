/**
 * Marker shared by every copy of this package. `instanceof` fails when two copies of
 * `@testnet/core` are installed side by side; a global symbol does not.
 */
const baseErrorMarker = Symbol.for("@testnet/core/BaseError")

/**
 * Options every framework error accepts.
 *
 * @example
 * const parameters: BaseErrorParameters = { cause: error, details: "EACCES", metaMessages: ["Check the permissions."] }
 */
export type BaseErrorParameters = {
  /** The underlying error (node error, I/O error, …). Kept out of the short message. */
  cause?: unknown
  /** One-line technical detail, shown after the short message. Never a secret. */
  details?: string
  /** Extra lines: hints on how to fix the problem, values involved. Never a secret. */
  metaMessages?: readonly string[]
}

/**
 * Root of the framework's error hierarchy. Every domain error extends it, carries a stable
 * machine-readable `code`, a one-line `shortMessage`, optional `details` and `metaMessages`
 * (hints), and the original error as `cause`.
 *
 * @example
 * class DiskFullError extends BaseError {
 *   override readonly name = "DiskFullError"
 *   constructor(path: string) {
 *     super(`Disk is full while writing ${path}.`, { code: "DISK_FULL", metaMessages: ["Free some space."] })
 *   }
 * }
 * const error = new DiskFullError("/tmp/x")
 * BaseError.isInstance(error) // true, even across duplicate installs
 */
export class BaseError extends Error {
  override name = "BaseError"
  /** Stable identifier, e.g. `CONFIG_INVALID_VALUE`. Safe to match on. */
  readonly code: string
  /** The message without details or hints. */
  readonly shortMessage: string
  readonly details: string | undefined
  readonly metaMessages: readonly string[]
  readonly [baseErrorMarker] = true

  constructor(shortMessage: string, parameters: BaseErrorParameters & { code: string }) {
    const { cause, details, metaMessages = [], code } = parameters
    super(composeMessage(shortMessage, details, metaMessages), cause === undefined ? undefined : { cause })
    this.code = code
    this.shortMessage = shortMessage
    this.details = details
    this.metaMessages = metaMessages
  }

  /**
   * Walks the cause chain. Without a predicate it returns the deepest cause; with one, the
   * first error (starting at this one) for which it returns true, or undefined.
   *
   * @example
   * const timeout = error.walk((cause) => cause instanceof RpcTimeoutError)
   */
  walk(predicate?: (error: unknown) => boolean): unknown {
    let current: unknown = this
    const seen = new Set<unknown>()
    while (current !== undefined && current !== null && !seen.has(current)) {
      seen.add(current)
      if (predicate?.(current)) return current
      const next: unknown = (current as { cause?: unknown }).cause
      if (next === undefined || next === null) return predicate ? undefined : current
      current = next
    }
    return predicate ? undefined : current
  }

  /**
   * True for any framework error, whichever copy of the package created it.
   *
   * @example
   * if (BaseError.isInstance(caught)) console.error(caught.shortMessage)
   */
  static isInstance(value: unknown): value is BaseError {
    return typeof value === "object" && value !== null && baseErrorMarker in value
  }

  /** A plain-object view for logs and JSON output. Never contains secrets. */
  toJSON(): { name: string; code: string; message: string; details?: string; hints?: readonly string[] } {
    return {
      name: this.name,
      code: this.code,
      message: this.shortMessage,
      ...(this.details === undefined ? {} : { details: this.details }),
      ...(this.metaMessages.length === 0 ? {} : { hints: this.metaMessages }),
    }
  }
}

function composeMessage(shortMessage: string, details: string | undefined, metaMessages: readonly string[]) {
  const lines = [shortMessage]
  if (metaMessages.length > 0) lines.push("", ...metaMessages)
  if (details !== undefined) lines.push("", `Details: ${details}`)
  return lines.join("\n")
}
