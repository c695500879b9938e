/** Path segments at least this long are treated as API keys (Infura/Alchemy style `/v3/<key>`). */
const minimumKeyLength = 20
const keyLikeSegment = /^[A-Za-z0-9_-]+$/

/**
 * Returns a URL safe to print: the user name and password become `***`, every query value
 * becomes `***`, and path segments that look like API keys (≥ 20 characters of
 * `[A-Za-z0-9_-]` with a digit) become `***`. The fragment is dropped. Text without `//` (a
 * file path, `:memory:`) is returned unchanged.
 *
 * The user info runs from `//` to the LAST `@` before any white space, so a password holding
 * `@`, `/`, `?` or `#` is hidden whole even where a URL parser would split it; an `@` in a query
 * therefore masks the host too (masking too much is harmless, showing a password is not).
 *
 * @example
 * maskUrl("https://user:hunter2@rpc.example.org/v3/0123456789abcdef0123456789?key=abc")
 * // "https://***:***@rpc.example.org/v3/***?key=***"
 * maskUrl("postgres://bob:p@ss/word@db:5432/testnet") // "postgres://***:***@db:5432/testnet"
 * maskUrl("./data/tempo.db") // "./data/tempo.db"
 */
export function maskUrl(url: string): string {
  const slashes = url.indexOf("//")
  if (slashes < 0) return url
  const prefix = url.slice(0, slashes)
  const afterSlashes = url.slice(slashes + 2)
  const word = afterSlashes.match(/^\S*/)?.[0] ?? ""
  const at = word.lastIndexOf("@")
  const userInfo = at < 0 ? "" : word.slice(0, at).includes(":") ? "***:***@" : "***@"
  const rest = at < 0 ? afterSlashes : afterSlashes.slice(at + 1)
  let parsed: URL
  try {
    parsed = new URL(`${prefix}//${rest}`)
  } catch {
    // Not a URL after all (free text around `//`): hide the user info, keep the rest as written.
    return `${prefix}//${userInfo}${rest}`
  }
  const path = parsed.pathname
    .split("/")
    .map((segment) =>
      segment.length >= minimumKeyLength && keyLikeSegment.test(segment) && /\d/.test(segment)
        ? "***"
        : segment,
    )
    .join("/")
  const query = [...parsed.searchParams.keys()].map((name) => `${encodeURIComponent(name)}=***`).join("&")
  const pathPart = path === "/" && !url.endsWith("/") && query === "" ? "" : path
  return `${parsed.protocol}//${userInfo}${parsed.host}${pathPart}${query === "" ? "" : `?${query}`}`
}
