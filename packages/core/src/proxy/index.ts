// Public exports of the proxy folder (named exports only).
export {}
