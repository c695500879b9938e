import { execFileSync, spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { findObject, renderKustomization, repositoryRoot } from "./manifests.js"

/**
 * The Dockerfile cannot be built here (no Docker engine on CI), so its two halves are checked
 * where they can fail: its recipe (stages, user, entrypoint) is read from the file, and its
 * production bundle is made with the very `pnpm deploy` command the build stage runs, then run.
 */

const dockerfile = readFileSync(join(repositoryRoot, "Dockerfile"), "utf8")
const stages = dockerfile.split(/^FROM /m).slice(1)
const runtimeStage = stages.at(-1) ?? ""
const buildStage = stages.at(0) ?? ""
// The exact deploy command of the build stage, so this test and the image cannot drift apart.
const deployCommand = /npx --yes pnpm@10 (--filter "@testnet\/\$\{CHAIN\}" deploy [^\n\\]*?) \/deployed/.exec(
  buildStage,
)?.[1]

describe("the Dockerfile", () => {
  it("builds in one stage and runs from a slim Node image as the unprivileged node user", () => {
    expect(stages.length).toBe(2)
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-[a-z]+-slim$/m)
    expect(runtimeStage).toMatch(/^USER node$/m)
    expect(runtimeStage).not.toMatch(/pnpm|apt-get install/)
    expect(runtimeStage).toMatch(/COPY --from=build --chown=node:node \/deployed \/app/)
    expect(runtimeStage).toMatch(/ENTRYPOINT \["node", "\/app\/dist\/bin.js"\]/)
  })

  it("installs production dependencies only, from the lockfile", () => {
    expect(buildStage).toMatch(/install --frozen-lockfile/)
    expect(deployCommand).toContain("--prod")
  })
})

describe("the image's production bundle (pnpm deploy of the chain)", () => {
  let bundle = ""
  beforeAll(() => {
    if (deployCommand === undefined) throw new Error("the Dockerfile has no pnpm deploy command")
    bundle = join(mkdtempSync(join(tmpdir(), "image-bundle-")), "app")
    const argumentsOfDeploy = deployCommand
      // The Dockerfile's build argument, not a template placeholder.
      .replace(`$\{CHAIN}`, "tempo")
      .split(" ")
      .map((part) => part.replaceAll('"', ""))
    execFileSync("npx", ["--yes", "pnpm@10", ...argumentsOfDeploy, "--prefer-offline", bundle], {
      cwd: repositoryRoot,
      stdio: "pipe",
      timeout: 110_000,
    })
  }, 120_000)
  afterAll(() => {
    if (bundle !== "") rmSync(join(bundle, ".."), { recursive: true, force: true })
  })

  function runBundle(argumentsOfBin: readonly string[], environment: Record<string, string> = {}) {
    return spawnSync(process.execPath, [join(bundle, "dist/bin.js"), ...argumentsOfBin], {
      cwd: bundle,
      encoding: "utf8",
      timeout: 60_000,
      env: { PATH: process.env.PATH ?? "", HOME: bundle, ...environment },
    })
  }

  it("has no development dependencies and runs the bin: --version prints the package's version", () => {
    const manifest = JSON.parse(readFileSync(join(bundle, "package.json"), "utf8")) as { version: string }
    const version = runBundle(["--version"])
    expect(version.status, version.stderr).toBe(0)
    expect(version.stdout.trim()).toBe(manifest.version)
    expect(spawnSync("test", ["-e", join(bundle, "node_modules/vitest")]).status).not.toBe(0)
  })

  it("accepts the Kubernetes ConfigMap's config and environment (as the pods get them)", () => {
    const configMap = findObject(renderKustomization(), "ConfigMap", "testnet-config")
    const configPath = join(bundle, "testnet.toml")
    writeFileSync(configPath, configMap.data?.["testnet.toml"] ?? "")
    const listed = runBundle(["tasks", "--config", configPath, "--json"], {
      TESTNET_RPC_URLS: configMap.data?.TESTNET_RPC_URLS ?? "",
    })
    expect(listed.status, listed.stderr).toBe(0)
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBeGreaterThan(10)
  })
})
