// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

interface IERC20Transfer {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

/// @title MultiSend
/// @notice Sends native value or an ERC-20 (via transferFrom, so approve this contract first)
/// to many recipients in one transaction.
contract MultiSend {
    error LengthMismatch(uint256 recipients, uint256 amounts);
    error ValueMismatch(uint256 sent, uint256 required);
    error NativeTransferFailed(address recipient, uint256 amount);
    error TokenTransferFailed(address token, address recipient, uint256 amount);

    event MultiSent(address indexed sender, address indexed token, uint256 recipients, uint256 total);

    /// @notice Splits `msg.value` exactly over `recipients` by `amounts`.
    function multiSendNative(address payable[] calldata recipients, uint256[] calldata amounts) external payable {
        if (recipients.length != amounts.length) revert LengthMismatch(recipients.length, amounts.length);
        uint256 total = 0;
        for (uint256 i = 0; i < recipients.length; ++i) {
            total += amounts[i];
            (bool ok,) = recipients[i].call{value: amounts[i]}("");
            if (!ok) revert NativeTransferFailed(recipients[i], amounts[i]);
        }
        if (total != msg.value) revert ValueMismatch(msg.value, total);
        emit MultiSent(msg.sender, address(0), recipients.length, total);
    }

    /// @notice Sends the same native `amount` to each recipient.
    function multiSendNativeEqual(address payable[] calldata recipients, uint256 amount) external payable {
        uint256 total = amount * recipients.length;
        if (total != msg.value) revert ValueMismatch(msg.value, total);
        for (uint256 i = 0; i < recipients.length; ++i) {
            (bool ok,) = recipients[i].call{value: amount}("");
            if (!ok) revert NativeTransferFailed(recipients[i], amount);
        }
        emit MultiSent(msg.sender, address(0), recipients.length, total);
    }

    /// @notice Moves `amounts[i]` of `token` from the caller to `recipients[i]`.
    function multiSendToken(address token, address[] calldata recipients, uint256[] calldata amounts) external {
        if (recipients.length != amounts.length) revert LengthMismatch(recipients.length, amounts.length);
        uint256 total = 0;
        for (uint256 i = 0; i < recipients.length; ++i) {
            total += amounts[i];
            _pull(token, recipients[i], amounts[i]);
        }
        emit MultiSent(msg.sender, token, recipients.length, total);
    }

    /// @notice Moves the same `amount` of `token` from the caller to each recipient.
    function multiSendTokenEqual(address token, address[] calldata recipients, uint256 amount) external {
        for (uint256 i = 0; i < recipients.length; ++i) {
            _pull(token, recipients[i], amount);
        }
        emit MultiSent(msg.sender, token, recipients.length, amount * recipients.length);
    }

    // Accepts tokens that return nothing (USDT style) as well as those returning a bool.
    function _pull(address token, address recipient, uint256 amount) private {
        (bool ok, bytes memory returned) =
            token.call(abi.encodeCall(IERC20Transfer.transferFrom, (msg.sender, recipient, amount)));
        if (!ok || (returned.length != 0 && !abi.decode(returned, (bool)))) {
            revert TokenTransferFailed(token, recipient, amount);
        }
    }
}
