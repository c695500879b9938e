import { describe, expect, it } from "vitest"
import {
  ConfigFileNotFoundError,
  ConfigFileUnreadableError,
  ConfigInvalidValueError,
  ConfigMissingFieldError,
  ConfigParseError,
  ConfigUnknownKeyError,
} from "./config.js"

const privateKey = `0x${"ab".repeat(32)}`
const phrase = "test test test test test test test test test test test junk"

describe("config errors", () => {
  it("renders ConfigFileNotFoundError", () => {
    const error = new ConfigFileNotFoundError({ path: "testnet.toml" })
    expect(error.code).toBe("CONFIG_FILE_NOT_FOUND")
    expect(error.message).toMatchInlineSnapshot(`
      "Config file testnet.toml was not found.

      Check the path given with --config (relative paths start at the working directory), or create the file.
      docs/configuration.md lists every key with its type, default and environment variable."
    `)
  })

  it("renders ConfigFileUnreadableError", () => {
    const error = new ConfigFileUnreadableError({ path: "configs", reason: "it is a directory" })
    expect(error.code).toBe("CONFIG_FILE_UNREADABLE")
    expect(error.message).toMatchInlineSnapshot(`
      "Config file configs cannot be read: it is a directory.

      Point --config at a readable TOML file."
    `)
  })

  it("renders ConfigParseError", () => {
    const error = new ConfigParseError({
      path: "testnet.toml",
      line: 3,
      column: 14,
      reason: "unterminated string",
    })
    expect(error.code).toBe("CONFIG_PARSE_ERROR")
    expect(error.message).toMatchInlineSnapshot(`
      "Config file testnet.toml is not valid TOML at line 3, column 14: unterminated string.

      Fix the syntax at that position: strings need quotes, tables need [brackets], a key may appear only once."
    `)
  })

  it("renders ConfigInvalidValueError with each kind of source", () => {
    const fromFile = new ConfigInvalidValueError({
      keyPath: "target_tps",
      value: -5,
      reason: "must be greater than 0",
      source: { kind: "file", file: "testnet.toml", line: 2 },
    })
    expect(fromFile.code).toBe("CONFIG_INVALID_VALUE")
    expect(fromFile.message).toMatchInlineSnapshot(`
      "Invalid value for target_tps in testnet.toml:2: must be greater than 0 (got -5).

      docs/configuration.md lists every key with its type, default and environment variable."
    `)
    const fromEnvironment = new ConfigInvalidValueError({
      keyPath: "workers",
      value: "many",
      reason: "must be a number",
      source: { kind: "environment", variable: "TESTNET_WORKERS" },
    })
    expect(fromEnvironment.message).toMatchInlineSnapshot(`
      "Invalid value for workers (from TESTNET_WORKERS): must be a number (got "many").

      Fix or unset the environment variable TESTNET_WORKERS.
      docs/configuration.md lists every key with its type, default and environment variable."
    `)
    const fromFlags = new ConfigInvalidValueError({
      keyPath: "logLevel",
      value: "loud",
      reason: 'must be one of "trace", "debug", "info", "warn", "error", "silent"',
      source: { kind: "flags" },
    })
    expect(fromFlags.message).toMatchInlineSnapshot(`
      "Invalid value for logLevel (from the command-line flags): must be one of "trace", "debug", "info", "warn", "error", "silent" (got "loud").

      Fix the command-line flag that sets logLevel.
      docs/configuration.md lists every key with its type, default and environment variable."
    `)
  })

  it("redacts secret values in ConfigInvalidValueError", () => {
    const cases = [
      new ConfigInvalidValueError({ keyPath: "funder.key", value: privateKey, reason: "must be a key" }),
      new ConfigInvalidValueError({
        keyPath: "wallets.sources[0].phrase",
        value: phrase,
        reason: "must be a phrase",
      }),
      new ConfigInvalidValueError({ keyPath: "password", value: "hunter2", reason: "must be long" }),
      new ConfigInvalidValueError({ keyPath: "funder.key.inner", value: "hunter2", reason: "must be a key" }),
      new ConfigInvalidValueError({
        keyPath: "proxies.urls[0]",
        value: "socks5://alice:hunter2@127.0.0.1:notaport",
        reason: "must be a URL",
      }),
    ]
    for (const error of cases) {
      expect(error.message).not.toContain("hunter2")
      expect(error.message).not.toContain("ab".repeat(32))
      expect(error.message).not.toContain("junk")
      expect(JSON.stringify(error)).not.toContain("hunter2")
      expect(error.value).toContain("[redacted]")
    }
    expect(cases[0]?.message).toMatchInlineSnapshot(`
      "Invalid value for funder.key: must be a key (got [redacted]).

      docs/configuration.md lists every key with its type, default and environment variable."
    `)
    expect(cases[4]?.message).toMatchInlineSnapshot(`
      "Invalid value for proxies.urls[0]: must be a URL (got "socks5://alice:[redacted]@127.0.0.1:notaport").

      docs/configuration.md lists every key with its type, default and environment variable."
    `)
  })

  it("renders ConfigMissingFieldError", () => {
    const error = new ConfigMissingFieldError({
      keyPath: "wallets.sources[0].path",
      expected: "a string",
      source: { kind: "file", file: "testnet.toml", line: 7 },
    })
    expect(error.code).toBe("CONFIG_MISSING_FIELD")
    expect(error.message).toMatchInlineSnapshot(`
      "Missing required config field wallets.sources[0].path in testnet.toml:7.

      Add wallets.sources[0].path (a string).
      docs/configuration.md lists every key with its type, default and environment variable."
    `)
  })

  it("renders ConfigUnknownKeyError with and without a suggestion", () => {
    const close = new ConfigUnknownKeyError({
      keyPath: "rpc_url",
      suggestion: "rpc_urls",
      source: { kind: "file", file: "testnet.toml", line: 1 },
    })
    expect(close.code).toBe("CONFIG_UNKNOWN_KEY")
    expect(close.message).toMatchInlineSnapshot(`
      "Unknown config key rpc_url in testnet.toml:1.

      Did you mean rpc_urls?
      Remove or rename rpc_url; docs/configuration.md lists every key with its type, default and environment variable."
    `)
    const variable = new ConfigUnknownKeyError({
      keyPath: "TESTNET_TARGET_TSP",
      suggestion: "TESTNET_TARGET_TPS",
      source: { kind: "environment", variable: "TESTNET_TARGET_TSP" },
    })
    expect(variable.message).toMatchInlineSnapshot(`
      "Unknown environment variable TESTNET_TARGET_TSP.

      Did you mean TESTNET_TARGET_TPS?
      Remove or rename TESTNET_TARGET_TSP; docs/configuration.md lists every key with its type, default and environment variable."
    `)
    const pasted = new ConfigUnknownKeyError({ keyPath: `funder.${privateKey}` })
    expect(pasted.message).not.toContain("ab".repeat(32))
    expect(pasted.keyPath).toBe("funder.[redacted]")
    const far = new ConfigUnknownKeyError({ keyPath: "banana", source: { kind: "input" } })
    expect(far.suggestion).toBeUndefined()
    expect(far.message).toMatchInlineSnapshot(`
      "Unknown config key banana.

      Remove or rename banana; docs/configuration.md lists every key with its type, default and environment variable."
    `)
  })
})
