import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  ConfigFileNotFoundError,
  ConfigFileUnreadableError,
  ConfigInvalidValueError,
  ConfigMissingFieldError,
  ConfigParseError,
  ConfigUnknownKeyError,
} from "../errors/config.js"
import { loadConfig } from "./load.js"
import { parseConfig } from "./parse.js"

let directory = ""
let fileCount = 0

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "testnet-config-"))
})
afterAll(async () => {
  await rm(directory, { recursive: true, force: true })
})

async function writeToml(text: string): Promise<string> {
  fileCount++
  const file = join(directory, `case-${fileCount}.toml`)
  await writeFile(file, text)
  return file
}

type ErrorClass =
  | typeof ConfigParseError
  | typeof ConfigInvalidValueError
  | typeof ConfigMissingFieldError
  | typeof ConfigUnknownKeyError

type FileCase = {
  name: string
  toml: string
  errorClass: ErrorClass
  code: string
  keyPath?: string
  line: number
  suggestion?: string
}

const fileCases: FileCase[] = [
  {
    name: "unterminated string",
    toml: 'target_tps = 5\nlog_level = "info\n',
    errorClass: ConfigParseError,
    code: "CONFIG_PARSE_ERROR",
    line: 2,
  },
  {
    name: "key defined twice",
    toml: "workers = 1\nworkers = 2\n",
    errorClass: ConfigParseError,
    code: "CONFIG_PARSE_ERROR",
    line: 2,
  },
  {
    name: "misspelt top-level key",
    toml: '# comment\nrpc_url = ["http://127.0.0.1:8545"]\n',
    errorClass: ConfigUnknownKeyError,
    code: "CONFIG_UNKNOWN_KEY",
    keyPath: "rpc_url",
    line: 2,
    suggestion: "rpc_urls",
  },
  {
    name: "camelCase key in a file",
    toml: "workers = 2\ntargetTps = 5\n",
    errorClass: ConfigUnknownKeyError,
    code: "CONFIG_UNKNOWN_KEY",
    keyPath: "targetTps",
    line: 2,
    suggestion: "target_tps",
  },
  {
    name: "misspelt key inside a table",
    toml: "[gas]\nreplacement_bump_percent = 12\nbase_fee_multiplyer = 2\n",
    errorClass: ConfigUnknownKeyError,
    code: "CONFIG_UNKNOWN_KEY",
    keyPath: "gas.base_fee_multiplyer",
    line: 3,
    suggestion: "gas.base_fee_multiplier",
  },
  {
    name: "zero target TPS",
    toml: "workers = 4\n\ntarget_tps = 0\n",
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "target_tps",
    line: 3,
  },
  {
    name: "number written as text",
    toml: 'target_tps = "fast"\n',
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "target_tps",
    line: 1,
  },
  {
    name: "fractional worker count",
    toml: "workers = 2.5\n",
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "workers",
    line: 1,
  },
  {
    name: "RPC URL with an unsupported scheme",
    toml: 'chain_id = 1\nrpc_urls = [\n  "http://127.0.0.1:8545",\n  "ftp://example.org",\n]\n',
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "rpc_urls[1]",
    line: 2,
  },
  {
    name: "min delay above max delay",
    toml: "max_delay_ms = 100\nmin_delay_ms = 500\n",
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "min_delay_ms",
    line: 2,
  },
  {
    name: "negative task weight",
    toml: "[task_weights]\ntransfer = 1\ndeploy = -1\n",
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "task_weights.deploy",
    line: 3,
  },
  {
    name: "task weight for a malformed task name",
    toml: '[task_weights]\n"bad name" = 1\n',
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "task_weights",
    line: 2,
  },
  {
    name: "empty task filter",
    toml: "tasks = []\n",
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "tasks",
    line: 1,
  },
  {
    name: "keystore source without a path",
    toml: '[wallets]\ncount = 2\n\n[[wallets.sources]]\nkind = "keystore"\n',
    errorClass: ConfigMissingFieldError,
    code: "CONFIG_MISSING_FIELD",
    keyPath: "wallets.sources[0].path",
    line: 4,
  },
  {
    name: "unknown wallet source kind in the second entry",
    toml: '[[wallets.sources]]\nkind = "keystore"\npath = "./keys"\n\n[[wallets.sources]]\nkind = "ledger"\n',
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "wallets.sources[1].kind",
    line: 6,
  },
  {
    name: "field of another wallet source kind",
    toml: '[[wallets.sources]]\nkind = "keys-file"\npath = "keys.txt"\ncount = 3\n',
    errorClass: ConfigUnknownKeyError,
    code: "CONFIG_UNKNOWN_KEY",
    keyPath: "wallets.sources[0].count",
    line: 4,
  },
  {
    name: "wallets given as a number",
    toml: "wallets = 5\n",
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "wallets",
    line: 1,
  },
  {
    name: "unknown proxy mode",
    toml: '[proxies]\nmode = "random"\n',
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "proxies.mode",
    line: 2,
  },
  {
    name: "proxy URL with a bad port",
    toml: '[proxies]\nurls = ["socks5://alice:hunter2@127.0.0.1:99999"]\n',
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "proxies.urls[0]",
    line: 2,
  },
  {
    name: "funder key that is not a key",
    toml: '[funder]\nkey = "0x1234"\n',
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "funder.key",
    line: 2,
  },
  {
    name: "funder address with a bad checksum",
    toml: 'funder.address = "0x52908400098527886e0F7030069857D2E4169EE7"\n',
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "funder.address",
    line: 1,
  },
  {
    name: "fee cap that is not an amount",
    toml: '[gas]\nmax_fee_per_gas = "lots"\n',
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "gas.max_fee_per_gas",
    line: 2,
  },
  {
    name: "priority fee floor above the fee cap",
    toml: '[gas]\nmax_fee_per_gas = "1 gwei"\nmin_priority_fee = "2 gwei"\n',
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "gas.min_priority_fee",
    line: 3,
  },
  {
    name: "unknown log level",
    toml: 'log_level = "verbose"\n',
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "log_level",
    line: 1,
  },
  {
    name: "mnemonic with the wrong word count",
    toml: '[[wallets.sources]]\nkind = "mnemonic"\ncount = 2\nphrase = "alpha bravo charlie"\n',
    errorClass: ConfigInvalidValueError,
    code: "CONFIG_INVALID_VALUE",
    keyPath: "wallets.sources[0].phrase",
    line: 4,
  },
]

