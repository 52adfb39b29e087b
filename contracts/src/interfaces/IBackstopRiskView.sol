// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice The module's views the clearinghouse reads to gate new risk and to let the guardian veto staged changes.
interface IBackstopRiskView {
    /// @notice Backstop capital / required capital as a wad; type(uint256).max when nothing is required.
    function solvencyRatio() external view returns (uint256);

    /// @notice The solvency ratio under which the clearinghouse refuses new positions, as a wad.
    function solvencyThreshold() external view returns (uint256);

    /// @notice The account that may pause deposits and veto staged market changes besides governance.
    function guardian() external view returns (address);
}
