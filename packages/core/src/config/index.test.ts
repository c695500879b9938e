import { describe, expect, it } from "vitest"
import * as config from "./index.js"

describe("config barrel", () => {
  it("exports exactly these names", () => {
    expect(Object.keys(config).sort()).toMatchInlineSnapshot(`
      [
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
      ]
    `)
  })
})
