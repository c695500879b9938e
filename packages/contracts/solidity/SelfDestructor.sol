// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title SelfDestructor
/// @notice Exercises SELFDESTRUCT. Since Cancun (EIP-6780) the code is only removed when the
/// contract destroys itself in the transaction that created it (`destroyOnDeploy = true`);
/// otherwise `destroy` only moves the balance.
contract SelfDestructor {
    address public immutable creator;

    event Created(address indexed creator, bool destroyOnDeploy);
    event Destroyed(address indexed beneficiary, uint256 balance);

    constructor(bool destroyOnDeploy) payable {
        creator = msg.sender;
        emit Created(msg.sender, destroyOnDeploy);
        if (destroyOnDeploy) {
            emit Destroyed(msg.sender, address(this).balance);
            selfdestruct(payable(msg.sender));
        }
    }

    function destroy(address payable beneficiary) external {
        emit Destroyed(beneficiary, address(this).balance);
        selfdestruct(beneficiary);
    }

    function alive() external pure returns (bool) {
        return true;
    }
}
