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
