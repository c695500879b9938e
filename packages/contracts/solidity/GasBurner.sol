// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title GasBurner
/// @notice Burns roughly a requested amount of gas with pure computation (no storage growth).
contract GasBurner {
    event Burned(address indexed caller, uint256 requestedGas, bytes32 result);

    /// @notice Loops hashing until about `gasAmount` gas has been spent in the loop.
    function burn(uint256 gasAmount) external returns (bytes32 result) {
        uint256 start = gasleft();
        result = keccak256(abi.encodePacked(msg.sender, gasAmount));
        // The margin keeps the final iteration and the event inside the caller's gas limit.
        while (start - gasleft() + 1_000 < gasAmount) {
            result = keccak256(abi.encodePacked(result));
        }
        emit Burned(msg.sender, gasAmount, result);
    }

    /// @notice Hashes `iterations` times; a view, so it also serves eth_call/eth_estimateGas load.
    function hashLoop(uint256 iterations, bytes32 seed) external pure returns (bytes32 result) {
        result = seed;
        for (uint256 i = 0; i < iterations; ++i) {
            result = keccak256(abi.encodePacked(result));
        }
    }
}
