import { createRequire } from "node:module"

/**
 * This package's version from its package.json, so `--version` and the version recorded with
 * each run follow `changeset version`. Read at run time: the built files (dist/*.js) and the
 * sources (src/*.ts) sit one level below package.json, which every tarball includes.
 *
 * @example
 * defineChain({ ...declaration, version: packageVersion })
 */
export const packageVersion: string = (
  createRequire(import.meta.url)("../package.json") as { version: string }
).version
