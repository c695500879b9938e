// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Counter} from "./Counter.sol";

/// @title Factory
/// @notice Deploys Counters with CREATE and CREATE2, to exercise contract creation from contracts.
contract Factory {
    uint256 public deployedCount;

    event CounterDeployed(address indexed counter, address indexed caller, bool viaCreate2, bytes32 salt);

    function deployCounter() external returns (address counter) {
        counter = address(new Counter());
        deployedCount += 1;
        emit CounterDeployed(counter, msg.sender, false, bytes32(0));
    }

    function deployCounter2(bytes32 salt) external returns (address counter) {
        counter = address(new Counter{salt: salt}());
        deployedCount += 1;
        emit CounterDeployed(counter, msg.sender, true, salt);
    }

    function deployCounters(uint256 count) external returns (address[] memory counters) {
        counters = new address[](count);
        for (uint256 i = 0; i < count; ++i) {
            counters[i] = address(new Counter());
            emit CounterDeployed(counters[i], msg.sender, false, bytes32(0));
        }
        deployedCount += count;
    }

    /// @notice The address `deployCounter2(salt)` will deploy to.
    function predictCounter2(bytes32 salt) external view returns (address) {
        bytes32 digest = keccak256(
            abi.encodePacked(bytes1(0xff), address(this), salt, keccak256(type(Counter).creationCode))
        );
        return address(uint160(uint256(digest)));
    }
}
