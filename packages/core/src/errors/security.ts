import { BaseError } from "./base.js"

/**
 * Refused to print, log or write some text because it contains a secret (a private key, a
 * mnemonic, a password). The message says what kind of secret and where, never the secret.
 *
 * @example
 * const error = new SecretExposureError({ destination: "the CSV export", secretCount: 1 })
 * error.code // "SECURITY_SECRET_EXPOSURE"
 */
export class SecretExposureError extends BaseError {
  override name = "SecretExposureError" as const
  readonly destination: string
  constructor(parameters: { destination: string; secretCount: number }) {
    super(
      `Refused to write ${parameters.destination}: it contains ${parameters.secretCount} secret value(s).`,
      {
        code: "SECURITY_SECRET_EXPOSURE",
        metaMessages: [
          "Private keys, mnemonics and passwords never leave memory; this is a bug, please report it.",
        ],
      },
    )
    this.destination = parameters.destination
  }
}
/**
 * {@link SecretExposureError} narrowed by name.
 *
 * @example
 * if (result.isErr() && result.error.name === "SecretExposureError") report(result.error) // SecretExposureErrorType
 */
export type SecretExposureErrorType = SecretExposureError & { name: "SecretExposureError" }

/**
 * Every security error, for `Result<…, SecurityErrorType>`.
 *
 * @example
 * function isSecurity(error: { name: string }): boolean { return error.name === "SecretExposureError" }
 */
export type SecurityErrorType = SecretExposureErrorType
