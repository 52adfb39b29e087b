// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ErrorsLib} from "./ErrorsLib.sol";

/// @title BoundsLib
/// @notice The one bounds check of every governance setter. The app decodes its error into "`parameter` must be
/// between `min` and `max`", so `parameter` is the name the setter's callers know the value by.
library BoundsLib {
    /// @notice Reverts with `ParameterOutOfBounds(parameter, value, min, max)` unless `min <= value <= max`.
    /// @param parameter The parameter's name, as the app shows it.
    /// @param value The value proposed.
    /// @param min The lowest value allowed (inclusive).
    /// @param max The highest value allowed (inclusive).
    function check(string memory parameter, uint256 value, uint256 min, uint256 max) internal pure {
        if (value < min || value > max) revert ErrorsLib.ParameterOutOfBounds(parameter, value, min, max);
    }
}
