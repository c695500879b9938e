/**
 * The only module that imports the Result library (ts-results-es). Everything else in the
 * framework imports `Result`, `Ok`, `Err` and `AsyncResult` from here, so the library can be
 * swapped in one place.
 *
 * @example
 * import { Err, Ok, type Result } from "./result.js"
 * function parsePort(text: string): Result<number, ConfigInvalidValueError> {
 *   const port = Number(text)
 *   return Number.isInteger(port) ? Ok(port) : Err(new ConfigInvalidValueError({ path: "port", value: text, reason: "not an integer" }))
 * }
 */

export type { Err as ErrType, Ok as OkType } from "ts-results-es"
export { AsyncResult, Err, Ok, Result } from "ts-results-es"

import { Err, Ok, type Result } from "ts-results-es"

/**
 * Runs a promise-returning function and maps a rejection to an error of the caller's choice.
 *
 * @example
 * const body = await resultFromPromise(() => readFile(path, "utf8"), (cause) => new ConfigFileNotFoundError({ path, cause }))
 */
export async function resultFromPromise<T, E>(
  run: () => Promise<T>,
  mapError: (cause: unknown) => E,
): Promise<Result<T, E>> {
  try {
    return Ok(await run())
  } catch (cause) {
    return Err(mapError(cause))
  }
}

/**
 * Runs a synchronous function and maps a thrown value to an error of the caller's choice.
 *
 * @example
 * const parsed = resultFromThrowing(() => JSON.parse(text), (cause) => new WalletKeystoreInvalidError({ file, cause }))
 */
export function resultFromThrowing<T, E>(run: () => T, mapError: (cause: unknown) => E): Result<T, E> {
  try {
    return Ok(run())
  } catch (cause) {
    return Err(mapError(cause))
  }
}
