// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {console} from "forge-std/console.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {HostileYieldVault} from "../utils/StrategyMocks.sol";
import {TestStablecoin} from "../../src/TestStablecoin.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";

/// @notice Drives all three tranches with Mezzanine and Senior in one strategy that earns, loses, limits and refuses
/// withdrawals: deposits, covers, exits, reports, premiums, buffer changes, time and new epochs. The handler checks
/// what holds around each call (it owns the strategy) (a report leaves recorded = live; a cover drains the tranches in order; a strategy
/// loss touches only its tranche) and flips a flag with its reason when it does not.
contract StrategyHandler is Test {
    TestStablecoin internal usd;
    BackstopModule internal module;
    TrancheVault[3] internal vaults;
    HostileYieldVault public strategy;
    address internal clearinghouse;
    address internal timelock;
    address[3] internal actors = [makeAddr("s1"), makeAddr("s2"), makeAddr("s3")];

    bool public reportLeftRecordedOffLive;
    bool public waterfallBroken;
    bool public strategyLossSpread;
    string public firstViolation;
    uint256 public reports;
    uint256 public covers;
    uint256 public strategyLosses;

    constructor(
        TestStablecoin usd_,
        BackstopModule module_,
        HostileYieldVault strategy_,
        address clearinghouse_,
        address timelock_
    ) {
        usd = usd_;
        module = module_;
        strategy = strategy_;
        clearinghouse = clearinghouse_;
        timelock = timelock_;
        for (uint8 t; t < 3; ++t) {
            vaults[t] = TrancheVault(address(module_.tranche(t)));
        }
        for (uint256 i; i < 3; ++i) {
            deal(address(usd), actors[i], 1e30, true);
            vm.startPrank(actors[i]);
            for (uint256 t; t < 3; ++t) {
                usd.approve(address(vaults[t]), type(uint256).max);
            }
            usd.approve(address(module), type(uint256).max);
            vm.stopPrank();
        }
    }

    function deposit(uint256 who, uint256 trancheSeed, uint256 assets) external {
        address actor = actors[who % 3];
        TrancheVault vault = vaults[trancheSeed % 3];
        assets = bound(assets, 1, 1_000_000e6);
        vm.prank(actor);
        try vault.deposit(assets, actor) {} catch {}
    }

    function cover(uint256 amount) external {
        amount = bound(amount, 1, 3_000_000e6);
        uint256[3] memory absorbable;
        uint256[3] memory before;
        for (uint256 t; t < 3; ++t) {
            before[t] = vaults[t].totalAssets();
            absorbable[t] = _absorbable(t, before[t]);
        }
        vm.prank(clearinghouse);
        (, uint256 covered) = module.cover(0, amount);
        covers++;
        uint256 left = amount;
        for (uint256 t; t < 3; ++t) {
            uint256 paid = before[t] - vaults[t].totalAssets();
            uint256 expected = left < absorbable[t] ? left : absorbable[t];
            // At least what it could pay before the cover (the loss reached it) and never beyond the loss left. It may
            // pay more than predicted: a tranche ahead of it withdrawing from their shared strategy moves the price
            // the strategy pays its other holders.
            if (paid < expected || paid > left) {
                waterfallBroken = _flag("a tranche paid other than its turn in the waterfall allowed");
            }
            left -= paid;
        }
        if (covered != amount - left) waterfallBroken = _flag("covered differs from what the tranches paid");
    }

    /// @dev What tranche `t` can pay now: a strategy refusing withdrawals still advertises them, so then only its idle
    /// assets count.
    function _absorbable(uint256 t, uint256 total) internal view returns (uint256) {
        bool refusing = strategy.refuseWithdrawals() && address(vaults[t].strategy()) != address(0);
        uint256 idle = vaults[t].idleAssets();
        return refusing ? (idle < total ? idle : total) : vaults[t].absorbableAssets();
    }

    function accrue(uint256 amount) external {
        amount = bound(amount, 1, 50_000e6);
        strategy.accrue(amount);
    }

    function strategyLoss(uint256 fraction) external {
        uint256 held = usd.balanceOf(address(strategy));
        if (held == 0) return;
        strategy.takeLoss(bound(fraction, 1, held / 4 + 1), address(0xdead));
    }

    function limitWithdrawals(uint256 limit, bool refuse) external {
        strategy.setWithdrawLimit(limit % 3 == 0 ? type(uint256).max : bound(limit, 0, 500_000e6));
        strategy.setRefuseWithdrawals(refuse && limit % 5 == 0);
    }

    function rebalance(uint256 trancheSeed) external {
        uint8 t = uint8(trancheSeed % 3);
        uint256[3] memory before;
        for (uint256 i; i < 3; ++i) {
            before[i] = vaults[i].totalAssets();
        }
        (, uint256 loss) = module.rebalance(t);
        reports++;
        if (loss > 0) strategyLosses++;
        if (vaults[t].strategyAssets() != vaults[t].liveStrategyAssets()) reportLeftRecordedOffLive = _flag("recorded differs from live after a report");
        for (uint256 i; i < 3; ++i) {
            if (i != t && vaults[i].totalAssets() != before[i]) strategyLossSpread = _flag("a report moved another tranche's assets");
        }
        // A loss above the vested assets also takes the unvested premium, so the vested ones fall by at most the loss
        // (and 1 unit: restarting the vesting schedule rounds the unvested part up, as a premium's does).
        if (before[t] > vaults[t].totalAssets() && before[t] - vaults[t].totalAssets() > loss + 1) {
            strategyLossSpread = _flag("a report took more than the loss it booked");
        }
    }

    function exit(uint256 who, uint256 trancheSeed) external {
        address actor = actors[who % 3];
        TrancheVault vault = vaults[trancheSeed % 3];
        uint256 shares = vault.balanceOf(actor);
        if (shares == 0) return;
        vm.prank(actor);
        vault.cooldownShares(shares);
        vm.warp(block.timestamp + 7 days + 1);
        uint256 max = vault.maxRedeem(actor);
        if (max == 0) return;
        vm.prank(actor);
        try vault.redeem(max, actor, actor) {} catch {} // an illiquid strategy may refuse: StrategyIlliquid
    }

    function premium(uint256 who, uint256 amount) external {
        amount = bound(amount, 1, 100_000e6);
        vm.prank(actors[who % 3]);
        module.payPremium(amount);
    }

    function setBuffer(uint256 trancheSeed, uint256 share) external {
        uint8 t = uint8(1 + trancheSeed % 2);
        vm.prank(timelock);
        module.setBufferShare(t, bound(share, 0.05e18, 1e18));
    }

    function newEpoch(uint256 trancheSeed) external {
        uint8 t = uint8(trancheSeed % 3);
        if (!vaults[t].wiped()) return;
        vm.prank(timelock);
        try module.startNewEpoch(t) {} catch {} // StrategyNotEmpty while the strategy keeps its assets
    }

    function warp(uint256 s) external {
        vm.warp(block.timestamp + bound(s, 1, 3 days));
    }

    function _flag(string memory reason) internal returns (bool) {
        if (bytes(firstViolation).length == 0) firstViolation = reason;
        return true;
    }
}

