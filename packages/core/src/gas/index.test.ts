import { expect, it } from "vitest"
import * as gas from "./index.js"

it("exports these runtime names from the gas barrel (review API changes here)", () => {
  expect(Object.keys(gas).sort()).toEqual([
    "GasEstimationFailedError",
    "GasFeeAboveCapError",
    "GasFeesUnavailableError",
    "bumpFees",
    "bumpValue",
    "createGasLimitCache",
    "createGasManager",
    "multiplyCeil",
  ])
})
