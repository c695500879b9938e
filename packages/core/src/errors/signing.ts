import { BaseError } from "./base.js"

// Signing errors name a backend and why it is unavailable — never a key or a digest.

/**
 * The requested signing backend cannot be used: the native secp256k1 binding did not load on this
 * machine, or `TESTNET_DISABLE_NATIVE_SIGNER=1` turned it off.
 *
 * @example
 * const error = new SigningBackendUnavailableError({ backend: "native", reason: "disabled by TESTNET_DISABLE_NATIVE_SIGNER=1" })
 * error.code // "SIGNING_BACKEND_UNAVAILABLE"
 */
export class SigningBackendUnavailableError extends BaseError {
  override name = "SigningBackendUnavailableError" as const
  readonly backend: string
  readonly reason: string
  constructor(parameters: { backend: string; reason: string; cause?: unknown }) {
    super(`The ${parameters.backend} signing backend is unavailable: ${parameters.reason}.`, {
      code: "SIGNING_BACKEND_UNAVAILABLE",
      cause: parameters.cause,
      metaMessages: [
        'Use backend "auto" to fall back to ethers\' pure-JS signing (about 8× slower, same bytes).',
        "The native binding ships prebuilt for linux-x64, darwin-arm64 and win32-x64; elsewhere it needs node-gyp at install.",
      ],
    })
    this.backend = parameters.backend
    this.reason = parameters.reason
  }
}
/**
 * {@link SigningBackendUnavailableError} narrowed by name.
 *
 * @example
 * if (result.isErr() && result.error.name === "SigningBackendUnavailableError") console.warn(result.error.reason)
 */
export type SigningBackendUnavailableErrorType = SigningBackendUnavailableError & {
  name: "SigningBackendUnavailableError"
}

/**
 * Every error of the signing module.
 *
 * @example
 * function report(error: SigningErrorType) { console.error(error.shortMessage) }
 */
export type SigningErrorType = SigningBackendUnavailableErrorType