describe("loadConfig rejects bad files", () => {
  it.each(fileCases)("$name", async (testCase) => {
    const file = await writeToml(testCase.toml)
    const result = await loadConfig({ file, environment: {} })
    expect(result.isErr()).toBe(true)
    if (!result.isErr()) return
    const error = result.error
    expect(error).toBeInstanceOf(testCase.errorClass)
    expect(error.code).toBe(testCase.code)
    expect(error.message).toContain(file)
    if (error instanceof ConfigParseError) {
      expect(error.line).toBe(testCase.line)
      expect(error.message).toContain(`line ${testCase.line}`)
      return
    }
    if (!("keyPath" in error)) throw new Error(`unexpected ${error.name}`)
    expect(error.keyPath).toBe(testCase.keyPath)
    expect(error.source).toEqual({ kind: "file", file, line: testCase.line })
    expect(error.message).toContain(`${file}:${testCase.line}`)
    if (testCase.suggestion !== undefined && error instanceof ConfigUnknownKeyError) {
      expect(error.suggestion).toBe(testCase.suggestion)
      expect(error.message).toContain(`Did you mean ${testCase.suggestion}?`)
    }
    expect(error.message).not.toContain("hunter2")
    expect(error.message).not.toContain("alpha bravo")
  })

  it("reports a missing file", async () => {
    const file = join(directory, "absent.toml")
    const result = await loadConfig({ file, environment: {} })
    expect(result.isErr() && result.error).toBeInstanceOf(ConfigFileNotFoundError)
    expect(result.isErr() && result.error.code).toBe("CONFIG_FILE_NOT_FOUND")
    expect(result.isErr() && result.error.message).toContain(file)
  })

  it("reports a directory given as the file", async () => {
    const result = await loadConfig({ file: directory, environment: {} })
    expect(result.isErr() && result.error).toBeInstanceOf(ConfigFileUnreadableError)
    expect(result.isErr() && result.error.code).toBe("CONFIG_FILE_UNREADABLE")
  })
})

