import { existsSync } from "node:fs"
import { describe, expect, it } from "vitest"
import {
  findObject,
  type KubernetesObject,
  kubernetesFolder,
  readManifest,
  renderKustomization,
} from "./manifests.js"

/**
 * Invariants of deploy/kubernetes that a wrong edit would break silently until a cluster run:
 * the Indexed Job's shard count, `--shard auto`, secrets only from Secrets, config from the
 * ConfigMap, an unprivileged pod, and a PostgreSQL the database URL points at.
 */

type EnvironmentVariable = {
  name: string
  value?: string
  valueFrom?: {
    fieldRef?: { fieldPath: string }
    secretKeyRef?: { name: string; key: string }
    configMapKeyRef?: { name: string; key: string }
  }
}

const objects = renderKustomization()
const job = findObject(objects, "Job")
const podSpec = job.spec.template.spec
const [container] = podSpec.containers as {
  args: string[]
  env: EnvironmentVariable[]
  securityContext: Record<string, unknown>
  volumeMounts: { name: string; mountPath: string }[]
}[]
if (container === undefined) throw new Error("the Job has no container")
const environment = new Map(container.env.map((variable) => [variable.name, variable]))

function argumentAfter(flag: string): string | undefined {
  const index = container?.args.indexOf(flag) ?? -1
  return index < 0 ? undefined : container?.args[index + 1]
}

describe("the Kubernetes Indexed Job", () => {
  it("runs one pod per shard: Indexed, completions = parallelism = TESTNET_SHARD_COUNT", () => {
    expect(job.spec.completionMode).toBe("Indexed")
    expect(job.spec.completions).toBeGreaterThan(1)
    expect(job.spec.parallelism).toBe(job.spec.completions)
    expect(Number(environment.get("TESTNET_SHARD_COUNT")?.value)).toBe(job.spec.completions)
  })

  it("starts every pod with --shard auto, so the shard comes from JOB_COMPLETION_INDEX", () => {
    expect(container.args[0]).toBe("start")
    expect(argumentAfter("--shard")).toBe("auto")
    // Kubernetes sets JOB_COMPLETION_INDEX itself in Indexed mode; a manifest value would override it.
    expect(environment.has("JOB_COMPLETION_INDEX")).toBe(false)
    expect(podSpec.restartPolicy).toBe("Never")
  })

  it("names one campaign for all its pods: TESTNET_CAMPAIGN is the Job's own uid", () => {
    const campaign = environment.get("TESTNET_CAMPAIGN")
    expect(campaign?.value).toBeUndefined()
    // Set by the Job controller on every pod it creates, unique per Job object.
    expect(campaign?.valueFrom?.fieldRef?.fieldPath).toBe(
      "metadata.labels['batch.kubernetes.io/controller-uid']",
    )
    expect(container.args).not.toContain("--campaign")
  })

  it("takes the funder key, wallet password and database URL from a Secret, never a literal", () => {
    for (const name of ["TESTNET_FUNDER_KEY", "TESTNET_WALLET_PASSWORD", "TESTNET_DATABASE"]) {
      const variable = environment.get(name)
      expect(variable?.value, name).toBeUndefined()
      expect(variable?.valueFrom?.secretKeyRef, name).toBeDefined()
    }
    expect(container.args.join(" ")).not.toMatch(/postgres:\/\/|0x[0-9a-fA-F]{64}/)
  })

  it("reads --config from the ConfigMap mounted read-only, and the ConfigMap holds that file", () => {
    const configPath = argumentAfter("--config")
    expect(configPath).toBeDefined()
    const mount = container.volumeMounts.find((candidate) =>
      configPath?.startsWith(`${candidate.mountPath}/`),
    )
    expect(mount, "no volume is mounted at the --config path").toBeDefined()
    const volume = (
      podSpec.volumes as {
        name: string
        configMap?: { name: string; items?: { key: string; path: string }[] }
      }[]
    ).find((candidate) => candidate.name === mount?.name)
    const configMap = findObject(objects, "ConfigMap", volume?.configMap?.name)
    const fileName = configPath?.slice((mount?.mountPath.length ?? 0) + 1)
    const item = volume?.configMap?.items?.find((candidate) => candidate.path === fileName)
    expect(configMap.data?.[item?.key ?? fileName ?? ""], "the ConfigMap lacks the config file").toBeTypeOf(
      "string",
    )
  })

  it("runs unprivileged with a read-only root filesystem and writable data and tmp volumes", () => {
    expect(podSpec.securityContext.runAsNonRoot).toBe(true)
    expect(podSpec.securityContext.runAsUser).toBeGreaterThan(0)
    expect(container.securityContext.allowPrivilegeEscalation).toBe(false)
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true)
    const mounted = container.volumeMounts.map((mount) => mount.mountPath)
    expect(mounted).toEqual(expect.arrayContaining(["/app/data", "/tmp"]))
  })
})

