// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice The module's views the clearinghouse reads to gate new risk and to let the guardian veto staged changes.
interface IBackstopRiskView {
    /// @notice Backstop capital / required capital as a wad; type(uint256).max when nothing is required.
    function solvencyRatio() external view returns (uint256);

    /// @notice The solvency ratio under which the clearinghouse refuses new positions, as a wad.
    function solvencyThreshold() external view returns (uint256);

    /// @notice What a clearinghouse's open checks in one call: the solvency ratio, whether it is an active covered
    /// protocol, and its exposure (Σ its open interest × its stress loss rates, in asset units) against its cap.
    /// @param clearinghouse The clearinghouse asking (any address: one never registered is inactive with cap 0).
    /// @return ratio `solvencyRatio()`.
    /// @return active Whether `cover` accepts it now.
    /// @return exposure Its exposure, counted in required capital only while it is active.
    /// @return cap Its exposure cap, in asset units.
    function protocolRisk(address clearinghouse)
        external
        view
        returns (uint256 ratio, bool active, uint256 exposure, uint256 cap);

    /// @notice The account that may pause deposits and veto staged market changes besides governance.
    function guardian() external view returns (address);
}
