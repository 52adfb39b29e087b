// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice What the backstop module reads from the clearinghouse to size its required capital.
interface IOpenInterestSource {
    function marketCount() external view returns (uint256);
    /// @return longNotional long open interest valued at the oracle price, in asset units
    /// @return shortNotional short open interest valued at the oracle price, in asset units
    function openInterestNotional(uint256 marketId) external view returns (uint256 longNotional, uint256 shortNotional);
}
