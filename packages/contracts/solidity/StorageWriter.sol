// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title StorageWriter
/// @notice Writes N storage slots per call, to exercise state growth (new slots) and rewrites.
contract StorageWriter {
    mapping(uint256 => uint256) public slots;
    uint256 public totalWrites;

    event SlotsWritten(address indexed caller, uint256 firstSlot, uint256 count);

    /// @notice Stores `value + i` into slots `firstSlot .. firstSlot + count - 1`.
    function write(uint256 firstSlot, uint256 count, uint256 value) external {
        for (uint256 i = 0; i < count; ++i) {
            slots[firstSlot + i] = value + i;
        }
        totalWrites += count;
        emit SlotsWritten(msg.sender, firstSlot, count);
    }

    /// @notice Resets slots to zero (storage refunds).
    function clear(uint256 firstSlot, uint256 count) external {
        for (uint256 i = 0; i < count; ++i) {
            delete slots[firstSlot + i];
        }
    }
}
