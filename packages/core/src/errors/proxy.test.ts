import { describe, expect, it } from "vitest"
import { detectProxyFailure } from "../rpc/proxyFailure.js"
import {
  ProxyAllBannedError,
  ProxyAuthFailedError,
  ProxyBannedError,
  ProxyInvalidUrlError,
  ProxyListFileError,
  ProxyUnreachableError,
} from "./proxy.js"

describe("proxy error messages", () => {
  it("renders every class with passwords masked", () => {
    const until = new Date("2026-01-01T00:00:30.000Z")
    const errors = [
      new ProxyUnreachableError({ proxy: "socks5://alice:s3cret-pw@127.0.0.1:1080", reason: "ECONNREFUSED" }),
      new ProxyAuthFailedError({ proxy: "http://alice:s3cret-pw@127.0.0.1:3128", protocol: "http" }),
      new ProxyAuthFailedError({ proxy: "socks5://alice:s3cret-pw@127.0.0.1:1080", protocol: "socks5" }),
      new ProxyBannedError({ proxy: "http://alice:s3cret-pw@127.0.0.1:3128", until, failures: 3 }),
      new ProxyInvalidUrlError({
        url: "ftp://alice:s3cret-pw@host:21",
        reason: "scheme must be http, https, socks5 or socks5h",
        line: 3,
        source: "proxies.txt",
      }),
      new ProxyListFileError({
        path: "./proxies.txt",
        cause: Object.assign(new Error("nope"), { code: "ENOENT" }),
      }),
      new ProxyAllBannedError({ count: 4, nextUnbanAt: until }),
    ]
    for (const error of errors) expect(error.message).not.toContain("s3cret-pw")
    expect(
      errors.map((error) => `${error.name} ${error.code}\n${error.message}`).join("\n---\n"),
    ).toMatchInlineSnapshot(`
      "ProxyUnreachableError PROXY_UNREACHABLE
      Proxy socks5://***:***@127.0.0.1:1080 is unreachable: ECONNREFUSED.

      Check that the proxy is running and that its address and port are right.
      ---
      ProxyAuthFailedError PROXY_AUTH_FAILED
      Proxy http://***:***@127.0.0.1:3128 rejected the credentials (HTTP 407).

      Check the user name and password in the proxy URL (user:password@host:port).
      ---
      ProxyAuthFailedError PROXY_AUTH_FAILED
      Proxy socks5://***:***@127.0.0.1:1080 rejected the credentials (SOCKS5 username/password rejected).

      Check the user name and password in the proxy URL (user:password@host:port).
      ---
      ProxyBannedError PROXY_BANNED
      Proxy http://***:***@127.0.0.1:3128 is banned until 2026-01-01T00:00:30.000Z after 3 consecutive failures.
      ---
      ProxyInvalidUrlError PROXY_INVALID_URL
      Invalid proxy URL ftp://***:***@host (line 3 of proxies.txt): scheme must be http, https, socks5 or socks5h.

      Expected scheme://[user:password@]host:port with scheme http, https, socks4, socks5 or socks5h.
      ---
      ProxyListFileError PROXY_LIST_FILE_UNREADABLE
      Cannot read the proxy list file ./proxies.txt (ENOENT).
      ---
      ProxyAllBannedError PROXY_ALL_BANNED
      All 4 proxies are banned; the first comes back at 2026-01-01T00:00:30.000Z.

      Run \`proxies check\`, add working proxies, or allow direct traffic (proxies.direct_fallback = true)."
    `)
  })
})

describe("detectProxyFailure", () => {
  const http = "http://alice:s3cret-pw@127.0.0.1:3128"
  const socks = "socks5://alice:s3cret-pw@127.0.0.1:1080"

  it("recognises authentication failures of both kinds", () => {
    const tunnel407 = Object.assign(new Error("Proxy response (407) !== 200 when HTTP Tunneling"), {
      code: "UND_ERR_ABORTED",
    })
    expect(detectProxyFailure(tunnel407, http)?.code).toBe("PROXY_AUTH_FAILED")
    expect(detectProxyFailure(new Error("Proxy Authentication Required (407)"), http)?.code).toBe(
      "PROXY_AUTH_FAILED",
    )
    const socksAuth = Object.assign(new Error("Socks5 Authentication failed"), { name: "SocksClientError" })
    expect(detectProxyFailure(socksAuth, socks)).toMatchObject({
      code: "PROXY_AUTH_FAILED",
      protocol: "socks5",
    })
  })

  it("recognises an unreachable proxy and a refused tunnel", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1080"), { code: "ECONNREFUSED" })
    expect(detectProxyFailure(new TypeError("fetch failed", { cause: refused }), socks)?.code).toBe(
      "PROXY_UNREACHABLE",
    )
    const tunnel = new Error("Proxy response (502) !== 200 when HTTP Tunneling")
    expect(detectProxyFailure(tunnel, http)?.message).toContain("tunnel refused with HTTP 502")
  })

  it("ignores failures that do not involve the proxy", () => {
    expect(detectProxyFailure(new Error("Unexpected token < in JSON"), http)).toBeUndefined()
  })
})
