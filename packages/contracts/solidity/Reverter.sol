// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Reverter
/// @notice Always fails: used by expected-failure tasks to check revert decoding and accounting.
contract Reverter {
    error CustomFailure(address caller, uint256 code);

    string public constant REASON = "Reverter: always reverts";

    function revertWithReason() external pure {
        revert(REASON);
    }

    function revertWithCustomError(uint256 code) external view {
        revert CustomFailure(msg.sender, code);
    }

    function failRequire(uint256 value) external pure returns (uint256) {
        require(value > type(uint256).max - 1, "Reverter: value too small");
        return value;
    }

    function panic() external pure returns (uint256) {
        uint256 zero = 0;
        return 1 / zero;
    }

    fallback() external {
        revert(REASON);
    }
}
