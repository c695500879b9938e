// Public exports of the gas folder (named exports only).
export {}
