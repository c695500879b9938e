// Public exports of the logging folder (named exports only).
export {}
