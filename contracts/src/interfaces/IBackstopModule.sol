// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice What a tranche vault and the clearinghouse need from the backstop module.
interface IBackstopModule {
    function depositsPaused() external view returns (bool);
    function depositCap(uint8 trancheId) external view returns (uint256);
    function cooldown(uint8 trancheId) external view returns (uint256);
    function unstakeWindow(uint8 trancheId) external view returns (uint256);
    function premiumVestingPeriod() external view returns (uint256);
    function cover(uint256 marketId, uint256 shortfall) external returns (uint256 lossId, uint256 covered);
    function payPremium(uint256 amount) external;
}
