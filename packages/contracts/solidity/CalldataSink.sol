// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title CalldataSink
/// @notice Accepts arbitrarily large calldata cheaply, to exercise calldata pricing and block size.
contract CalldataSink {
    uint256 public totalBytes;

    event Sunk(address indexed caller, uint256 length);

    function sink(bytes calldata data) external returns (uint256) {
        totalBytes += data.length;
        emit Sunk(msg.sender, data.length);
        return data.length;
    }

    fallback() external {
        totalBytes += msg.data.length;
        emit Sunk(msg.sender, msg.data.length);
    }
}
