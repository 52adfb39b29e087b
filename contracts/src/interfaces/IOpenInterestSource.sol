// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice What the backstop module reads from the clearinghouse to size its required capital.
interface IOpenInterestSource {
    /// @notice The number of markets; their ids run from 0.
    function marketCount() external view returns (uint256);

    /// @notice A market's open interest on each side, valued at the oracle price whatever its age.
    /// @param marketId The market; `UnknownMarket` unless below `marketCount()`.
    /// @return longNotional long open interest valued at the oracle price, in asset units
    /// @return shortNotional short open interest valued at the oracle price, in asset units
    function openInterestNotional(uint256 marketId) external view returns (uint256 longNotional, uint256 shortNotional);
}
