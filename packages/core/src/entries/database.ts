/**
 * @testnet/core/database — opening, migrating and querying the run database (SQLite or
 * PostgreSQL), its schema and row types, and the batched recorder.
 */
export * from "../database/index.js"
