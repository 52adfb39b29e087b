// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {AggregatorV3Interface} from "@chainlink/contracts/src/v0.8/shared/interfaces/AggregatorV3Interface.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {Clearinghouse} from "../../src/Clearinghouse.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";
import {MockAggregator} from "../../src/mocks/MockAggregator.sol";
import {BackstopFixture} from "./BackstopFixture.sol";

/// @notice The fixture plus a second, independent clearinghouse (its own ETH and SOL markets and feeds) that
/// governance registers as protocol 1, the way the deploy script does.
abstract contract TwoProtocolsFixture is BackstopFixture {
    uint256 internal constant P0 = 0;
    uint256 internal constant P1 = 1;
    // The second clearinghouse's markets.
    uint256 internal constant ETH2 = 0;
    uint256 internal constant SOL2 = 1;
    uint256 internal constant P1_CAP = 50_000e6;
    uint256 internal constant P1_SHARE = 0.4e18;

    Clearinghouse internal clearinghouse2;
    MockAggregator[2] internal oracles2;

    function setUp() public virtual override {
        super.setUp();
        vm.startPrank(deployer);
        clearinghouse2 = new Clearinghouse(IERC20(address(usd)), module, deployer);
        oracles2[ETH2] = new MockAggregator(8, "ETH / USD", keeper, 3_000e8);
        oracles2[SOL2] = new MockAggregator(8, "SOL / USD", keeper, 150e8);
        clearinghouse2.addMarket("ETH", AggregatorV3Interface(address(oracles2[ETH2])), _marketParams(0.1e18, 0.05e18, 0.1e18, 5_000_000e6), 1 days);
        clearinghouse2.addMarket("SOL", AggregatorV3Interface(address(oracles2[SOL2])), _marketParams(0.2e18, 0.1e18, 0.15e18, 1_000_000e6), 1 days);
        clearinghouse2.transferOwnership(address(timelock));
        vm.stopPrank();
        _asTimelock(
            address(module), abi.encodeCall(BackstopModule.addProtocol, (address(clearinghouse2), "Perp Two", P1_CAP, P1_SHARE))
        );
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setProtocolStressLossRate, (P1, ETH2, 0.15e18)));
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setProtocolStressLossRate, (P1, SOL2, 0.25e18)));
    }

    function _setPrice2(uint256 marketId, int256 price) internal {
        vm.prank(keeper);
        oracles2[marketId].updateAnswer(price);
    }

    /// @dev Opens a position on the second clearinghouse, minting the margin and fee to the trader first.
    function _open2(address trader, uint256 marketId, bool isLong, uint256 size, uint256 margin) internal {
        _mintUsd(trader, margin * 2);
        vm.startPrank(trader);
        usd.approve(address(clearinghouse2), margin * 2);
        clearinghouse2.openPosition(marketId, isLong, size, margin);
        vm.stopPrank();
    }

    /// @dev Runs `data` on the module as governance (the timelock).
    function _gov(bytes memory data) internal {
        _asTimelock(address(module), data);
    }

    /// @dev `data`, run on the module as governance, reverts with `err`.
    function _expectGovRevert(bytes memory data, bytes memory err) internal {
        vm.prank(address(timelock));
        vm.expectRevert(err);
        (bool ok,) = address(module).call(data);
        ok; // expectRevert makes the call's own result true
    }

    /// @dev Every registry setter, and the guardian's own, refuses `caller` (anyone but governance).
    function _expectRegistryRefused(address caller) internal {
        bytes memory err = abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller);
        vm.startPrank(caller);
        vm.expectRevert(err);
        module.addProtocol(makeAddr("rogueClearinghouse"), "Rogue", type(uint256).max, 0);
        vm.expectRevert(err);
        module.removeProtocol(P1);
        vm.expectRevert(err);
        module.setExposureCap(P1, type(uint256).max);
        vm.expectRevert(err);
        module.setPremiumShare(P1, 0);
        vm.expectRevert(err);
        module.setProtocolStressLossRate(P1, ETH2, 0);
        vm.expectRevert(err);
        module.setStressLossRate(0, 0);
        vm.expectRevert(err);
        module.setProtocolName(P1, "Mine");
        vm.expectRevert(err);
        module.setGuardian(caller);
        vm.stopPrank();
    }

    /// @dev A new 1 ETH position on the second clearinghouse is refused: the module no longer covers it.
    function _expectOpenRefused2() internal {
        uint256 margin = clearinghouse2.initialMargin(ETH2, 3_000e6);
        _mintUsd(makeAddr("late"), 2 * margin);
        vm.startPrank(makeAddr("late"));
        usd.approve(address(clearinghouse2), 2 * margin);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ProtocolNotCovered.selector, address(clearinghouse2)));
        clearinghouse2.openPosition(ETH2, true, 1e18, margin);
        vm.stopPrank();
    }

    function _fundHouse2(uint256 amount) internal {
        _fundHouseOf(clearinghouse2, amount);
    }

    /// @dev Draws `shortfall` on the backstop as `source` does after a bad-debt liquidation.
    function _coverFrom(Clearinghouse source, uint256 marketId, uint256 shortfall)
        internal
        returns (uint256 lossId, uint256 covered)
    {
        vm.prank(address(source));
        return module.cover(marketId, shortfall);
    }
}
