// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {AggregatorV3Interface} from "@chainlink/contracts/src/v0.8/shared/interfaces/AggregatorV3Interface.sol";
import {MarketChanges} from "../utils/MarketChanges.sol";
import {Clearinghouse} from "../../src/Clearinghouse.sol";
import {IClearinghouse} from "../../src/interfaces/IClearinghouse.sol";
import {IBackstopModule} from "../../src/interfaces/IBackstopModule.sol";
import {MockAggregator} from "../../src/mocks/MockAggregator.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../src/libraries/EventsLib.sol";

contract ClearinghouseTest is MarketChanges {
    address internal trader = makeAddr("trader");
    address internal liquidator = makeAddr("liquidator");
    address internal stranger = makeAddr("stranger");

    uint256 internal constant SCALE = 1e30; // 10 ** (36 - 6)
    uint256 internal constant T0 = 1_700_000_000;

    /// @dev These tests are about margin and PnL arithmetic, not the solvency gate (ClearinghouseRisk.t.sol tests
    /// that against real capital), so the module reports itself solvent here whatever its capital.
    function setUp() public override {
        super.setUp();
        _mockSolvent();
    }

    // ---------------------------------------------------------------- helpers

    function _params() internal pure returns (IClearinghouse.MarketParams memory) {
        return _marketParams(0.1e18, 0.05e18, 0.1e18, 5_000_000e6);
    }

    function _expectBounds(IClearinghouse.MarketParams memory p, string memory name, uint256 v, uint256 lo, uint256 hi)
        internal
    {
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, name, v, lo, hi));
        clearinghouse.setMarketParams(ETH, p);
    }

    /// @dev Opens the standard position: 10 ETH long at 3000 with 3000 margin (10%, exactly the initial margin).
    function _openStandard() internal {
        _open(trader, ETH, true, 10e18, 3_000e6);
    }

    function _pnl(uint256 size, bool isLong, uint256 entry, uint256 price) internal pure returns (int256) {
        int256 value = (int256(size) * (int256(price) - int256(entry))) / int256(SCALE);
        return isLong ? value : -value;
    }

    // ---------------------------------------------------------------- construction

    function test_constructor() public {
        assertEq(address(clearinghouse.asset()), address(usd));
        assertEq(address(clearinghouse.module()), address(module));
        assertEq(clearinghouse.owner(), address(timelock));
        assertEq(clearinghouse.maxPriceAge(), 1 days);
        assertEq(clearinghouse.marketCount(), 3);
        vm.expectRevert(ErrorsLib.ZeroAddress.selector);
        new Clearinghouse(IERC20(address(0)), module, address(this));
        vm.expectRevert(ErrorsLib.ZeroAddress.selector);
        new Clearinghouse(IERC20(address(usd)), IBackstopModule(address(0)), address(this));
    }

    // ---------------------------------------------------------------- governance

    function test_governance_onlyOwner() public {
        address[2] memory callers = [deployer, stranger];
        for (uint256 i; i < 2; ++i) {
            bytes memory err = abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, callers[i]);
            vm.startPrank(callers[i]);
            vm.expectRevert(err);
            clearinghouse.addMarket("X", AggregatorV3Interface(address(oracles[ETH])), _params(), 1 days);
            vm.expectRevert(err);
            clearinghouse.setMarketParams(ETH, _params());
            vm.expectRevert(err);
            clearinghouse.setMaxPriceAge(1 hours);
            vm.expectRevert(err);
            clearinghouse.setMarketOracle(ETH, AggregatorV3Interface(address(oracles[BTC])), 1 hours);
            vm.expectRevert(err);
            clearinghouse.setSequencerUptimeFeed(AggregatorV3Interface(address(oracles[BTC])), 1 hours);
            vm.expectRevert(err);
            clearinghouse.setMaxBadDebtReward(1);
            vm.stopPrank();
        }
        assertEq(clearinghouse.marketCount(), 3);
    }

    function test_addMarket() public {
        MockAggregator feed = new MockAggregator(8, "DOGE / USD", keeper, 0.1e8);
        IClearinghouse.MarketParams memory p = _params();
        Announced memory a =
            _announce(abi.encodeCall(Clearinghouse.addMarket, ("DOGE", AggregatorV3Interface(address(feed)), p, 1 hours)));
        assertEq(clearinghouse.marketCount(), 3, "announced, not added");
        assertEq(a.readyAt, block.timestamp + 7 days + 2 days + 1 days);
        uint256 t = block.timestamp;
        vm.warp(a.readyAt);
        vm.expectEmit(true, false, false, true, address(clearinghouse));
        emit EventsLib.MarketAdded(3, "DOGE", address(feed));
        vm.expectEmit(true, false, false, true, address(clearinghouse));
        emit EventsLib.MarketOracleSet(3, address(feed), 1 hours);
        vm.expectEmit(true, false, false, true, address(clearinghouse));
        emit EventsLib.MarketParametersSet(3, 0.1e18, 0.05e18, 0.0005e18, 0.01e18, 0.1e18, 5_000_000e6);
        vm.expectEmit(true, true, false, true, address(clearinghouse));
        emit EventsLib.MarketChangeExecuted(a.id, address(this));
        clearinghouse.executeMarketChange(a.nonce, a.action);
        vm.warp(t);
        assertEq(clearinghouse.priceMaxAge(3), 1 hours);
        assertEq(clearinghouse.marketCount(), 4);
        (string memory name, address oracle, IClearinghouse.MarketParams memory got, uint256 l, uint256 s) =
            clearinghouse.market(3);
        assertEq(name, "DOGE");
        assertEq(oracle, address(feed));
        assertEq(got.initialMarginRate, 0.1e18);
        assertEq(got.liquidityDepth, 5_000_000e6);
        assertEq(l + s, 0);
        (uint256 price,) = clearinghouse.oraclePrice(3);
        assertEq(price, 0.1e18);
    }

    function test_addMarket_revertsOnZeroOracle() public {
        vm.prank(address(timelock));
        vm.expectRevert(ErrorsLib.ZeroAddress.selector);
        clearinghouse.addMarket("X", AggregatorV3Interface(address(0)), _params(), 1 days);
    }

    function test_addMarket_revertsOnBadParams() public {
        IClearinghouse.MarketParams memory p = _params();
        p.liquidityDepth = 0;
        vm.prank(address(timelock));
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "liquidityDepth", 0, 1, type(uint128).max)
        );
        clearinghouse.addMarket("X", AggregatorV3Interface(address(oracles[ETH])), p, 1 days);
        assertEq(clearinghouse.marketCount(), 3);
    }

    function test_setMarketParams() public {
        IClearinghouse.MarketParams memory p = _marketParams(0.2e18, 0.1e18, 0.3e18, 1e6);
        p.feeRate = 0.01e18;
        p.liquidationFeeRate = 0.1e18;
        vm.expectEmit(true, false, false, true, address(clearinghouse));
        emit EventsLib.MarketParametersSet(ETH, 0.2e18, 0.1e18, 0.01e18, 0.1e18, 0.3e18, 1e6);
        vm.prank(address(timelock));
        clearinghouse.setMarketParams(ETH, p);
        (,, IClearinghouse.MarketParams memory got,,) = clearinghouse.market(ETH);
        assertEq(got.initialMarginRate, 0.2e18);
        assertEq(got.maintenanceMarginRate, 0.1e18);
        assertEq(got.feeRate, 0.01e18);
        assertEq(got.liquidationFeeRate, 0.1e18);
        assertEq(got.liquidationImpact, 0.3e18);
        assertEq(got.liquidityDepth, 1e6);
    }

    function test_setMarketParams_revertsOnUnknownMarket() public {
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnknownMarket.selector, 3));
        clearinghouse.setMarketParams(3, _params());
    }

    function test_setMarketParams_bounds() public {
        IClearinghouse.MarketParams memory p = _params();
        p.maintenanceMarginRate = 0.005e18 - 1;
        _expectBounds(p, "maintenanceMarginRate", 0.005e18 - 1, 0.005e18, 1e18);
        p = _params();
        p.maintenanceMarginRate = 1e18 + 1;
        _expectBounds(p, "maintenanceMarginRate", 1e18 + 1, 0.005e18, 1e18);
        p = _params();
        p.initialMarginRate = 0.05e18 - 1;
        _expectBounds(p, "initialMarginRate", 0.05e18 - 1, 0.05e18, 1e18);
        p = _params();
        p.initialMarginRate = 1e18 + 1;
        _expectBounds(p, "initialMarginRate", 1e18 + 1, 0.05e18, 1e18);
        p = _params();
        p.feeRate = 0.01e18 + 1;
        _expectBounds(p, "feeRate", 0.01e18 + 1, 0, 0.01e18);
        p = _params();
        p.liquidationFeeRate = 0.05e18 + 1;
        _expectBounds(p, "liquidationFeeRate", 0.05e18 + 1, 0, 0.05e18);
        p = _params();
        p.liquidationImpact = 1e18 + 1;
        _expectBounds(p, "liquidationImpact", 1e18 + 1, 0, 1e18);
        p = _params();
        p.liquidityDepth = 0;
        _expectBounds(p, "liquidityDepth", 0, 1, type(uint128).max);
        p = _params();
        p.liquidityDepth = uint256(type(uint128).max) + 1;
        _expectBounds(p, "liquidityDepth", uint256(type(uint128).max) + 1, 1, type(uint128).max);
    }

    function test_setMaxPriceAge() public {
        vm.expectEmit(false, false, false, true, address(clearinghouse));
        emit EventsLib.MaxPriceAgeSet(1 days, 1 hours);
        _asTimelock(address(clearinghouse), abi.encodeCall(Clearinghouse.setMaxPriceAge, (1 hours)));
        assertEq(clearinghouse.maxPriceAge(), 1 hours);
        _asTimelock(address(clearinghouse), abi.encodeCall(Clearinghouse.setMaxPriceAge, (1 minutes)));
        _asTimelock(address(clearinghouse), abi.encodeCall(Clearinghouse.setMaxPriceAge, (7 days)));
        assertEq(clearinghouse.maxPriceAge(), 7 days);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "maxPriceAge", 59, 1 minutes, 7 days)
        );
        _asTimelock(address(clearinghouse), abi.encodeCall(Clearinghouse.setMaxPriceAge, (59)));
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "maxPriceAge", 7 days + 1, 1 minutes, 7 days)
        );
        _asTimelock(address(clearinghouse), abi.encodeCall(Clearinghouse.setMaxPriceAge, (7 days + 1)));
    }

    // ---------------------------------------------------------------- house

    function test_fundHouse() public {
        _mintUsd(stranger, 500e6);
        vm.startPrank(stranger);
        usd.approve(address(clearinghouse), 500e6);
        vm.expectEmit(true, false, false, true, address(clearinghouse));
        emit EventsLib.HouseFunded(stranger, 500e6);
        clearinghouse.fundHouse(500e6);
        vm.expectRevert(ErrorsLib.ZeroAmount.selector);
        clearinghouse.fundHouse(0);
        vm.stopPrank();
        assertEq(clearinghouse.houseLiquidity(), 500e6);
        _openStandard();
        assertEq(clearinghouse.totalMargin(), 3_000e6);
        assertEq(clearinghouse.houseLiquidity(), 500e6, "margin is not house liquidity");
    }

    // ---------------------------------------------------------------- open

    function test_openPosition_booksPositionFeeAndOI() public {
        _deposit(makeAddr("lp"), 0, 100_000e6);
        _mintUsd(trader, 3_015e6);
        vm.startPrank(trader);
        usd.approve(address(clearinghouse), 3_015e6);
        vm.expectEmit(true, true, false, true, address(clearinghouse));
        emit EventsLib.PositionOpened(trader, ETH, true, 10e18, 3_000e18, 3_000e6, 15e6);
        clearinghouse.openPosition(ETH, true, 10e18, 3_000e6);
        vm.stopPrank();

        assertEq(usd.balanceOf(trader), 0);
        IClearinghouse.Position memory p = clearinghouse.positionOf(trader, ETH);
        assertEq(p.size, 10e18);
        assertTrue(p.isLong);
        assertEq(p.entryPrice, 3_000e18);
        assertEq(p.margin, 3_000e6);
        assertEq(clearinghouse.totalMargin(), 3_000e6);
        assertEq(usd.balanceOf(address(clearinghouse)), 3_000e6, "fee left the clearinghouse");
        // fee paid as premium to the module, vesting in junior
        assertEq(module.totalPremiums(), 15e6);
        assertEq(tranches[0].totalPremiumReceived(), 15e6);
        (,,, uint256 longOI, uint256 shortOI) = clearinghouse.market(ETH);
        assertEq(longOI, 10e18);
        assertEq(shortOI, 0);
        (uint256 ln, uint256 sn) = clearinghouse.openInterestNotional(ETH);
        assertEq(ln, 30_000e6);
        assertEq(sn, 0);

        _open(makeAddr("shorter"), ETH, false, 4e18, 1_500e6);
        (,,, longOI, shortOI) = clearinghouse.market(ETH);
        assertEq(shortOI, 4e18);
        (ln, sn) = clearinghouse.openInterestNotional(ETH);
        assertEq(sn, 12_000e6);
    }

    function test_openPosition_feeHeldWhenNoCapital() public {
        _openStandard();
        assertEq(module.undistributedPremium(), 15e6);
        assertEq(usd.balanceOf(address(module)), 15e6);
    }

    function test_openPosition_zeroFee() public {
        IClearinghouse.MarketParams memory p = _params();
        p.feeRate = 0;
        vm.prank(address(timelock));
        clearinghouse.setMarketParams(ETH, p);
        _openStandard();
        assertEq(module.totalPremiums(), 0);
    }

    function test_openPosition_revertsOnUnknownMarket() public {
        vm.prank(trader);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnknownMarket.selector, 3));
        clearinghouse.openPosition(3, true, 1e18, 1e6);
    }

    function test_openPosition_revertsOnZero() public {
        vm.startPrank(trader);
        vm.expectRevert(ErrorsLib.ZeroAmount.selector);
        clearinghouse.openPosition(ETH, true, 0, 1e6);
        vm.expectRevert(ErrorsLib.ZeroAmount.selector);
        clearinghouse.openPosition(ETH, true, 1e18, 0);
        vm.stopPrank();
    }

    function test_openPosition_revertsWhenAlreadyOpen() public {
        _openStandard();
        _mintUsd(trader, 10_000e6);
        vm.startPrank(trader);
        usd.approve(address(clearinghouse), 10_000e6);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.PositionAlreadyOpen.selector, trader, ETH));
        clearinghouse.openPosition(ETH, false, 1e18, 1_000e6);
        // another market is fine
        clearinghouse.openPosition(SOL, false, 1e18, 100e6);
        vm.stopPrank();
        assertEq(clearinghouse.positionOf(trader, SOL).size, 1e18);
    }

    function test_openPosition_revertsOnInsufficientMargin() public {
        _mintUsd(trader, 10_000e6);
        vm.startPrank(trader);
        usd.approve(address(clearinghouse), 10_000e6);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InsufficientMargin.selector, 3_000e6, 3_000e6 - 1));
        clearinghouse.openPosition(ETH, true, 10e18, 3_000e6 - 1);
        // SOL needs 20%: 10 SOL at 150 = 1500 notional -> 300
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InsufficientMargin.selector, 300e6, 299e6));
        clearinghouse.openPosition(SOL, true, 10e18, 299e6);
        vm.stopPrank();
    }

    function test_openPosition_requiredMarginRoundsUp() public {
        // 1e9 wei ETH at 3000 = 3 units notional (0.000003 USD); 10% = 0.3 -> rounds up to 1
        _mintUsd(trader, 10e6);
        vm.startPrank(trader);
        usd.approve(address(clearinghouse), 10e6);
        clearinghouse.openPosition(ETH, true, 1e9, 1);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.PositionAlreadyOpen.selector, trader, ETH));
        clearinghouse.openPosition(ETH, true, 1e9, 1);
        vm.stopPrank();
        (int256 eq, uint256 mm) = clearinghouse.accountHealth(trader, ETH);
        assertEq(eq, 1);
        assertEq(mm, 0); // 5% of 3 units rounds down
        assertEq(clearinghouse.positionOf(trader, ETH).margin, 1);
    }

    // ---------------------------------------------------------------- oracle checks

    function test_stalePrice_reverts() public {
        _openStandard();
        vm.warp(T0 + 1 days); // exactly at the limit: fine
        (int256 eq,) = clearinghouse.accountHealth(trader, ETH);
        assertEq(eq, 3_000e6);
        vm.warp(T0 + 1 days + 1);
        vm.prank(trader);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.StalePrice.selector, ETH, T0, 1 days));
        clearinghouse.closePosition(ETH);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.StalePrice.selector, ETH, T0, 1 days));
        clearinghouse.liquidate(trader, ETH);
        vm.prank(trader);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.StalePrice.selector, BTC, T0, 1 days));
        clearinghouse.openPosition(BTC, true, 1e18, 10_000e6);
        // a fresh answer clears it
        _setPrice(ETH, 3_000e8);
        vm.prank(trader);
        clearinghouse.closePosition(ETH);
        assertEq(clearinghouse.positionOf(trader, ETH).size, 0);
    }

    function test_invalidPrice_reverts() public {
        _openStandard();
        _setPrice(ETH, 0);
        vm.prank(trader);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidPrice.selector, ETH, int256(0)));
        clearinghouse.closePosition(ETH);
        _setPrice(ETH, -5);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidPrice.selector, ETH, int256(-5)));
        clearinghouse.liquidate(trader, ETH);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidPrice.selector, ETH, int256(-5)));
        clearinghouse.openPosition(ETH, true, 1e18, 1_000e6);
        (uint256 price, uint256 at) = clearinghouse.oraclePrice(ETH);
        assertEq(price, 0);
        assertEq(at, block.timestamp);
    }

    function test_oraclePrice_scalesDecimals() public {
        (uint256 price, uint256 at) = clearinghouse.oraclePrice(BTC);
        assertEq(price, 60_000e18);
        assertEq(at, T0);
        MockAggregator feed18 = new MockAggregator(18, "X", keeper, 2.5e18);
        _marketChangeNow(abi.encodeCall(Clearinghouse.addMarket, ("X", AggregatorV3Interface(address(feed18)), _params(), 1 days)));
        (price,) = clearinghouse.oraclePrice(3);
        assertEq(price, 2.5e18);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnknownMarket.selector, 9));
        clearinghouse.oraclePrice(9);
    }

    // ---------------------------------------------------------------- close

    function test_closePosition_revertsWithoutPosition() public {
        vm.prank(trader);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NoPosition.selector, trader, ETH));
        clearinghouse.closePosition(ETH);
        vm.prank(trader);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnknownMarket.selector, 3));
        clearinghouse.closePosition(3);
    }

    function test_closePosition_profitPaidFromHouse() public {
        _fundHouse(10_000e6);
        _openStandard();
        _setPrice(ETH, 3_300e8);
        uint256 before = usd.balanceOf(trader);
        vm.expectEmit(true, true, false, true, address(clearinghouse));
        emit EventsLib.PositionClosed(trader, ETH, 3_300e18, 3_000e6, 16.5e6, 5_983.5e6);
        vm.prank(trader);
        clearinghouse.closePosition(ETH);
        assertEq(usd.balanceOf(trader) - before, 5_983.5e6);
        assertEq(clearinghouse.houseLiquidity(), 7_000e6);
        assertEq(clearinghouse.totalMargin(), 0);
        assertEq(clearinghouse.positionOf(trader, ETH).size, 0);
        (,,, uint256 longOI,) = clearinghouse.market(ETH);
        assertEq(longOI, 0);
        assertEq(module.totalPremiums(), 15e6 + 16.5e6);
    }

    function test_closePosition_lossKeptByHouse() public {
        _fundHouse(10_000e6);
        _openStandard();
        _setPrice(ETH, 2_900e8);
        uint256 before = usd.balanceOf(trader);
        vm.expectEmit(true, true, false, true, address(clearinghouse));
        emit EventsLib.PositionClosed(trader, ETH, 2_900e18, -1_000e6, 14.5e6, 1_985.5e6);
        vm.prank(trader);
        clearinghouse.closePosition(ETH);
        assertEq(usd.balanceOf(trader) - before, 1_985.5e6);
        assertEq(clearinghouse.houseLiquidity(), 11_000e6);
    }

    function test_closePosition_shortProfit() public {
        _fundHouse(10_000e6);
        _open(trader, ETH, false, 10e18, 3_000e6);
        _setPrice(ETH, 2_700e8);
        uint256 before = usd.balanceOf(trader);
        vm.prank(trader);
        clearinghouse.closePosition(ETH);
        // margin 3000 + pnl 3000 - fee 13.5
        assertEq(usd.balanceOf(trader) - before, 5_986.5e6);
        (,,,, uint256 shortOI) = clearinghouse.market(ETH);
        assertEq(shortOI, 0);
    }

    function test_closePosition_revertsOnNegativeEquity() public {
        _openStandard();
        _setPrice(ETH, 2_600e8);
        vm.prank(trader);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NegativeEquity.selector, -1_013e6));
        clearinghouse.closePosition(ETH);
    }

    function test_closePosition_revertsOnInsufficientHouseLiquidity() public {
        _openStandard();
        _setPrice(ETH, 3_300e8);
        vm.prank(trader);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InsufficientHouseLiquidity.selector, 6_000e6, 3_000e6));
        clearinghouse.closePosition(ETH);
    }

    function test_closePosition_doesNotUseOtherTradersMargin() public {
        _open(makeAddr("other"), BTC, true, 1e18, 50_000e6);
        _openStandard();
        _setPrice(ETH, 3_300e8);
        vm.prank(trader);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InsufficientHouseLiquidity.selector, 6_000e6, 3_000e6));
        clearinghouse.closePosition(ETH);
    }

    // ---------------------------------------------------------------- add margin

    function test_addMargin() public {
        _openStandard();
        _mintUsd(trader, 500e6);
        vm.startPrank(trader);
        usd.approve(address(clearinghouse), 500e6);
        vm.expectEmit(true, true, false, true, address(clearinghouse));
        emit EventsLib.MarginChanged(trader, ETH, 500e6, 3_500e6);
        clearinghouse.addMargin(ETH, 500e6);
        vm.stopPrank();
        assertEq(clearinghouse.positionOf(trader, ETH).margin, 3_500e6);
        assertEq(clearinghouse.totalMargin(), 3_500e6);
        (int256 eq,) = clearinghouse.accountHealth(trader, ETH);
        assertEq(eq, 3_500e6);
    }

    function test_addMargin_reverts() public {
        vm.startPrank(trader);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnknownMarket.selector, 3));
        clearinghouse.addMargin(3, 1e6);
        vm.expectRevert(ErrorsLib.ZeroAmount.selector);
        clearinghouse.addMargin(ETH, 0);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NoPosition.selector, trader, ETH));
        clearinghouse.addMargin(ETH, 1e6);
        vm.stopPrank();
    }

    function test_addMargin_rescuesFromLiquidation() public {
        _openStandard();
        _setPrice(ETH, 2_820e8);
        (int256 eq, uint256 mm) = clearinghouse.accountHealth(trader, ETH);
        assertLt(eq, int256(mm));
        _mintUsd(trader, 1_000e6);
        vm.startPrank(trader);
        usd.approve(address(clearinghouse), 1_000e6);
        clearinghouse.addMargin(ETH, 1_000e6);
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotLiquidatable.selector, int256(2_200e6), uint256(1_410e6)));
        clearinghouse.liquidate(trader, ETH);
    }

    // ---------------------------------------------------------------- liquidation

    function test_liquidate_revertsWhenHealthy() public {
        _openStandard();
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotLiquidatable.selector, int256(3_000e6), uint256(1_500e6)));
        clearinghouse.liquidate(trader, ETH);
        _setPrice(ETH, 2_900e8);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotLiquidatable.selector, int256(2_000e6), uint256(1_450e6)));
        clearinghouse.liquidate(trader, ETH);
        // equity exactly at maintenance is not liquidatable: margin 3000 + 10 * (p - 3000) = 0.5 * p  => p = 2842.105...
    }

    function test_liquidate_revertsWithoutPosition() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NoPosition.selector, trader, ETH));
        clearinghouse.liquidate(trader, ETH);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnknownMarket.selector, 4));
        clearinghouse.liquidate(trader, 4);
    }

    function test_liquidate_positiveEquityPaysRewardAndRest() public {
        _fundHouse(10_000e6);
        _openStandard();
        _setPrice(ETH, 2_820e8);
        uint256 notional = 28_200e6;
        uint256 exec = clearinghouse.liquidationPrice(ETH, true, 2_820e18, notional);
        assertLt(exec, 2_820e18);
        int256 equity = 3_000e6 + _pnl(10e18, true, 3_000e18, exec);
        assertGt(equity, 0);
        uint256 reward = Math.min(uint256(equity), 282e6); // 1% of notional
        assertEq(reward, 282e6);
        uint256 traderBefore = usd.balanceOf(trader);
        uint256 houseBefore = clearinghouse.houseLiquidity();

        vm.expectEmit(true, true, true, true, address(clearinghouse));
        emit EventsLib.Liquidation(trader, ETH, liquidator, 10e18, true, 2_820e18, exec, equity, 0, 0);
        vm.prank(liquidator);
        uint256 shortfall = clearinghouse.liquidate(trader, ETH);

        assertEq(shortfall, 0);
        assertEq(usd.balanceOf(liquidator), reward);
        assertEq(usd.balanceOf(trader) - traderBefore, uint256(equity) - reward);
        assertEq(clearinghouse.houseLiquidity(), houseBefore + 3_000e6 - uint256(equity));
        assertEq(clearinghouse.positionOf(trader, ETH).size, 0);
        assertEq(clearinghouse.totalMargin(), 0);
        assertEq(module.lossCount(), 0);
        (,,, uint256 longOI,) = clearinghouse.market(ETH);
        assertEq(longOI, 0);
    }

    function test_liquidate_rewardCappedByEquity() public {
        IClearinghouse.MarketParams memory p = _params();
        p.liquidationFeeRate = 0.05e18; // up to the maintenance rate
        vm.prank(address(timelock));
        clearinghouse.setMarketParams(ETH, p);
        _openStandard();
        _setPrice(ETH, 2_760e8); // mark equity 600, exec equity below 5% of notional
        uint256 exec = clearinghouse.liquidationPrice(ETH, true, 2_760e18, 27_600e6);
        int256 equity = 3_000e6 + _pnl(10e18, true, 3_000e18, exec);
        assertGt(equity, 0);
        assertLt(uint256(equity), 1_380e6);
        uint256 traderBefore = usd.balanceOf(trader);
        vm.prank(liquidator);
        clearinghouse.liquidate(trader, ETH);
        assertEq(usd.balanceOf(liquidator), uint256(equity));
        assertEq(usd.balanceOf(trader), traderBefore);
    }

    function test_liquidate_shortPositionSlipsUp() public {
        _open(trader, ETH, false, 10e18, 3_000e6);
        _setPrice(ETH, 3_180e8); // mark equity 1200 < 1590 maintenance
        uint256 exec = clearinghouse.liquidationPrice(ETH, false, 3_180e18, 31_800e6);
        assertGt(exec, 3_180e18);
        int256 equity = 3_000e6 + _pnl(10e18, false, 3_000e18, exec);
        uint256 traderBefore = usd.balanceOf(trader);
        vm.prank(liquidator);
        clearinghouse.liquidate(trader, ETH);
        assertEq(usd.balanceOf(liquidator), 318e6);
        assertEq(usd.balanceOf(trader) - traderBefore, uint256(equity) - 318e6);
        (,,,, uint256 shortOI) = clearinghouse.market(ETH);
        assertEq(shortOI, 0);
    }

    function test_liquidate_negativeEquityCoveredInSameTx() public {
        _deposit(makeAddr("a"), 0, 100_000e6);
        _deposit(makeAddr("b"), 1, 2_000_000e6);
        _fundHouse(1_000_000e6);
        uint256 margin = clearinghouse.initialMargin(ETH, 3_000_000e6);
        _open(trader, ETH, true, 1_000e18, margin);
        _setPrice(ETH, 2_000e8);
        // Equity is already negative at the mark: no slippage is charged on top, the backstop pays the mark loss.
        int256 equity = int256(margin) + _pnl(1_000e18, true, 3_000e18, 2_000e18);
        assertLt(equity, 0);
        uint256 expectedShortfall = uint256(-equity);
        uint256 houseBefore = clearinghouse.houseLiquidity();
        uint256 juniorAssets = tranches[0].totalAssets();
        // min(1% of 2M notional, half the margin, the 1,000 tUSD cap)
        uint256 reward = 1_000e6;

        vm.expectEmit(true, true, false, true, address(module));
        emit EventsLib.LossCovered(1, ETH, expectedShortfall, expectedShortfall, 0);
        vm.expectEmit(true, true, true, true, address(clearinghouse));
        emit EventsLib.Liquidation(
            trader, ETH, liquidator, 1_000e18, true, 2_000e18, 2_000e18, equity, expectedShortfall, 1
        );
        vm.prank(liquidator);
        uint256 shortfall = clearinghouse.liquidate(trader, ETH);

        assertEq(shortfall, expectedShortfall);
        assertEq(module.lossCount(), 1);
        assertEq(tranches[0].totalAssets(), 0, "junior first");
        assertEq(tranches[1].totalLossAbsorbed(), expectedShortfall - juniorAssets);
        // the house keeps the margin less the keeper's reward and receives the shortfall
        assertEq(clearinghouse.houseLiquidity(), houseBefore + margin + expectedShortfall - reward);
        assertEq(usd.balanceOf(liquidator), reward, "keeper paid from the defaulted margin");
        assertEq(clearinghouse.totalMargin(), 0);
    }

    function test_liquidate_negativeEquityWithEmptyBackstopRecordsDeficit() public {
        _fundHouse(100_000e6);
        _openStandard();
        _setPrice(ETH, 2_600e8);
        uint256 expectedShortfall = 1_000e6; // 3,000 margin − 4,000 loss at the mark
        uint256 houseBefore = clearinghouse.houseLiquidity();
        uint256 shortfall = clearinghouse.liquidate(trader, ETH);
        assertEq(shortfall, expectedShortfall);
        assertEq(module.totalDeficit(), expectedShortfall);
        // reward: 1% of the 26,000 notional (under half the margin and the cap)
        assertEq(usd.balanceOf(address(this)), 260e6);
        assertEq(clearinghouse.houseLiquidity(), houseBefore + 3_000e6 - 260e6);
    }

    // ---------------------------------------------------------------- slippage

    function test_liquidationSlippage_values() public view {
        assertEq(clearinghouse.liquidationSlippage(ETH, 0), 0);
        assertEq(clearinghouse.liquidationSlippage(ETH, 5_000_000e6), 0.1e18); // depth: impact × 1
        assertEq(clearinghouse.liquidationSlippage(ETH, 1_250_000e6), 0.05e18); // quarter depth: × 0.5
        assertEq(clearinghouse.liquidationSlippage(ETH, 20_000_000e6), 0.2e18); // 4× depth: × 2
        assertEq(clearinghouse.liquidationSlippage(ETH, 125_000_000e6), 0.5e18); // exactly the cap
        assertEq(clearinghouse.liquidationSlippage(ETH, 500_000_000e6), clearinghouse.MAX_SLIPPAGE());
        assertEq(clearinghouse.liquidationPrice(ETH, true, 3_000e18, 5_000_000e6), 2_700e18);
        assertEq(clearinghouse.liquidationPrice(ETH, false, 3_000e18, 5_000_000e6), 3_300e18);
        assertEq(clearinghouse.liquidationPrice(ETH, true, 3_000e18, 1e30), 1_500e18);
    }

    function test_liquidationSlippage_monotoneAndCapped() public view {
        uint256 prev;
        for (uint256 n = 1e6; n < 1e16; n = n * 3) {
            uint256 s = clearinghouse.liquidationSlippage(BTC, n);
            assertGe(s, prev);
            assertLe(s, 0.5e18);
            prev = s;
        }
        assertEq(prev, 0.5e18);
    }

    function test_liquidationSlippage_revertsOnUnknownMarket() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnknownMarket.selector, 3));
        clearinghouse.liquidationSlippage(3, 1e6);
    }

    // ---------------------------------------------------------------- views

    function test_accountHealth() public {
        (int256 eq, uint256 mm) = clearinghouse.accountHealth(trader, ETH);
        assertEq(eq, 0);
        assertEq(mm, 0);
        _openStandard();
        _setPrice(ETH, 2_900e8);
        (eq, mm) = clearinghouse.accountHealth(trader, ETH);
        assertEq(eq, 2_000e6);
        assertEq(mm, 1_450e6);
        _setPrice(ETH, 2_500e8);
        (eq, mm) = clearinghouse.accountHealth(trader, ETH);
        assertEq(eq, -2_000e6);
        assertEq(mm, 1_250e6);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnknownMarket.selector, 3));
        clearinghouse.accountHealth(trader, 3);
    }

    function test_openInterestNotional_revaluesAtOraclePrice() public {
        _open(trader, BTC, true, 2e18, 12_000e6);
        _open(stranger, BTC, false, 1e18, 6_000e6);
        (uint256 ln, uint256 sn) = clearinghouse.openInterestNotional(BTC);
        assertEq(ln, 120_000e6);
        assertEq(sn, 60_000e6);
        _setPrice(BTC, 30_000e8);
        (ln, sn) = clearinghouse.openInterestNotional(BTC);
        assertEq(ln, 60_000e6);
        assertEq(sn, 30_000e6);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnknownMarket.selector, 3));
        clearinghouse.openInterestNotional(3);
    }

    function test_market_revertsOnUnknown() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnknownMarket.selector, 3));
        clearinghouse.market(3);
    }

    /// @dev Governance may raise maintenance margin on open positions, making a position in profit liquidatable.
    /// Its equity then exceeds its margin, and the payout must come from house liquidity, never from other
    /// traders' margin.
    function test_liquidate_profitablePositionNeverPaysOutOtherTradersMargin() public {
        _open(makeAddr("other"), BTC, true, 1e18, 50_000e6);
        _openStandard();
        _setPrice(ETH, 3_300e8); // +3000 profit on 3000 margin
        vm.prank(address(timelock));
        clearinghouse.setMarketParams(ETH, _marketParams(1e18, 1e18, 0.1e18, 5_000_000e6));
        (int256 eq, uint256 mm) = clearinghouse.accountHealth(trader, ETH);
        assertLt(eq, int256(mm), "now liquidatable");
        assertEq(clearinghouse.houseLiquidity(), 0);
        try clearinghouse.liquidate(trader, ETH) {} catch {}
        // whatever liquidate does, the other trader's margin must stay fully backed
        assertGe(usd.balanceOf(address(clearinghouse)), clearinghouse.totalMargin(), "margin backing broken");
    }

    function test_liquidate_profitablePositionPaidFromHouseWhenFunded() public {
        _fundHouse(10_000e6);
        _openStandard();
        _setPrice(ETH, 3_300e8);
        vm.prank(address(timelock));
        clearinghouse.setMarketParams(ETH, _marketParams(1e18, 1e18, 0.1e18, 5_000_000e6));
        uint256 exec = clearinghouse.liquidationPrice(ETH, true, 3_300e18, 33_000e6);
        int256 equity = 3_000e6 + _pnl(10e18, true, 3_000e18, exec);
        assertGt(uint256(equity), 3_000e6, "equity above margin");
        uint256 traderBefore = usd.balanceOf(trader);
        vm.prank(liquidator);
        clearinghouse.liquidate(trader, ETH);
        assertEq(usd.balanceOf(liquidator), 330e6);
        assertEq(usd.balanceOf(trader) - traderBefore, uint256(equity) - 330e6);
        assertEq(clearinghouse.houseLiquidity(), 13_000e6 - uint256(equity));
    }
}
