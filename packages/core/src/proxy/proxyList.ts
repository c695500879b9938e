import { readFile } from "node:fs/promises"
import {
  ProxyInvalidUrlError,
  type ProxyInvalidUrlErrorType,
  ProxyListFileError,
  type ProxyListFileErrorType,
} from "../errors/proxy.js"
import { maskUrl } from "../redaction/maskUrl.js"
import { Err, Ok, type Result } from "../result.js"

/**
 * The proxy schemes the framework accepts, in one list that the config schema and the parser
 * share: HTTP/HTTPS (CONNECT tunnels), SOCKS4 and SOCKS5 (`socks5h`: the proxy resolves the
 * host name, which is what the SOCKS client does for names anyway).
 *
 * @example
 * proxyProtocols.includes("socks4") // true
 */
export const proxyProtocols = ["http", "https", "socks4", "socks5", "socks5h"] as const

/**
 * A proxy scheme from {@link proxyProtocols}.
 *
 * @example
 * const protocol: ProxyProtocol = "socks5"
 */
export type ProxyProtocol = (typeof proxyProtocols)[number]

function isProxyProtocol(protocol: string): protocol is ProxyProtocol {
  return (proxyProtocols as readonly string[]).includes(protocol)
}

/**
 * A parsed proxy. `url` keeps the credentials (never print it); `label` is masked.
 *
 * @example
 * const proxy: ProxyEndpoint = parseProxyUrl("http://127.0.0.1:3128").unwrap()
 */
export type ProxyEndpoint = {
  readonly url: string
  readonly protocol: ProxyProtocol
  readonly host: string
  readonly port: number
  readonly username: string | undefined
  readonly password: string | undefined
  /** The URL with credentials masked, for logs and diagnostics. */
  readonly label: string
}

const defaultPorts: Record<ProxyProtocol, number> = {
  http: 80,
  https: 443,
  socks4: 1080,
  socks5: 1080,
  socks5h: 1080,
}

/**
 * Where a proxy line came from, for error messages.
 *
 * @example
 * parseProxyUrl(line, { line: 3, source: "proxies.txt" })
 */
export type ProxySource = { line?: number; source?: string }

/**
 * Parses one proxy: `scheme://[user:password@]host[:port]` with a scheme of {@link proxyProtocols}, or the common list shorthands `host:port` (HTTP) and `host:port:user:password`.
 *
 * @example
 * parseProxyUrl("socks5://alice:pw@127.0.0.1:1080").unwrap().label // "socks5://***:***@127.0.0.1:1080"
 * parseProxyUrl("10.0.0.1:3128:alice:pw").unwrap().protocol // "http"
 */
export function parseProxyUrl(
  text: string,
  where: ProxySource = {},
): Result<ProxyEndpoint, ProxyInvalidUrlErrorType> {
  const trimmed = text.trim()
  const invalid = (reason: string) =>
    Err(
      new ProxyInvalidUrlError({
        url: trimmed,
        reason,
        line: where.line,
        source: where.source,
      }) as ProxyInvalidUrlErrorType,
    )
  let candidate = trimmed
  if (!candidate.includes("://")) {
    const parts = candidate.split(":")
    if (parts.length === 2) candidate = `http://${candidate}`
    else if (parts.length === 4) {
      const [host, port, user, password] = parts as [string, string, string, string]
      candidate = `http://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}`
    } else return invalid("expected scheme://[user:password@]host:port, host:port or host:port:user:password")
  }
  let parsed: URL
  try {
    parsed = new URL(candidate)
  } catch {
    return invalid("not a URL")
  }
  const protocol = parsed.protocol.replace(/:$/, "")
  if (!isProxyProtocol(protocol)) return invalid(`scheme must be one of ${proxyProtocols.join(", ")}`)
  if (parsed.hostname === "") return invalid("missing host")
  if (parsed.pathname !== "" && parsed.pathname !== "/") return invalid("a proxy URL has no path")
  const port = parsed.port === "" ? defaultPorts[protocol] : Number(parsed.port)
  const username = parsed.username === "" ? undefined : decodeURIComponent(parsed.username)
  const password = parsed.password === "" ? undefined : decodeURIComponent(parsed.password)
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1")
  const url = `${protocol}://${parsed.username === "" ? "" : `${parsed.username}${parsed.password === "" ? "" : `:${parsed.password}`}@`}${parsed.host}${parsed.port === "" ? `:${port}` : ""}`
  return Ok({ url, protocol, host, port, username, password, label: maskUrl(url) })
}

/**
 * Parses a proxy list: one proxy per line; blank lines and `#` comments are skipped.
 * Fails on the first invalid line (with its number); duplicates are dropped.
 *
 * @example
 * parseProxyList("# pool A\nhttp://127.0.0.1:3128\nsocks5://u:p@127.0.0.1:1080\n").unwrap().length // 2
 */
export function parseProxyList(
  text: string,
  source?: string,
): Result<ProxyEndpoint[], ProxyInvalidUrlErrorType> {
  const proxies: ProxyEndpoint[] = []
  const seen = new Set<string>()
  const lines = text.split(/\r?\n/)
  for (const [index, line] of lines.entries()) {
    const content = line.replace(/#.*$/, "").trim()
    if (content === "") continue
    const parsed = parseProxyUrl(content, { line: index + 1, ...(source === undefined ? {} : { source }) })
    if (parsed.isErr()) return parsed
    if (seen.has(parsed.value.url)) continue
    seen.add(parsed.value.url)
    proxies.push(parsed.value)
  }
  return Ok(proxies)
}

/**
 * Loads proxies from config: inline `urls` plus an optional `file` (one URL per line),
 * de-duplicated, in that order.
 *
 * @example
 * const proxies = await loadProxyList({ urls: config.proxies.urls, file: config.proxies.file })
 */
export async function loadProxyList(parameters: {
  urls?: readonly string[]
  file?: string | undefined
}): Promise<Result<ProxyEndpoint[], ProxyInvalidUrlErrorType | ProxyListFileErrorType>> {
  const inline = parseProxyList((parameters.urls ?? []).join("\n"), "proxies.urls")
  if (inline.isErr()) return inline
  if (parameters.file === undefined) return inline
  let text: string
  try {
    text = await readFile(parameters.file, "utf8")
  } catch (cause) {
    return Err(new ProxyListFileError({ path: parameters.file, cause }) as ProxyListFileErrorType)
  }
  const fromFile = parseProxyList(text, parameters.file)
  if (fromFile.isErr()) return fromFile
  const seen = new Set(inline.value.map((proxy) => proxy.url))
  return Ok([...inline.value, ...fromFile.value.filter((proxy) => !seen.has(proxy.url))])
}
