import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { risechain } from "./chain.js"
import { packageVersion } from "./packageVersion.js"

const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string
}

describe("the package version", () => {
  it("is the one in package.json, also on the chain definition that runs record", () => {
    expect(packageVersion).toBe(packageJson.version)
    expect(risechain.version).toBe(packageJson.version)
  })

  it("is what the built CLI prints for --version", () => {
    const binary = new URL("../dist/bin.js", import.meta.url)
    expect(execFileSync(process.execPath, [binary.pathname, "--version"], { encoding: "utf8" }).trim()).toBe(
      packageJson.version,
    )
  })
})
