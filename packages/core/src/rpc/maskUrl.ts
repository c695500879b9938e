/** Path segments at least this long are treated as API keys (Infura/Alchemy style `/v3/<key>`). */
const minimumKeyLength = 20
const keyLikeSegment = /^[A-Za-z0-9_-]+$/

/**
 * Returns a URL safe to print: user name and password become `***`, every query value
 * becomes `***`, and path segments that look like API keys (≥ 20 characters of
 * `[A-Za-z0-9_-]`) become `***`. A string that is not a URL has anything between `//`
 * and `@` masked, so a malformed URL with credentials never leaks them either.
 *
 * @example
 * maskUrl("https://user:hunter2@rpc.example.org/v3/0123456789abcdef0123456789?key=abc")
 * // "https://***:***@rpc.example.org/v3/***?key=***"
 */
export function maskUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url.replace(/\/\/[^/@]*@/, "//***@")
  }
  const hasUser = parsed.username !== ""
  const hasPassword = parsed.password !== ""
  const userInfo = hasUser || hasPassword ? `${hasUser ? "***" : ""}${hasPassword ? ":***" : ""}@` : ""
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
