import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { parseAllDocuments } from "yaml"

/** The repository's root, from this file's place in tools/deployment/src. */
export const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url))

/** The folder `kubectl apply -k` is pointed at. */
export const kubernetesFolder = `${repositoryRoot}deploy/kubernetes/`

/** A Kubernetes object as parsed from YAML: only the fields the checks read are typed. */
export type KubernetesObject = {
  apiVersion: string
  kind: string
  metadata: { name: string }
  // biome-ignore lint/suspicious/noExplicitAny: manifests are free-form; each check reads its own path.
  spec?: any
  data?: Record<string, string>
  stringData?: Record<string, string>
  resources?: string[]
}

/**
 * Every object of a YAML file (multi-document files included). Throws on a YAML error so a broken
 * manifest fails the test that reads it.
 */
export function readManifest(path: string): KubernetesObject[] {
  return parseAllDocuments(readFileSync(path, "utf8")).map((document) => {
    if (document.errors.length > 0) throw new Error(`${path}: ${document.errors[0]?.message}`)
    return document.toJS() as KubernetesObject
  })
}

/** The objects `kubectl apply -k deploy/kubernetes` would create, in kustomization order. */
export function renderKustomization(): KubernetesObject[] {
  const [kustomization] = readManifest(`${kubernetesFolder}kustomization.yaml`)
  return (kustomization?.resources ?? []).flatMap((resource) =>
    readManifest(`${kubernetesFolder}${resource}`),
  )
}

/** The one object of a kind (and name, when given); throws when it is missing or ambiguous. */
export function findObject(
  objects: readonly KubernetesObject[],
  kind: string,
  name?: string,
): KubernetesObject {
  const found = objects.filter(
    (object) => object.kind === kind && (name === undefined || object.metadata.name === name),
  )
  if (found.length !== 1)
    throw new Error(`expected one ${kind}${name ? ` ${name}` : ""}, found ${found.length}`)
  return found[0] as KubernetesObject
}
