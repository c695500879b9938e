// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title EventEmitter
/// @notice Emits N events per call, to exercise log indexing and eth_getLogs.
contract EventEmitter {
    uint256 public totalEmitted;

    event Ping(address indexed caller, uint256 indexed index, bytes32 tag, uint256 timestamp);
    event Payload(address indexed caller, bytes data);

    function emitEvents(uint256 count, bytes32 tag) external {
        uint256 first = totalEmitted;
        for (uint256 i = 0; i < count; ++i) {
            emit Ping(msg.sender, first + i, tag, block.timestamp);
        }
        totalEmitted = first + count;
    }

    function emitPayload(bytes calldata data) external {
        emit Payload(msg.sender, data);
    }
}
