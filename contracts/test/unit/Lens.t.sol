// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {BackstopLens} from "../../src/BackstopLens.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {IBackstopModule} from "../../src/interfaces/IBackstopModule.sol";
import {Clearinghouse} from "../../src/Clearinghouse.sol";
import {IClearinghouse} from "../../src/interfaces/IClearinghouse.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";

contract BackstopLensTest is BackstopFixture {
    address internal alice = makeAddr("alice");
    address internal trader = makeAddr("trader");

    function setUp() public override {
        super.setUp();
        _deposit(alice, 0, 50_000e6);
        _deposit(alice, 1, 120_000e6);
        _deposit(makeAddr("bob"), 2, 300_000e6);
        _fundHouse(500_000e6);
        _open(trader, ETH, true, 100e18, 30_000e6);
        _open(trader, BTC, false, 1e18, 6_000e6);
        _setPrice(ETH, 2_800e8);
        vm.prank(alice);
        tranches[1].cooldownShares(20_000e12);
        vm.prank(alice);
        usd.approve(address(tranches[2]), 77e6);
        vm.warp(block.timestamp + 7 days + 1);
        _setPrice(ETH, 2_850e8);
        _setPrice(BTC, 61_000e8);
        _setPrice(SOL, 140e8);
        vm.prank(address(clearinghouse));
        module.cover(ETH, 10_000e6);
    }

    function test_lens_immutables() public view {
        assertEq(address(lens.module()), address(module));
        assertEq(address(lens.clearinghouse()), address(clearinghouse));
        assertEq(address(lens.governor()), address(governor));
    }

    function test_getDashboard_withoutUser() public view {
        BackstopLens.Dashboard memory d = lens.getDashboard(address(0));
        assertEq(d.blockNumber, block.number);
        assertEq(d.timestamp, block.timestamp);

        BackstopLens.ModuleView memory m = d.module;
        assertEq(m.module, address(module));
        assertEq(m.asset, address(usd));
        assertEq(m.assetDecimals, 6);
        assertEq(m.assetSymbol, "tUSD");
        assertEq(m.totalCapital, module.totalCapital());
        assertEq(m.requiredCapital, module.requiredCapital());
        assertGt(m.requiredCapital, 0);
        assertEq(m.solvencyRatio, module.solvencyRatio());
        assertEq(m.solvencyThreshold, module.solvencyThreshold());
        assertEq(m.totalDeficit, module.totalDeficit());
        assertEq(m.lossCount, 1);
        assertEq(m.totalPremiums, module.totalPremiums());
        assertGt(m.totalPremiums, 0);
        assertEq(m.undistributedPremium, module.undistributedPremium());
        assertEq(m.premiumVestingPeriod, 7 days);
        assertEq(m.depositsPaused, false);
        assertEq(m.guardian, guardian);
        assertEq(m.owner, address(timelock));

        assertEq(d.tranches.length, 3);
        for (uint8 i; i < 3; ++i) {
            BackstopLens.TrancheView memory t = d.tranches[i];
            TrancheVault v = tranches[i];
            IBackstopModule.TrancheParams memory p = module.trancheParams(i);
            assertEq(t.id, i);
            assertEq(t.vault, address(v));
            assertEq(t.name, v.name());
            assertEq(t.symbol, v.symbol());
            assertEq(t.shareDecimals, 12);
            assertEq(t.totalAssets, v.totalAssets());
            assertEq(t.totalSupply, v.totalSupply());
            assertEq(t.sharePrice, v.sharePrice());
            assertEq(t.unvestedPremium, v.unvestedPremium());
            assertEq(t.depositCap, p.depositCap);
            assertEq(t.cooldown, p.cooldown);
            assertEq(t.unstakeWindow, p.unstakeWindow);
            assertEq(t.riskMultiplier, p.riskMultiplier);
            assertEq(t.totalLossAbsorbed, v.totalLossAbsorbed());
            assertEq(t.totalPremiumReceived, v.totalPremiumReceived());
        }
        assertEq(d.tranches[0].totalLossAbsorbed, 10_000e6);

        assertEq(d.markets.length, 3);
        for (uint256 id; id < 3; ++id) {
            BackstopLens.MarketView memory mv = d.markets[id];
            (string memory name, address oracle, IClearinghouse.MarketParams memory p, uint256 l, uint256 s) =
                clearinghouse.market(id);
            (, int256 answer,, uint256 updatedAt,) = oracles[id].latestRoundData();
            (uint256 ln, uint256 sn) = clearinghouse.openInterestNotional(id);
            assertEq(mv.id, id);
            assertEq(mv.name, name);
            assertEq(mv.oracle, oracle);
            assertEq(mv.price, answer);
            assertEq(mv.priceDecimals, 8);
            assertEq(mv.priceUpdatedAt, updatedAt);
            assertEq(mv.longOpenInterest, l);
            assertEq(mv.shortOpenInterest, s);
            assertEq(mv.longNotional, ln);
            assertEq(mv.shortNotional, sn);
            assertEq(mv.stressLossRate, module.stressLossRate(id));
            assertEq(mv.initialMarginRate, p.initialMarginRate);
            assertEq(mv.maintenanceMarginRate, p.maintenanceMarginRate);
            assertEq(mv.feeRate, p.feeRate);
            assertEq(mv.liquidationImpact, p.liquidationImpact);
            assertEq(mv.liquidityDepth, p.liquidityDepth);
        }
        assertEq(d.markets[ETH].price, 2_850e8);
        assertEq(d.markets[ETH].longNotional, 285_000e6);
        assertEq(d.markets[BTC].shortNotional, 61_000e6);

        BackstopLens.GovernanceView memory g = d.governance;
        assertEq(g.governor, address(governor));
        assertEq(g.timelock, address(timelock));
        assertEq(g.token, address(token));
        assertEq(g.votingDelay, 1 days);
        assertEq(g.votingPeriod, 3 days);
        assertEq(g.proposalThreshold, 10_000e18);
        assertEq(g.quorumNumerator, 4);
        assertEq(g.timelockDelay, TIMELOCK_DELAY);

        // no user section
        assertEq(d.user.account, address(0));
        assertEq(d.user.tranches.length, 0);
    }

    function test_getDashboard_withUser() public view {
        BackstopLens.Dashboard memory d = lens.getDashboard(alice);
        BackstopLens.UserView memory u = d.user;
        assertEq(u.account, alice);
        assertEq(u.assetBalance, usd.balanceOf(alice));
        assertEq(u.permitNonce, usd.nonces(alice));
        assertEq(u.votingPower, token.getVotes(alice));
        assertEq(u.delegate, token.delegates(alice));
        assertEq(u.governanceBalance, token.balanceOf(alice));
        assertEq(u.tranches.length, 3);
        for (uint8 i; i < 3; ++i) {
            BackstopLens.UserTrancheView memory t = u.tranches[i];
            TrancheVault v = tranches[i];
            (uint256 cs, uint256 ce, uint256 we) = v.cooldownOf(alice);
            assertEq(t.shares, v.balanceOf(alice));
            assertEq(t.assets, v.convertToAssets(v.balanceOf(alice)));
            assertEq(t.maxDeposit, v.maxDeposit(alice));
            assertEq(t.maxWithdraw, v.maxWithdraw(alice));
            assertEq(t.maxRedeem, v.maxRedeem(alice));
            assertEq(t.cooldownShares, cs);
            assertEq(t.cooldownEnd, ce);
            assertEq(t.windowEnd, we);
            assertEq(t.allowance, usd.allowance(alice, address(v)));
        }
        assertEq(u.tranches[0].shares, 50_000e12);
        assertEq(u.tranches[1].cooldownShares, 20_000e12);
        assertEq(u.tranches[1].maxRedeem, 20_000e12, "inside the window");
        assertGt(u.tranches[1].maxWithdraw, 0);
        assertEq(u.tranches[2].shares, 0);
        assertEq(u.tranches[2].allowance, 77e6);
    }

    function test_getDashboard_voterGovernanceFields() public view {
        BackstopLens.Dashboard memory d = lens.getDashboard(voter);
        assertEq(d.user.votingPower, 200_000e18);
        assertEq(d.user.delegate, voter);
        assertEq(d.user.governanceBalance, 200_000e18);
    }

    function test_getDashboard_reflectsPause() public {
        vm.prank(guardian);
        module.setDepositsPaused(true);
        BackstopLens.Dashboard memory d = lens.getDashboard(alice);
        assertTrue(d.module.depositsPaused);
        for (uint256 i; i < 3; ++i) {
            assertEq(d.user.tranches[i].maxDeposit, 0);
        }
    }

    function test_getDashboard_premiumCurveAndSteward() public {
        vm.prank(riskKeeper);
        steward.update(3, 0.66e18);
        BackstopLens.Dashboard memory d = lens.getDashboard(address(0));
        BackstopLens.PremiumView memory p = d.premium;
        (uint256 u, uint256 at) = clearinghouse.utilisation();
        assertEq(p.utilisation, u);
        assertEq(p.utilisationAt, at);
        assertGt(u, 0, "the opens measured utilisation");
        assertEq(p.multiplier, clearinghouse.premiumMultiplierAt(u));
        // Live: required ÷ capital now, after the price moves and the cover since the last open.
        assertApproxEqRel(p.liveUtilisation, d.module.requiredCapital * 1e18 / d.module.totalCapital, 1e9);
        assertEq(p.liveMultiplier, clearinghouse.premiumMultiplierAt(p.liveUtilisation));
        assertEq(p.volatility, 0.66e18);
        assertEq(p.kink, KINK);
        assertEq(p.slope1, SLOPE1);
        assertEq(p.slope2, SLOPE2);
        assertEq(p.referenceVolatility, REFERENCE_VOLATILITY);
        assertEq(p.maxPremiumRate, 0.02e18);
        assertEq(p.steward, address(steward));
        assertEq(p.keeper, riskKeeper);
        assertFalse(p.stewardPaused);
        assertEq(p.maxStep, STEWARD_MAX_STEP);
        assertEq(p.minInterval, STEWARD_MIN_INTERVAL);
        assertEq(p.stewardMin[0], 1.5e18);
        assertEq(p.stewardMax[3], 2e18);
        assertEq(p.stewardLastUpdateAt[3], block.timestamp);
        assertEq(p.stewardLastUpdateAt[0], 0);
        for (uint256 i; i < d.markets.length; ++i) {
            assertEq(d.markets[i].premiumRate, clearinghouse.premiumRate(i));
        }
    }

    function test_getDashboard_withoutSteward() public {
        vm.prank(address(timelock));
        clearinghouse.setRiskSteward(address(0));
        BackstopLens.PremiumView memory p = lens.getDashboard(address(0)).premium;
        assertEq(p.steward, address(0));
        assertEq(p.keeper, address(0));
        assertEq(p.maxStep, 0);
        assertGt(p.volatility, 0, "the curve is still read");
    }
}
