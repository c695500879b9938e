import { maskUrl } from "../redaction/maskUrl.js"
import { BaseError } from "./base.js"

/**
 * The proxy could not be reached, or it could not reach the target (connection refused,
 * reset, timed out, tunnel refused).
 *
 * @example
 * new ProxyUnreachableError({ proxy: "socks5://user:secret@127.0.0.1:1080", reason: "connection refused" })
 */
export class ProxyUnreachableError extends BaseError {
  override name = "ProxyUnreachableError"
  /** The proxy URL with credentials masked. */
  readonly proxy: string
  readonly reason: string
  constructor(parameters: { proxy: string; reason: string; cause?: unknown }) {
    super(`Proxy ${maskUrl(parameters.proxy)} is unreachable: ${parameters.reason}.`, {
      code: "PROXY_UNREACHABLE",
      cause: parameters.cause,
      metaMessages: ["Check that the proxy is running and that its address and port are right."],
    })
    this.proxy = maskUrl(parameters.proxy)
    this.reason = parameters.reason
  }
}
/**
 * {@link ProxyUnreachableError} narrowed by name.
 *
 * @example
 * function describe(error: ProxyUnreachableErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type ProxyUnreachableErrorType = ProxyUnreachableError & { name: "ProxyUnreachableError" }

/**
 * The proxy rejected the credentials (HTTP 407 or a failed SOCKS5 username/password step).
 *
 * @example
 * new ProxyAuthFailedError({ proxy: "http://user:wrong@127.0.0.1:3128", protocol: "http" })
 */
export class ProxyAuthFailedError extends BaseError {
  override name = "ProxyAuthFailedError"
  readonly proxy: string
  readonly protocol: "http" | "socks5"
  constructor(parameters: { proxy: string; protocol: "http" | "socks5"; cause?: unknown }) {
    const how = parameters.protocol === "http" ? "HTTP 407" : "SOCKS5 username/password rejected"
    super(`Proxy ${maskUrl(parameters.proxy)} rejected the credentials (${how}).`, {
      code: "PROXY_AUTH_FAILED",
      cause: parameters.cause,
      metaMessages: ["Check the user name and password in the proxy URL (user:password@host:port)."],
    })
    this.proxy = maskUrl(parameters.proxy)
    this.protocol = parameters.protocol
  }
}
/**
 * {@link ProxyAuthFailedError} narrowed by name.
 *
 * @example
 * function describe(error: ProxyAuthFailedErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type ProxyAuthFailedErrorType = ProxyAuthFailedError & { name: "ProxyAuthFailedError" }

/**
 * The proxy failed too many times in a row and is benched until `until`.
 *
 * @example
 * new ProxyBannedError({ proxy: "http://127.0.0.1:3128", until: new Date("2026-01-01T00:00:30Z"), failures: 3 })
 */
export class ProxyBannedError extends BaseError {
  override name = "ProxyBannedError"
  readonly proxy: string
  readonly until: Date
  readonly failures: number
  constructor(parameters: { proxy: string; until: Date; failures: number; cause?: unknown }) {
    super(
      `Proxy ${maskUrl(parameters.proxy)} is banned until ${parameters.until.toISOString()} after ${parameters.failures} consecutive failures.`,
      { code: "PROXY_BANNED", cause: parameters.cause },
    )
    this.proxy = maskUrl(parameters.proxy)
    this.until = parameters.until
    this.failures = parameters.failures
  }
}
/**
 * {@link ProxyBannedError} narrowed by name.
 *
 * @example
 * function describe(error: ProxyBannedErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type ProxyBannedErrorType = ProxyBannedError & { name: "ProxyBannedError" }

/**
 * A proxy URL (from config or the proxy file) cannot be used. The URL is masked.
 *
 * @example
 * new ProxyInvalidUrlError({ url: "ftp://user:secret@host:21", reason: "scheme must be one of http, https, socks4, socks5, socks5h", line: 3 })
 */
