// Public exports of the database folder (named exports only).
export {}
