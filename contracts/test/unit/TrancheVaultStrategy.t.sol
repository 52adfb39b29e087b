// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {HostileYieldVault, OtherAssetVault} from "../utils/StrategyMocks.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {BackstopLens} from "../../src/BackstopLens.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../src/libraries/EventsLib.sol";

/// @notice Productive capital (issue #23 part 2): a tranche keeps a buffer idle and the rest in a governance-set
/// ERC-4626 strategy; covers and exits redeem what the buffer lacks, a report books yield (vesting) or a loss (a loss
/// row of its own, on that tranche only), and a strategy that will not pay never blocks a cover.
contract TrancheVaultStrategyTest is BackstopFixture {
    HostileYieldVault internal strategy;
    address internal yieldOwner = makeAddr("yieldOwner");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    uint256 internal constant BUFFER = 0.2e18;

    function setUp() public override {
        super.setUp();
        vm.chainId(31337); // the stablecoin's faucet, which the local yield vault accrues from, works here only
        strategy = new HostileYieldVault(usd, yieldOwner);
        _deposit(alice, 0, 500_000e6);
        _deposit(alice, 1, 1_000_000e6);
        _deposit(alice, 2, 2_000_000e6);
        _setStrategy(1, strategy, BUFFER);
        _setStrategy(2, strategy, BUFFER);
        module.rebalance(1);
        module.rebalance(2);
    }

    function _setStrategy(uint8 t, IERC4626 s, uint256 buffer) internal {
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setTrancheStrategy, (t, s, buffer)));
    }

    function _accrue(uint256 amount) internal {
        vm.prank(yieldOwner);
        strategy.accrue(amount);
    }

    function _strategyLoss(uint256 amount) internal {
        vm.prank(yieldOwner);
        strategy.takeLoss(amount, yieldOwner);
    }

    function test_rebalanceKeepsTheBufferIdleAndTheRestInTheStrategy() public view {
        TrancheVault mezzanine = tranches[1];
        assertEq(mezzanine.totalAssets(), 1_000_000e6, "moving assets does not change what the shares are worth");
        assertEq(mezzanine.idleAssets(), 200_000e6);
        assertEq(mezzanine.strategyAssets(), 800_000e6);
        assertEq(mezzanine.liveStrategyAssets(), mezzanine.strategyAssets());
        assertEq(usd.balanceOf(address(mezzanine)), 200_000e6);
        assertEq(tranches[0].idleAssets(), 500_000e6, "Junior has no strategy");
    }

    function test_lensShowsTheSplitRecordedAndLiveValueAndYield() public {
        _accrue(30_000e6);
        BackstopLens.Dashboard memory d = lens.getDashboard(address(0));
        BackstopLens.TrancheView memory m = d.tranches[1];
        assertEq(m.strategy, address(strategy));
        assertEq(m.bufferShare, BUFFER);
        assertEq(m.idleAssets, 200_000e6);
        assertEq(m.strategyAssets, 800_000e6);
        assertApproxEqAbs(m.liveStrategyAssets, 810_000e6, 1, "live includes the yield not yet reported");
        assertEq(m.totalYieldReceived, 0);
        assertEq(d.tranches[0].strategy, address(0));
        module.rebalance(1);
        m = lens.getDashboard(address(0)).tranches[1];
        assertEq(m.strategyAssets, m.liveStrategyAssets);
        assertApproxEqAbs(m.totalYieldReceived, 10_000e6, 2);
    }

    function test_depositsStayIdleUntilTheNextRebalance() public {
        _deposit(bob, 1, 100_000e6);
        assertEq(tranches[1].idleAssets(), 300_000e6);
        assertEq(tranches[1].strategyAssets(), 800_000e6);
        module.rebalance(1);
        assertEq(tranches[1].idleAssets(), 220_000e6);
        assertEq(tranches[1].strategyAssets(), 880_000e6);
    }

    function test_yieldIsBookedAtTheReportAndVestsLikePremium() public {
        TrancheVault mezzanine = tranches[1];
        // Both tranches hold the strategy's shares in proportion 800k : 1.6M.
        _accrue(24_000e6);
        uint256 priceBefore = mezzanine.sharePrice();
        vm.expectEmit(true, true, false, true, address(module));
        emit EventsLib.StrategyYield(1, address(strategy), 8_000e6 - 1);
        (uint256 gain, uint256 loss) = module.rebalance(1);
        assertEq(loss, 0);
        assertApproxEqAbs(gain, 8_000e6, 2);
        assertEq(mezzanine.totalYieldReceived(), gain);
        assertEq(mezzanine.totalPremiumReceived(), 0, "yield is counted apart from premium");
        assertEq(mezzanine.sharePrice(), priceBefore, "the yield vests: no jump at the report");
        assertEq(mezzanine.strategyAssets(), mezzanine.liveStrategyAssets(), "after a report recorded = live");
        vm.warp(block.timestamp + module.premiumVestingPeriod());
        assertApproxEqAbs(mezzanine.totalAssets(), 1_000_000e6 + gain, 1);
        assertGt(mezzanine.sharePrice(), priceBefore);
    }

    function test_aStrategyLossIsALossRowOnThatTrancheOnly() public {
        _strategyLoss(240_000e6); // 10% of the strategy: 80k of Mezzanine's, 160k of Senior's
        uint256 lossCount = module.lossCount();
        uint256 juniorBefore = tranches[0].totalAssets();
        uint256 seniorBefore = tranches[2].totalAssets();
        vm.expectEmit(true, true, true, false, address(module)); // the amount, rounded by the strategy, below
        emit EventsLib.StrategyLoss(lossCount + 1, 1, address(strategy), 80_000e6);
        (, uint256 loss) = module.rebalance(1);
        assertApproxEqAbs(loss, 80_000e6, 2, "the strategy's rounding is part of the loss");
        assertEq(module.lossCount(), lossCount + 1);
        assertEq(tranches[1].totalAssets(), 1_000_000e6 - loss);
        assertEq(tranches[1].totalLossAbsorbed(), loss);
        assertLt(tranches[1].lossIndex(), 1e27, "requests in cooldown bear it too");
        assertEq(tranches[0].totalAssets(), juniorBefore, "Junior does not pay for Mezzanine's strategy");
        assertEq(tranches[2].totalAssets(), seniorBefore, "Senior's part is booked at its own report");
        assertApproxEqAbs(tranches[1].idleAssets(), 184_000e6, 2, "the buffer is refilled to 20% of what is left");
    }

    /// @notice Cover larger than the buffer: Junior's 500k and then 300k of Mezzanine, whose buffer is 200k.
    function test_coverLargerThanTheBufferRedeemsFromTheStrategy() public {
        (, uint256 covered) = _cover(800_000e6);
        assertEq(covered, 800_000e6);
        assertEq(tranches[0].totalAssets(), 0);
        assertEq(tranches[1].totalAssets(), 700_000e6);
        assertEq(tranches[1].idleAssets(), 0);
        assertEq(tranches[1].strategyAssets(), 700_000e6);
        assertEq(tranches[2].totalAssets(), 2_000_000e6, "Senior untouched");
        assertEq(usd.balanceOf(address(clearinghouse)) >= 800_000e6, true);
    }

    function test_exitLargerThanTheBufferRedeemsFromTheStrategy() public {
        uint256 shares = _deposit(bob, 1, 1_000_000e6);
        module.rebalance(1); // idle 400k, strategy 1.6M
        vm.prank(bob);
        tranches[1].cooldownShares(shares);
        vm.warp(block.timestamp + 7 days + 1);
        uint256 before = usd.balanceOf(bob);
        vm.prank(bob);
        uint256 assets = tranches[1].redeem(shares, bob, bob);
        assertApproxEqAbs(assets, 1_000_000e6, 1);
        assertEq(usd.balanceOf(bob) - before, assets);
        assertEq(tranches[1].idleAssets(), 0);
        assertApproxEqAbs(tranches[1].totalAssets(), 1_000_000e6, 1);
    }

    /// @notice A strategy that refuses every withdrawal while advertising liquidity: the cover still settles; what
    /// Mezzanine cannot pay from its buffer falls to Senior.
    function test_strategyRefusingWithdrawalsDuringACoverDoesNotBlockIt() public {
        vm.prank(yieldOwner);
        strategy.setRefuseWithdrawals(true);
        (, uint256 covered) = _cover(800_000e6);
        assertEq(covered, 800_000e6);
        assertEq(tranches[0].totalAssets(), 0);
        assertEq(tranches[1].totalAssets(), 800_000e6, "Mezzanine paid its 200k buffer");
        assertEq(tranches[2].totalAssets(), 1_900_000e6, "Senior paid the 100k Mezzanine could not");
    }

    function test_strategyWithAWithdrawLimitPaysWhatItCanAndTheRestFallsToDeficit() public {
        vm.prank(yieldOwner);
        strategy.setWithdrawLimit(50_000e6);
        (uint256 lossId, uint256 covered) = _cover(3_500_000e6);
        // Junior 500k; Mezzanine 200k + 50k; Senior 400k + 50k (the strategy's limit is per call).
        assertEq(covered, 1_200_000e6);
        assertEq(module.totalDeficit(), 2_300_000e6);
        assertGt(lossId, 0);
    }

    function test_strategyWhoseViewsRevertNeverBricksACover() public {
        vm.prank(yieldOwner);
        strategy.setRevertViews(true);
        (, uint256 covered) = _cover(800_000e6);
        assertEq(covered, 800_000e6);
        assertEq(tranches[1].totalAssets(), 800_000e6);
        (uint256 gain, uint256 loss) = module.rebalance(1);
        assertEq(gain + loss, 0, "nothing is booked against a strategy that cannot price its shares");
    }

    function test_exitTheStrategyCannotFundRevertsWithTheReason() public {
        uint256 shares = _deposit(bob, 1, 1_000_000e6);
        module.rebalance(1);
        vm.prank(bob);
        tranches[1].cooldownShares(shares);
        vm.warp(block.timestamp + 7 days + 1);
        vm.prank(yieldOwner);
        strategy.setRefuseWithdrawals(true);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.StrategyIlliquid.selector, 1_000_000e6, 400_000e6));
        vm.prank(bob);
        tranches[1].withdraw(1_000_000e6, bob, bob);
    }

    /// @notice Attacker: deposits right before a report of a month's yield, requests his exit right after it and
    /// leaves in his window. The yield vests, and an exit pays no more than the value at request: he gets nothing
    /// of the yield; the holder who stayed gets it all.
    function test_attack_sandwichingAYieldReportEarnsNothing() public {
        _accrue(60_000e6); // 20k of it Mezzanine's
        address attacker = makeAddr("attacker");
        uint256 shares = _deposit(attacker, 1, 1_000_000e6);
        module.rebalance(1);
        vm.prank(attacker);
        tranches[1].cooldownShares(shares);
        vm.warp(block.timestamp + 7 days + 1);
        vm.prank(attacker);
        uint256 out = tranches[1].redeem(shares, attacker, attacker);
        assertLe(out, 1_000_000e6, "not a unit of the yield");
        assertApproxEqAbs(tranches[1].previewRedeem(tranches[1].balanceOf(alice)), 1_000_000e6 + 20_000e6, 1e6);
    }

    function test_roundingDustIsBookedNotLeftBehind() public {
        // Odd amounts in and out, many times: after each report the books equal the strategy's value exactly.
        for (uint256 i = 1; i < 20; ++i) {
            _deposit(bob, 1, 333_333 * i + 7);
            _accrue(i * 13);
            module.rebalance(1);
            assertEq(tranches[1].strategyAssets(), tranches[1].liveStrategyAssets());
            assertEq(tranches[1].accountedAssets(), tranches[1].idleAssets() + tranches[1].strategyAssets());
            assertGe(usd.balanceOf(address(tranches[1])), tranches[1].idleAssets());
        }
    }

    /// @notice Attacker: nudges the strategy's rounding and reports, again and again, to fill the loss table with
    /// one-unit losses. The dust is booked, but no loss id is spent on it.
    function test_attack_roundingDustDoesNotFillTheLossTable() public {
        uint256 lossCount = module.lossCount();
        address attacker = makeAddr("attacker");
        _mintUsd(attacker, 1_000e6);
        uint256 booked;
        for (uint256 i; i < 30; ++i) {
            vm.prank(attacker);
            usd.transfer(address(strategy), 1); // an odd share price, so the tranche's next deposit rounds
            _deposit(bob, 1, 1_000_003 + i * 7919);
            (, uint256 loss) = module.rebalance(1);
            booked += loss;
            assertLe(loss, module.STRATEGY_LOSS_DUST());
        }
        assertEq(module.lossCount(), lossCount, "no loss row for rounding");
        assertEq(tranches[1].strategyAssets(), tranches[1].liveStrategyAssets(), "the dust is still booked");
        assertGt(booked, 0, "the nudges did cost the tranche rounding");
        assertLe(booked, 60, "a unit or two per report");
    }

    function test_switchingStrategyRedeemsEverythingFromTheOldOne() public {
        HostileYieldVault next = new HostileYieldVault(usd, yieldOwner);
        _accrue(3_000e6);
        _setStrategy(1, next, 0.5e18);
        assertEq(strategy.balanceOf(address(tranches[1])), 0);
        assertEq(tranches[1].strategyAssets(), 0);
        assertApproxEqAbs(tranches[1].totalYieldReceived(), 1_000e6, 2, "the old strategy's yield is booked");
        assertEq(address(tranches[1].strategy()), address(next));
        module.rebalance(1);
        assertApproxEqAbs(tranches[1].strategyAssets(), tranches[1].accountedAssets() / 2, 1);
    }

    function test_removingAStrategyThatKeepsAssetsWritesThemOffAsALoss() public {
        vm.prank(yieldOwner);
        strategy.setRefuseWithdrawals(true);
        uint256 lossCount = module.lossCount();
        _setStrategy(1, IERC4626(address(0)), 1e18);
        assertEq(module.lossCount(), lossCount + 1);
        assertEq(tranches[1].totalAssets(), 200_000e6);
        assertEq(tranches[1].strategyAssets(), 0);
        assertEq(address(tranches[1].strategy()), address(0));
    }

    function test_wipedTrancheEmptiesItsStrategyBeforeANewEpoch() public {
        _cover(1_500_000e6 - 100e6); // Junior and all but 100 tUSD of Mezzanine: under the floor
        assertTrue(tranches[1].wiped());
        _asTimelock(address(module), abi.encodeCall(BackstopModule.startNewEpoch, (1)));
        assertEq(tranches[1].strategyAssets(), 0);
        assertEq(strategy.balanceOf(address(tranches[1])), 0);
        (, uint256 settled) = tranches[1].settlements(0);
        assertEq(usd.balanceOf(address(tranches[1])), settled, "the settlement is idle");
    }

    function test_onlyGovernanceSetsStrategiesWithinBounds() public {
        vm.expectRevert();
        module.setTrancheStrategy(1, strategy, BUFFER);
        vm.prank(address(timelock));
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "bufferShare", 0.01e18, 0.05e18, 1e18)
        );
        module.setTrancheStrategy(1, strategy, 0.01e18);
        OtherAssetVault other = new OtherAssetVault(IERC20(address(token)));
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidStrategy.selector, address(other)));
        module.setTrancheStrategy(1, IERC4626(address(other)), BUFFER);
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidStrategy.selector, address(tranches[0])));
        module.setTrancheStrategy(1, IERC4626(address(tranches[0])), BUFFER);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotModule.selector, address(this)));
        tranches[1].rebalance();
    }

    function test_bufferShareChangeMovesAssetsAtTheNextRebalance() public {
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setBufferShare, (1, 0.5e18)));
        assertEq(tranches[1].bufferShare(), 0.5e18);
        module.rebalance(1);
        assertEq(tranches[1].idleAssets(), 500_000e6);
    }
}
