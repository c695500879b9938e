import { readdirSync, statSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const sourceDirectory = dirname(fileURLToPath(import.meta.url))

// Names src/index.ts exports from a file rather than a folder barrel.
const entryOwnNames = [
  "AsyncResult",
  "BaseError",
  "Err",
  "Ok",
  "Result",
  // TODO(issue 17): the task harness leaves the root for the `/testing` entry.
  "startTaskRunner",
]

/** Every folder of src/ that has an `index.ts` barrel, sorted (testing/ is its own entry). */
function listBarrelFolders(): string[] {
  return readdirSync(sourceDirectory)
    .filter((name) => name !== "testing" && statSync(join(sourceDirectory, name)).isDirectory())
    .filter((name) => {
      try {
        return statSync(join(sourceDirectory, name, "index.ts")).isFile()
      } catch {
        return false
      }
    })
    .sort()
}

async function importBarrel(folder: string): Promise<Record<string, unknown>> {
  // A computed specifier: Vite leaves it alone and resolves the absolute path like any import.
  const specifier = join(sourceDirectory, folder, "index.ts")
  return (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>
}

describe("@testnet/core entry", () => {
  // The foundation folders' public names in one place, so an API change shows up in review.
  // Folders still being built (cli, devnet, runner, signing, report, metrics) keep their own
  // barrel snapshots for now.
  it("exports these names from the foundation barrels and from its own files", async () => {
    const foundationFolders = [
      "config",
      "database",
      "gas",
      "logging",
      "nonce",
      "proxy",
      "redaction",
      "rpc",
      "tasks",
      "wallet",
    ]
    const names: Record<string, string[]> = {}
    for (const folder of foundationFolders) names[folder] = Object.keys(await importBarrel(folder)).sort()
    const entry = (await import("./index.js")) as Record<string, unknown>
    names["index.ts (own files)"] = entryOwnNames.filter((name) => name in entry)
    expect(names).toMatchInlineSnapshot(`
      {
        "config": [
          "ConfigFileNotFoundError",
          "ConfigFileUnreadableError",
          "ConfigInvalidValueError",
          "ConfigMissingFieldError",
          "ConfigParseError",
          "ConfigUnknownKeyError",
          "configDefaults",
          "configEnvironmentVariables",
          "configToToml",
          "defineConfig",
          "describeConfigSource",
          "isSecretKeyPath",
          "loadConfig",
          "parseConfig",
          "parseConfigToml",
          "redactConfig",
          "resolveDatabaseUrl",
        ],
        "database": [
          "DatabaseBusyError",
          "DatabaseConstraintError",
          "DatabaseError",
          "DatabaseMigrationError",
          "DatabaseOpenError",
          "DatabasePathError",
          "DatabaseSchemaTooNewError",
          "DatabaseWriteError",
          "SCHEMA_VERSION",
          "closeCrashedRuns",
          "createMigrationProvider",
          "createRecorder",
          "createTaskDatabase",
          "getMigrations",
          "getSchemaVersion",
          "heartbeatRun",
          "isPostgresUrl",
          "migrateDatabase",
          "openDatabase",
          "pendingRowsOfFinishedRuns",
          "percentile",
          "prepareDatabasePath",
          "sanitizeConfig",
        ],
        "gas": [
          "GasCapBelowBaseFeeError",
          "GasEstimationFailedError",
          "GasFeeAboveCapError",
          "GasFeesUnavailableError",
          "bumpFees",
          "bumpValue",
          "checkFeePlan",
          "createGasLimitCache",
          "createGasManager",
          "defineFeePolicy",
          "multiplyCeil",
          "policyMaxFeePerGas",
          "replacementFees",
        ],
        "index.ts (own files)": [
          "AsyncResult",
          "BaseError",
          "Err",
          "Ok",
          "Result",
          "startTaskRunner",
        ],
        "logging": [
          "createLogger",
          "getRedactionPaths",
          "redactionDepth",
          "withCorrelation",
        ],
        "nonce": [
          "NonceGapDetectedError",
          "NonceLaneNotInitialisedError",
          "NonceReservationSettledError",
          "NonceResyncFailedError",
          "classifyRejection",
          "createNonceManager",
          "getLaneKey",
          "nonceRejectionCodes",
        ],
        "proxy": [
          "ProxyAllBannedError",
          "ProxyAuthFailedError",
          "ProxyBannedError",
          "ProxyInvalidUrlError",
          "ProxyListFileError",
          "ProxyUnreachableError",
          "checkProxy",
          "createProxyDispatcher",
          "createProxyManager",
          "detectProxyFailure",
          "getDispatcherProxy",
          "labelDispatcher",
          "loadProxyList",
          "mapWithConcurrency",
          "observeDispatcher",
          "parseProxyList",
          "parseProxyUrl",
        ],
        "redaction": [
          "SecretExposureError",
          "assertNoSecrets",
          "isSecretFieldName",
          "maskUrl",
          "redactSecretText",
          "redactSecrets",
          "redactedPlaceholder",
          "secretFieldNames",
        ],
        "rpc": [
          "RpcAlreadyKnownError",
          "RpcConnectionRefusedError",
          "RpcExecutionRevertedError",
          "RpcHttpStatusError",
          "RpcInsufficientFundsError",
          "RpcIntrinsicGasTooLowError",
          "RpcInvalidResponseError",
          "RpcMethodNotFoundError",
          "RpcNodeError",
          "RpcNonceTooHighError",
          "RpcNonceTooLowError",
          "RpcRateLimitedError",
          "RpcReplacementUnderpricedError",
          "RpcTimeoutError",
          "RpcUnsupportedTransportError",
          "backoffDelayMs",
          "classifyRpcError",
          "createBatchingQueue",
          "createEndpointHealth",
          "createRateLimiter",
          "createRpcClient",
          "createWebSocketConnection",
          "decodeRevertData",
          "defaultBackoffPolicy",
          "isAcceptedSend",
          "isJsonRpcErrorObject",
          "isRetryableRpcError",
          "parseRetryAfter",
          "postJsonRpc",
          "prepareEndpoint",
          "retryDelayMs",
        ],
        "tasks": [
          "TaskDuplicateNameError",
          "TaskExpectedFailureDidNotFailError",
          "TaskFailedError",
          "TaskInvalidWeightsError",
          "TaskNotFoundError",
          "TaskTimedOutError",
          "checkCleanRun",
          "createRandom",
          "createTaskOutcome",
          "createTaskRegistry",
          "defaultGasPerTask",
          "defaultStartDefaults",
          "defineCatalog",
          "defineChain",
          "defineTask",
          "deployContract",
          "describeFee",
          "feeBaseUnits",
          "feeTokenOf",
          "findOrDeployContract",
          "findTaskNameLiterals",
          "formatUnits",
          "getDevnetOptions",
          "hasCode",
          "nativeFeeCurrency",
          "readValue",
          "sendAndConfirm",
          "sendExpectingRevert",
          "succeeded",
          "taskFailure",
          "waitForForeignReceipts",
        ],
        "wallet": [
          "WalletAddressMismatchError",
          "WalletDecryptionFailedError",
          "WalletDuplicateAddressError",
          "WalletEmptySourceError",
          "WalletFileAccessError",
          "WalletFileExistsError",
          "WalletInvalidKeyFormatError",
          "WalletInvalidKeyLengthError",
          "WalletInvalidMnemonicError",
          "WalletKeystoreInvalidError",
          "WalletNotFoundError",
          "WalletPasswordRequiredError",
          "clearKeystoreCache",
          "createWallet",
          "createWalletPool",
          "decryptKeystore",
          "defaultDerivationPath",
          "defaultScryptParameters",
          "encryptKeystore",
          "exportAddressesCsv",
          "exportPrivateKey",
          "generateKeystores",
          "getWallet",
          "importKeys",
          "isWallet",
          "listKeystoreAddresses",
          "loadWallets",
          "mnemonicVariable",
          "needsPassword",
          "passwordVariable",
          "readPassword",
        ],
      }
    `)
  })

  it("re-exports every name of every folder barrel, each bound to the barrel's own value", async () => {
    const entry = (await import("./index.js")) as Record<string, unknown>
    const missing: string[] = []
    const shadowed: string[] = []
    for (const folder of listBarrelFolders()) {
      const barrel = await importBarrel(folder)
      for (const [name, value] of Object.entries(barrel)) {
        // Two `export *` lines exporting different bindings under one name make the name
        // ambiguous: ESM silently drops it from the entry, and TypeScript does not always say so.
        if (!(name in entry)) missing.push(`${folder}: ${name}`)
        else if (entry[name] !== value) shadowed.push(`${folder}: ${name}`)
      }
    }
    expect({ missing, shadowed }).toEqual({ missing: [], shadowed: [] })
  })

  it("exports nothing that does not come from a folder barrel or its own list", async () => {
    const entry = (await import("./index.js")) as Record<string, unknown>
    const fromBarrels = new Set<string>(entryOwnNames)
    for (const folder of listBarrelFolders())
      for (const name of Object.keys(await importBarrel(folder))) fromBarrels.add(name)
    expect(Object.keys(entry).filter((name) => !fromBarrels.has(name))).toEqual([])
  })
})
