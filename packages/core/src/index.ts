/**
 * @testnet/core — the chain-agnostic core of testnet-framework.
 * Named exports only; each section is owned by one folder.
 */

// errors
export { BaseError, type BaseErrorParameters } from "./errors/base.js"

// result
export { AsyncResult, Err, Ok, Result, resultFromPromise, resultFromThrowing } from "./result.js"

// config

// wallet

// nonce

// gas

// rpc

// proxy

// database

// devnet

// tasks

// runner

// cli
