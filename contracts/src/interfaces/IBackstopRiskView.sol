// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice The module's views the clearinghouse reads to gate new risk and to let the guardian veto staged changes.
interface IBackstopRiskView {
    function solvencyRatio() external view returns (uint256);
    function solvencyThreshold() external view returns (uint256);
    function guardian() external view returns (address);
}