export class ProxyInvalidUrlError extends BaseError {
  override name = "ProxyInvalidUrlError"
  readonly url: string
  readonly reason: string
  readonly line: number | undefined
  constructor(parameters: {
    url: string
    reason: string
    line?: number | undefined
    source?: string | undefined
  }) {
    const at =
      parameters.line === undefined
        ? ""
        : ` (line ${parameters.line}${parameters.source ? ` of ${parameters.source}` : ""})`
    super(`Invalid proxy URL ${maskUrl(parameters.url)}${at}: ${parameters.reason}.`, {
      code: "PROXY_INVALID_URL",
      metaMessages: [
        "Expected scheme://[user:password@]host:port with scheme http, https, socks4, socks5 or socks5h.",
      ],
    })
    this.url = maskUrl(parameters.url)
    this.reason = parameters.reason
    this.line = parameters.line
  }
}
/**
 * {@link ProxyInvalidUrlError} narrowed by name.
 *
 * @example
 * function describe(error: ProxyInvalidUrlErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type ProxyInvalidUrlErrorType = ProxyInvalidUrlError & { name: "ProxyInvalidUrlError" }

/**
 * The proxy list file could not be read.
 *
 * @example
 * new ProxyListFileError({ path: "./proxies.txt", cause: new Error("ENOENT") })
 */
export class ProxyListFileError extends BaseError {
  override name = "ProxyListFileError"
  readonly path: string
  constructor(parameters: { path: string; cause?: unknown }) {
    const reason = (parameters.cause as { code?: unknown } | undefined)?.code
    super(
      `Cannot read the proxy list file ${parameters.path}${typeof reason === "string" ? ` (${reason})` : ""}.`,
      {
        code: "PROXY_LIST_FILE_UNREADABLE",
        cause: parameters.cause,
      },
    )
    this.path = parameters.path
  }
}
/**
 * {@link ProxyListFileError} narrowed by name.
 *
 * @example
 * function describe(error: ProxyListFileErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type ProxyListFileErrorType = ProxyListFileError & { name: "ProxyListFileError" }

/**
 * Every configured proxy is banned and direct fallback is off.
 *
 * @example
 * new ProxyAllBannedError({ count: 4, nextUnbanAt: new Date("2026-01-01T00:00:30Z") })
 */
export class ProxyAllBannedError extends BaseError {
  override name = "ProxyAllBannedError"
  readonly count: number
  readonly nextUnbanAt: Date | undefined
  constructor(parameters: {
    count: number
    nextUnbanAt?: Date | undefined
    /** Why each proxy failed (masked URLs), when known: e.g. from the start-up check. */
    reason?: readonly string[] | undefined
  }) {
    const next =
      parameters.nextUnbanAt === undefined
        ? ""
        : `; the first comes back at ${parameters.nextUnbanAt.toISOString()}`
    const why = parameters.reason === undefined ? "" : ` (${parameters.reason.join("; ")})`
    super(`All ${parameters.count} proxies are banned${next}${why}.`, {
      code: "PROXY_ALL_BANNED",
      metaMessages: [
        "Run `proxies check`, add working proxies, or allow direct traffic (proxies.direct_fallback = true).",
      ],
    })
    this.count = parameters.count
    this.nextUnbanAt = parameters.nextUnbanAt
  }
}
/**
 * {@link ProxyAllBannedError} narrowed by name.
 *
 * @example
 * function describe(error: ProxyAllBannedErrorType) {
 *   return `${error.code}: ${error.shortMessage}`
 * }
 */
export type ProxyAllBannedErrorType = ProxyAllBannedError & { name: "ProxyAllBannedError" }

/**
 * Every error the proxy layer returns.
 *
 * @example
 * function isAuthProblem(error: ProxyErrorType) { return error.code === "PROXY_AUTH_FAILED" }
 */
export type ProxyErrorType =
  | ProxyUnreachableErrorType
  | ProxyAuthFailedErrorType
  | ProxyBannedErrorType
  | ProxyInvalidUrlErrorType
  | ProxyListFileErrorType
  | ProxyAllBannedErrorType