describe("the optional funding Job (the shards can fund themselves under the funding lock)", () => {
  const [fundJob] = readManifest(`${kubernetesFolder}fund-job.yaml`)
  const fundPod = fundJob?.spec.template.spec
  const fundContainer = fundPod?.containers[0] as { args: string[]; env: EnvironmentVariable[] } | undefined

  it("funds the shards' wallets from one process with the shards' own config", () => {
    expect(fundJob?.kind).toBe("Job")
    expect(fundJob?.spec.completionMode).toBeUndefined()
    expect(fundJob?.spec.parallelism).toBe(1)
    expect(fundContainer?.args.slice(0, 2)).toEqual(["wallets", "fund"])
    const configIndex = fundContainer?.args.indexOf("--config") ?? -1
    expect(fundContainer?.args[configIndex + 1]).toBe(argumentAfter("--config"))
    expect(fundPod.volumes).toEqual(
      expect.arrayContaining(podSpec.volumes.filter((volume: { configMap?: unknown }) => volume.configMap)),
    )
    // All shards' wallets: no --shard, no --wallets override of the config's count.
    expect(fundContainer?.args).not.toContain("--shard")
    expect(fundContainer?.args).not.toContain("--wallets")
  })

  it("is applied on its own, with the shards' funder key and database (so it takes their funding lock)", () => {
    const resources = readManifest(`${kubernetesFolder}kustomization.yaml`)[0]?.resources ?? []
    expect(resources).not.toContain("fund-job.yaml")
    for (const name of ["TESTNET_FUNDER_KEY", "TESTNET_DATABASE"]) {
      const variable = fundContainer?.env.find((candidate) => candidate.name === name)
      expect(variable?.valueFrom?.secretKeyRef, name).toEqual(environment.get(name)?.valueFrom?.secretKeyRef)
    }
  })
})

describe("secrets, config and PostgreSQL", () => {
  const examples = readManifest(`${kubernetesFolder}secret.example.yaml`)

  it("every Secret key the manifests reference is documented in secret.example.yaml", () => {
    const references = objects.flatMap(
      (object) => JSON.stringify(object.spec ?? {}).match(/"secretKeyRef":\{[^}]*\}/g) ?? [],
    )
    expect(references.length).toBeGreaterThanOrEqual(4)
    for (const reference of references) {
      const { name, key } = JSON.parse(reference.slice('"secretKeyRef":'.length)) as {
        name: string
        key: string
      }
      const secret = examples.find(
        (object: KubernetesObject) => object.kind === "Secret" && object.metadata.name === name,
      )
      expect(secret?.stringData?.[key], `${name}/${key}`).toBeTypeOf("string")
    }
  })

  it("keeps secrets out of the ConfigMap and out of kustomization", () => {
    const configMaps = objects.filter((object) => object.kind === "ConfigMap")
    for (const configMap of configMaps)
      expect(JSON.stringify(configMap.data)).not.toMatch(
        /0x[0-9a-fA-F]{64}|postgres:\/\/[^@\s]*:[^@\s]*@|password\s*=/,
      )
    expect(objects.some((object) => object.kind === "Secret")).toBe(false)
  })

  it("runs PostgreSQL as a StatefulSet with a volume, and the example database URL names its Service", () => {
    const statefulSet = findObject(objects, "StatefulSet")
    expect(statefulSet.spec.volumeClaimTemplates.length).toBeGreaterThan(0)
    const service = findObject(objects, "Service", statefulSet.spec.serviceName)
    const url = new URL(
      examples.find((object) => object.metadata.name === "testnet-secrets")?.stringData?.["database-url"] ??
        "",
    )
    expect(url.protocol).toBe("postgres:")
    expect(url.hostname).toBe(service.metadata.name)
    expect(Number(url.port)).toBe(service.spec.ports[0].port)
  })

  it("lists only files that exist", () => {
    for (const resource of readManifest(`${kubernetesFolder}kustomization.yaml`)[0]?.resources ?? [])
      expect(existsSync(`${kubernetesFolder}${resource}`), resource).toBe(true)
  })
})
