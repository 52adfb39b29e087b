// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IClearinghouse} from "../../src/interfaces/IClearinghouse.sol";

/// @notice A covered protocol's clearinghouse as another team might ship it: its open-interest views work, revert, or
/// burn all the gas they are given, as the test switches it.
contract BrokenClearinghouse {
    enum Mode {
        Works,
        Reverts,
        BurnsGas
    }

    /// @dev The price feed of its single market (what the lens reads beside open interest).
    address public immutable oracle;
    Mode public mode;
    /// @dev The long notional of its single market while it works, in asset units.
    uint256 public notional;

    constructor(address oracle_) {
        oracle = oracle_;
    }

    function setMode(Mode mode_) external {
        mode = mode_;
    }

    function setNotional(uint256 notional_) external {
        notional = notional_;
    }

    function marketCount() external view returns (uint256) {
        _misbehave();
        return 1;
    }

    function openInterestNotional(uint256) external view returns (uint256 longNotional, uint256 shortNotional) {
        _misbehave();
        return (notional, 0);
    }

    function market(uint256)
        external
        view
        returns (string memory name, address oracle_, IClearinghouse.MarketParams memory params, uint256, uint256)
    {
        _misbehave();
        return ("ETH", oracle, params, 0, 0);
    }

    function retainedPremium() external view returns (uint256) {
        _misbehave();
        return 0;
    }

    function _misbehave() internal view {
        if (mode == Mode.Reverts) revert("broken views");
        if (mode == Mode.BurnsGas) {
            uint256 spins;
            while (gasleft() > 0) {
                ++spins;
            }
        }
    }
}
