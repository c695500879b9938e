// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Counter
/// @notice The smallest stateful contract: one number that anyone can increment.
contract Counter {
    uint256 public number;

    event Incremented(address indexed caller, uint256 newNumber);
    event NumberSet(address indexed caller, uint256 newNumber);

    function increment() external returns (uint256) {
        uint256 next = number + 1;
        number = next;
        emit Incremented(msg.sender, next);
        return next;
    }

    function incrementBy(uint256 amount) external returns (uint256) {
        uint256 next = number + amount;
        number = next;
        emit Incremented(msg.sender, next);
        return next;
    }

    function setNumber(uint256 newNumber) external {
        number = newNumber;
        emit NumberSet(msg.sender, newNumber);
    }
}