/// @notice Productive capital's invariants with a strategy that earns, loses and refuses (issue #23 part 2).
/// forge-config: default.invariant.include-storage = false
/// forge-config: ci.invariant.include-storage = false
/// forge-config: default.invariant.fail-on-revert = true
/// forge-config: ci.invariant.fail-on-revert = true
contract StrategyInvariants is BackstopFixture {
    StrategyHandler internal handler;
    address internal yieldOwner = makeAddr("yieldOwner");

    function setUp() public override {
        super.setUp();
        vm.chainId(31337);
        HostileYieldVault strategy = new HostileYieldVault(usd, yieldOwner);
        handler = new StrategyHandler(usd, module, strategy, address(clearinghouse), address(timelock));
        vm.startPrank(address(timelock));
        module.setTrancheStrategy(1, IERC4626(address(strategy)), 0.2e18);
        module.setTrancheStrategy(2, IERC4626(address(strategy)), 0.1e18);
        vm.stopPrank();
        vm.prank(yieldOwner);
        strategy.transferOwnership(address(handler));
        bytes4[] memory selectors = new bytes4[](14);
        selectors[0] = handler.deposit.selector;
        selectors[1] = handler.deposit.selector;
        selectors[2] = handler.cover.selector;
        selectors[3] = handler.accrue.selector;
        selectors[4] = handler.strategyLoss.selector;
        selectors[5] = handler.limitWithdrawals.selector;
        selectors[6] = handler.rebalance.selector;
        selectors[7] = handler.rebalance.selector;
        selectors[8] = handler.exit.selector;
        selectors[9] = handler.premium.selector;
        selectors[10] = handler.setBuffer.selector;
        selectors[11] = handler.newEpoch.selector;
        selectors[12] = handler.warp.selector;
        selectors[13] = handler.rebalance.selector;
        targetSelector(StdInvariant.FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    /// @dev Every tranche's books are its idle assets plus its strategy's recorded value, and the idle part (with
    /// what ended epochs still owe their holders) is cash the vault holds.
    function invariant_assetsAreIdlePlusRecordedStrategyValue() public view {
        for (uint256 t; t < 3; ++t) {
            TrancheVault v = tranches[t];
            assertEq(v.accountedAssets(), v.idleAssets() + v.strategyAssets(), "books = idle + strategy");
            assertGe(usd.balanceOf(address(v)), v.idleAssets() + v.unclaimedSettlements(), "idle is held in cash");
            assertLe(v.totalAssets(), v.accountedAssets());
        }
        assertEq(tranches[0].strategyAssets(), 0, "Junior has no strategy");
    }

    function invariant_reportLeavesRecordedEqualToLive() public view {
        assertFalse(handler.reportLeftRecordedOffLive(), handler.firstViolation());
    }

    function invariant_waterfallOrderHoldsWithAStrategy() public view {
        assertFalse(handler.waterfallBroken(), handler.firstViolation());
    }

    function invariant_strategyLossHitsOnlyItsTranche() public view {
        assertFalse(handler.strategyLossSpread(), handler.firstViolation());
    }

    function afterInvariant() external view {
        console.log("covers", handler.covers());
        console.log("reports", handler.reports());
        console.log("strategy losses", handler.strategyLosses());
    }
}
