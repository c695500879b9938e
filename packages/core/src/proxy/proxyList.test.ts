import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { loadProxyList, parseProxyList, parseProxyUrl } from "./proxyList.js"

let directory: string
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "proxy-list-"))
})
afterAll(async () => {
  await rm(directory, { recursive: true, force: true })
})

describe("parseProxyUrl", () => {
  it("parses URLs with credentials and the list shorthands", () => {
    expect(parseProxyUrl("socks5://alice:p%40ss@127.0.0.1:1080").unwrap()).toEqual({
      url: "socks5://alice:p%40ss@127.0.0.1:1080",
      protocol: "socks5",
      host: "127.0.0.1",
      port: 1080,
      username: "alice",
      password: "p@ss",
      label: "socks5://***:***@127.0.0.1:1080",
    })
    expect(parseProxyUrl("10.1.2.3:3128").unwrap()).toMatchObject({ protocol: "http", port: 3128 })
    expect(parseProxyUrl("10.1.2.3:3128:bob:pw").unwrap()).toMatchObject({ username: "bob", password: "pw" })
    expect(parseProxyUrl("https://proxy.example").unwrap()).toMatchObject({
      port: 443,
      url: "https://proxy.example:443",
    })
    expect(parseProxyUrl("http://[::1]:8080").unwrap()).toMatchObject({ host: "::1", port: 8080 })
  })

  it("rejects bad URLs without echoing passwords", () => {
    for (const text of [
      "ftp://u:hidden-pw@host:21",
      "http://u:hidden-pw@host:80/path",
      "just-a-host",
      "a:b:c",
    ]) {
      const parsed = parseProxyUrl(text)
      expect(parsed.isErr() && parsed.error.code).toBe("PROXY_INVALID_URL")
      expect(parsed.isErr() && parsed.error.message).not.toContain("hidden-pw")
    }
  })
})

describe("proxy lists", () => {
  it("skips comments and blank lines, drops duplicates, and names the bad line", () => {
    const list = parseProxyList(
      "# pool\n\nhttp://127.0.0.1:3128\nhttp://127.0.0.1:3128 # again\nsocks5://u:p@127.0.0.1:1080\n",
    )
    expect(list.unwrap().map((proxy) => proxy.label)).toEqual([
      "http://127.0.0.1:3128",
      "socks5://***:***@127.0.0.1:1080",
    ])
    const bad = parseProxyList("http://127.0.0.1:3128\nnot a proxy\n", "proxies.txt")
    expect(bad.isErr() && bad.error.message).toContain("line 2 of proxies.txt")
  })

  it("loads inline URLs plus a file", async () => {
    const file = join(directory, "proxies.txt")
    await writeFile(file, "socks5://u:p@127.0.0.1:1080\r\nhttp://127.0.0.1:3128\r\n")
    const loaded = await loadProxyList({ urls: ["http://127.0.0.1:3128"], file })
    expect(loaded.unwrap().map((proxy) => proxy.protocol)).toEqual(["http", "socks5"])
    const missing = await loadProxyList({ file: join(directory, "nope.txt") })
    expect(missing.isErr() && missing.error.code).toBe("PROXY_LIST_FILE_UNREADABLE")
  })
})