describe("loadConfig task weights", () => {
  it("accepts a weight of 0 that disables one task; the registry judges the whole selection", async () => {
    const result = await loadConfig({ flags: { taskWeights: { deploy_counter: 0 } }, environment: {} })
    expect(result.isOk() && result.value.taskWeights).toEqual({ deploy_counter: 0 })
  })
})

describe("loadConfig rejects bad environment variables and flags", () => {
  it("names the variable of a value that is not a number", async () => {
    const result = await loadConfig({ environment: { TESTNET_TARGET_TPS: "abc" } })
    const error = result.isErr() ? result.error : undefined
    expect(error).toBeInstanceOf(ConfigInvalidValueError)
    expect(error?.code).toBe("CONFIG_INVALID_VALUE")
    expect(error instanceof ConfigInvalidValueError && error.keyPath).toBe("target_tps")
    expect(error instanceof ConfigInvalidValueError && error.source).toEqual({
      kind: "environment",
      variable: "TESTNET_TARGET_TPS",
    })
  })

  it("rejects a misspelt TESTNET_ variable with a suggestion", async () => {
    const result = await loadConfig({
      environment: { TESTNET_TARGET_TSP: "5", TESTNET_UNRELATED_THING: "x" },
    })
    const error = result.isErr() ? result.error : undefined
    expect(error).toBeInstanceOf(ConfigUnknownKeyError)
    expect(error?.code).toBe("CONFIG_UNKNOWN_KEY")
    expect(error instanceof ConfigUnknownKeyError && error.keyPath).toBe("TESTNET_TARGET_TSP")
    expect(error instanceof ConfigUnknownKeyError && error.suggestion).toBe("TESTNET_TARGET_TPS")
  })

  it("rejects malformed task weights from the environment", async () => {
    const result = await loadConfig({ environment: { TESTNET_TASK_WEIGHTS: "transfer:5" } })
    const error = result.isErr() ? result.error : undefined
    expect(error).toBeInstanceOf(ConfigInvalidValueError)
    expect(error instanceof ConfigInvalidValueError && error.keyPath).toBe("task_weights")
  })

  it("names a bad flag in TypeScript spelling", async () => {
    const result = await loadConfig({ environment: {}, flags: { targetTps: -1 } })
    const error = result.isErr() ? result.error : undefined
    expect(error).toBeInstanceOf(ConfigInvalidValueError)
    expect(error instanceof ConfigInvalidValueError && error.keyPath).toBe("targetTps")
    expect(error instanceof ConfigInvalidValueError && error.source).toEqual({ kind: "flags" })
  })

  it("rejects an unknown flag with a suggestion", async () => {
    const flags = { targetTPS: 1 } as unknown as Parameters<typeof loadConfig>[0] & object
    const result = await loadConfig({ environment: {}, flags: flags as never })
    const error = result.isErr() ? result.error : undefined
    expect(error).toBeInstanceOf(ConfigUnknownKeyError)
    expect(error instanceof ConfigUnknownKeyError && error.keyPath).toBe("targetTPS")
    expect(error instanceof ConfigUnknownKeyError && error.suggestion).toBe("targetTps")
  })

  it("rejects an input that is not an object", () => {
    const result = parseConfig(null)
    expect(result.isErr() && result.error).toBeInstanceOf(ConfigInvalidValueError)
    expect(result.isErr() && result.error.code).toBe("CONFIG_INVALID_VALUE")
  })
})
