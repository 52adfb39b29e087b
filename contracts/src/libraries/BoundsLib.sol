// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ErrorsLib} from "./ErrorsLib.sol";

/// @title BoundsLib
/// @notice The one bounds check of every governance setter. The app decodes its error into "`parameter` must be
/// between `min` and `max`", so `parameter` is the name the setter's callers know the value by.
library BoundsLib {
    /// @notice Reverts with `ParameterOutOfBounds(parameter, value, min, max)` unless `min <= value <= max`.
    /// @dev The name comes as a bytes32 (a string literal of at most 32 bytes converts to it) and becomes a string
    /// only on the revert path, so a value within bounds costs no memory.
    /// @param parameter The parameter's name, as the app shows it.
    /// @param value The value proposed.
    /// @param min The lowest value allowed (inclusive).
    /// @param max The highest value allowed (inclusive).
    function check(bytes32 parameter, uint256 value, uint256 min, uint256 max) internal pure {
        if (value < min || value > max) revert ErrorsLib.ParameterOutOfBounds(_name(parameter), value, min, max);
    }

    /// @dev The name without the zero bytes that pad it to 32.
    function _name(bytes32 parameter) private pure returns (string memory) {
        uint256 length;
        while (length < 32 && parameter[length] != 0) ++length;
        bytes memory name = new bytes(length);
        for (uint256 i; i < length; ++i) {
            name[i] = parameter[i];
        }
        return string(name);
    }
}
