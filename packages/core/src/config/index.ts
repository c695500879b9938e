// Public exports of the config folder (named exports only).
export {}
