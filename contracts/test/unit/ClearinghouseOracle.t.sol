// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AggregatorV3Interface} from "@chainlink/contracts/src/v0.8/shared/interfaces/AggregatorV3Interface.sol";
import {MarketChanges} from "../utils/MarketChanges.sol";
import {Clearinghouse} from "../../src/Clearinghouse.sol";
import {IClearinghouse} from "../../src/interfaces/IClearinghouse.sol";
import {MockAggregator} from "../../src/mocks/MockAggregator.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";

/// @notice Issue #18 item 7: every price read handles staleness and decimals; per-feed max age; an optional L2
/// sequencer-uptime feed blocks opens and liquidations while down or in its grace period.
contract ClearinghouseOracleTest is MarketChanges {
    address internal trader = makeAddr("trader");
    MockAggregator internal sequencer;

    function setUp() public override {
        super.setUp();
        _deposit(makeAddr("senior"), 2, 8_000_000e6);
        _fundHouse(1_000_000e6);
        sequencer = new MockAggregator(0, "L2 Sequencer Uptime Status Feed", keeper, 0);
    }

    function _setSequencer(int256 status) internal {
        vm.prank(keeper);
        sequencer.updateAnswer(status);
    }

    // ---------------------------------------------------------------- decimals

    /// @dev Formerly `10 ** (18 - decimals)` underflowed for a 20-decimal feed, in trading and in required capital.
    function test_feedWithMoreThan18Decimals_tradesAndValuesOpenInterest() public {
        MockAggregator feed20 = new MockAggregator(20, "X / USD", keeper, 2_500e20);
        _marketChangeNow(
            abi.encodeCall(Clearinghouse.addMarket, ("X", AggregatorV3Interface(address(feed20)), _params(), 1 hours))
        );
        (uint256 price,) = clearinghouse.oraclePrice(3);
        assertEq(price, 2_500e18);
        _asTimelock(address(module), abi.encodeWithSignature("setStressLossRate(uint256,uint256)", 3, 0.1e18));
        _open(trader, 3, true, 10e18, 2_500e6); // 25k notional, 10%
        (uint256 longNotional,) = clearinghouse.openInterestNotional(3);
        assertEq(longNotional, 25_000e6);
        assertEq(module.requiredCapital(), 2_500e6);
    }

    function test_feedWith6Decimals_scalesUp() public {
        MockAggregator feed6 = new MockAggregator(6, "Y / USD", keeper, 1_500_000);
        _marketChangeNow(
            abi.encodeCall(Clearinghouse.addMarket, ("Y", AggregatorV3Interface(address(feed6)), _params(), 1 hours))
        );
        (uint256 price,) = clearinghouse.oraclePrice(3);
        assertEq(price, 1.5e18);
    }

    function _params() internal pure returns (IClearinghouse.MarketParams memory) {
        return _marketParams(0.1e18, 0.05e18, 0.1e18, 5_000_000e6);
    }

    // ---------------------------------------------------------------- per-feed max age

    function test_perFeedMaxAge_shorterThanGlobalIsEnforced() public {
        Announced memory a = _announce(
            abi.encodeCall(Clearinghouse.setMarketOracle, (ETH, AggregatorV3Interface(address(oracles[ETH])), 1 hours))
        );
        vm.warp(a.readyAt);
        clearinghouse.executeMarketChange(a.nonce, a.action);
        _setPrice(ETH, 3_000e8);
        _setPrice(BTC, 60_000e8);
        _setPrice(SOL, 150e8);
        assertEq(clearinghouse.priceMaxAge(ETH), 1 hours);
        assertEq(clearinghouse.priceMaxAge(BTC), 1 days);
        vm.warp(block.timestamp + 1 hours + 1);
        _mintUsd(trader, 10_000e6);
        vm.startPrank(trader);
        usd.approve(address(clearinghouse), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.StalePrice.selector, ETH, block.timestamp - 1 hours - 1, 1 hours));
        clearinghouse.openPosition(ETH, true, 1e18, 300e6);
        clearinghouse.openPosition(BTC, true, 0.05e18, 300e6); // a day-old heartbeat is fine on BTC
        vm.stopPrank();
    }

    function test_globalMaxAge_capsEveryFeed() public {
        _asTimelock(address(clearinghouse), abi.encodeCall(Clearinghouse.setMaxPriceAge, (10 minutes)));
        assertEq(clearinghouse.priceMaxAge(BTC), 10 minutes);
        vm.warp(block.timestamp + 10 minutes + 1);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.StalePrice.selector, BTC, block.timestamp - 10 minutes - 1, 10 minutes));
        vm.prank(trader);
        clearinghouse.openPosition(BTC, true, 0.05e18, 300e6);
    }

    function test_oracleMaxAge_bounds() public {
        vm.startPrank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "oracleMaxAge", 59, 1 minutes, 7 days));
        clearinghouse.setMarketOracle(ETH, AggregatorV3Interface(address(oracles[ETH])), 59);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "oracleMaxAge", 7 days + 1, 1 minutes, 7 days)
        );
        clearinghouse.addMarket("Z", AggregatorV3Interface(address(oracles[ETH])), _params(), 7 days + 1);
        vm.stopPrank();
    }

    // ---------------------------------------------------------------- sequencer uptime

    function _withSequencer(uint256 grace) internal {
        _marketChangeNow(
            abi.encodeCall(Clearinghouse.setSequencerUptimeFeed, (AggregatorV3Interface(address(sequencer)), grace))
        );
        assertEq(address(clearinghouse.sequencerUptimeFeed()), address(sequencer));
        assertEq(clearinghouse.sequencerGracePeriod(), grace);
    }

    function test_sequencerDown_blocksOpensAndLiquidations_notCloses() public {
        vm.warp(block.timestamp + 2 hours);
        _setPrice(ETH, 3_000e8);
        _withSequencer(1 hours);
        _open(trader, ETH, true, 10e18, 3_000e6);
        address other = makeAddr("other");
        _open(other, ETH, true, 10e18, 3_000e6);

        _setSequencer(1); // down
        _setPrice(ETH, 2_800e8);
        vm.expectRevert(ErrorsLib.SequencerDown.selector);
        clearinghouse.liquidate(trader, ETH);
        vm.startPrank(makeAddr("third"));
        vm.expectRevert(ErrorsLib.SequencerDown.selector);
        clearinghouse.openPosition(BTC, true, 0.05e18, 300e6);
        vm.stopPrank();
        // Leaving is always possible.
        _setPrice(ETH, 3_000e8);
        vm.prank(other);
        clearinghouse.closePosition(ETH);

        _setSequencer(0); // back up: the grace period starts now
        _setPrice(ETH, 2_800e8);
        uint256 graceEnd = block.timestamp + 1 hours;
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.SequencerGracePeriodNotOver.selector, graceEnd));
        clearinghouse.liquidate(trader, ETH);
        vm.warp(graceEnd + 1);
        _setPrice(ETH, 2_800e8);
        clearinghouse.liquidate(trader, ETH);
        assertEq(clearinghouse.positionOf(trader, ETH).size, 0);
    }

    function test_sequencerFeed_withoutRoundIsDown() public {
        _withSequencer(0);
        vm.mockCall(
            address(sequencer),
            abi.encodeWithSelector(AggregatorV3Interface.latestRoundData.selector),
            abi.encode(uint80(0), int256(0), uint256(0), uint256(0), uint80(0))
        );
        vm.expectRevert(ErrorsLib.SequencerDown.selector);
        vm.prank(trader);
        clearinghouse.openPosition(ETH, true, 1e18, 300e6);
    }

    function test_sequencerGracePeriod_bounds() public {
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "sequencerGracePeriod", 1 days + 1, 0, 1 days)
        );
        vm.prank(address(timelock));
        clearinghouse.setSequencerUptimeFeed(AggregatorV3Interface(address(sequencer)), 1 days + 1);
    }
}
