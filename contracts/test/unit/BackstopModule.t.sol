// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Vm} from "forge-std/Vm.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";
import {TestStablecoin} from "../../src/TestStablecoin.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {IBackstopModule} from "../../src/interfaces/IBackstopModule.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../src/libraries/EventsLib.sol";

contract BackstopModuleTest is BackstopFixture {
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");
    address internal stranger = makeAddr("stranger");
    address internal payer = makeAddr("payer");

    uint256 internal constant OFFSET = 1e6;

    // ---------------------------------------------------------------- helpers

    function _approvePremium(uint256 amount) internal {
        _mintUsd(payer, amount);
        vm.prank(payer);
        usd.approve(address(module), amount);
    }

    /// @dev From this suite's own payer, whose balance and events the tests check.
    function _payPremium(uint256 amount) internal override {
        _approvePremium(amount);
        vm.prank(payer);
        module.payPremium(amount);
    }

    /// @dev share price after `loss` is taken from a vault with `assets` and `supply`.
    function _priceAfter(uint256 assets, uint256 supply, uint256 loss) internal pure returns (uint256) {
        return Math.mulDiv(1e12, assets - loss + 1, supply + OFFSET);
    }

    function _freshModule() internal returns (BackstopModule m, TrancheVault[3] memory t) {
        m = new BackstopModule(IERC20(address(usd)), address(this), guardian);
        t[0] = new TrancheVault(IERC20(address(usd)), "J", "J", m, 0);
        t[1] = new TrancheVault(IERC20(address(usd)), "M", "M", m, 1);
        t[2] = new TrancheVault(IERC20(address(usd)), "S", "S", m, 2);
    }

    // ---------------------------------------------------------------- construction and initialize

    function test_constructor_defaults() public view {
        assertEq(address(module.asset()), address(usd));
        assertEq(module.owner(), address(timelock));
        assertEq(module.guardian(), guardian);
        assertEq(module.premiumVestingPeriod(), 7 days);
        assertEq(module.solvencyThreshold(), 1e18);
        assertEq(module.clearinghouse(), address(clearinghouse));
        for (uint8 i; i < 3; ++i) {
            assertEq(address(module.tranche(i)), address(tranches[i]));
        }
        IBackstopModule.TrancheParams memory p = module.trancheParams(0);
        assertEq(p.depositCap, 2_000_000e6);
        assertEq(p.cooldown, 7 days);
        assertEq(p.unstakeWindow, 2 days);
        assertEq(p.riskMultiplier, 3e18);
        assertEq(module.riskMultiplier(1), 1.5e18);
        assertEq(module.riskMultiplier(2), 1e18);
        assertEq(module.depositCap(2), 8_000_000e6);
        assertEq(module.cooldown(1), 7 days);
        assertEq(module.unstakeWindow(2), 2 days);
    }

    function test_constructor_revertsOnZeroAsset() public {
        vm.expectRevert(ErrorsLib.ZeroAddress.selector);
        new BackstopModule(IERC20(address(0)), address(this), guardian);
    }

    function test_initialize_onlyOnce() public {
        vm.prank(address(timelock));
        vm.expectRevert(ErrorsLib.AlreadyInitialized.selector);
        module.initialize(_vaults(tranches), address(clearinghouse), _defaultTrancheParams());
    }

    function test_initialize_onlyOwner() public {
        (BackstopModule m, TrancheVault[3] memory t) = _freshModule();
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        m.initialize(_vaults(t), address(clearinghouse), _defaultTrancheParams());
    }

    function test_initialize_wiresAndEmits() public {
        (BackstopModule m, TrancheVault[3] memory t) = _freshModule();
        assertEq(m.requiredCapital(), 0, "uninitialized requires nothing");
        assertEq(m.totalCapital(), 0);
        vm.expectEmit(false, false, false, true, address(m));
        emit EventsLib.ModuleInitialized(address(clearinghouse), address(t[0]), address(t[1]), address(t[2]));
        m.initialize(_vaults(t), address(clearinghouse), _defaultTrancheParams());
        assertEq(m.clearinghouse(), address(clearinghouse));
        assertEq(address(m.tranche(2)), address(t[2]));
        assertEq(m.riskMultiplier(0), 3e18);
    }

    function test_initialize_revertsOnZeroClearinghouse() public {
        (BackstopModule m, TrancheVault[3] memory t) = _freshModule();
        vm.expectRevert(ErrorsLib.ZeroAddress.selector);
        m.initialize(_vaults(t), address(0), _defaultTrancheParams());
    }

    function test_initialize_revertsOnZeroTranche() public {
        (BackstopModule m, TrancheVault[3] memory t) = _freshModule();
        t[1] = TrancheVault(address(0));
        vm.expectRevert(ErrorsLib.ZeroAddress.selector);
        m.initialize(_vaults(t), address(clearinghouse), _defaultTrancheParams());
    }

    function test_initialize_revertsOnWrongTrancheId() public {
        (BackstopModule m, TrancheVault[3] memory t) = _freshModule();
        (t[0], t[1]) = (t[1], t[0]);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidTranche.selector, 0));
        m.initialize(_vaults(t), address(clearinghouse), _defaultTrancheParams());
    }

    function test_initialize_revertsOnVaultOfAnotherModule() public {
        (BackstopModule m, TrancheVault[3] memory t) = _freshModule();
        t[2] = tranches[2]; // id 2, but belongs to the deployed module
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidTranche.selector, 2));
        m.initialize(_vaults(t), address(clearinghouse), _defaultTrancheParams());
    }

    /// @dev A vault on another token would take deposits the module's waterfall and premiums never see.
    function test_initialize_revertsOnVaultOfAnotherAsset() public {
        (BackstopModule m, TrancheVault[3] memory t) = _freshModule();
        TestStablecoin other = new TestStablecoin();
        t[1] = new TrancheVault(IERC20(address(other)), "M", "M", m, 1);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidTranche.selector, 1));
        m.initialize(_vaults(t), address(clearinghouse), _defaultTrancheParams());
    }

    function test_initialize_revertsOnOutOfBoundsParams() public {
        (BackstopModule m, TrancheVault[3] memory t) = _freshModule();
        IBackstopModule.TrancheParams[3] memory p = _defaultTrancheParams();
        p[1].unstakeWindow = 0;
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "unstakeWindow", 0, 1 hours, 30 days)
        );
        m.initialize(_vaults(t), address(clearinghouse), p);
    }

    function test_views_revertOnInvalidTranche() public {
        bytes memory err = abi.encodeWithSelector(ErrorsLib.InvalidTranche.selector, 3);
        vm.expectRevert(err);
        module.tranche(3);
        vm.expectRevert(err);
        module.trancheParams(3);
        vm.expectRevert(err);
        module.depositCap(3);
        vm.expectRevert(err);
        module.cooldown(3);
        vm.expectRevert(err);
        module.unstakeWindow(3);
        vm.expectRevert(err);
        module.riskMultiplier(3);
    }

    // ---------------------------------------------------------------- cover / waterfall

    function test_cover_onlyClearinghouse() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotClearinghouse.selector, address(this)));
        module.cover(ETH, 1e6);
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotClearinghouse.selector, address(timelock)));
        module.cover(ETH, 1e6);
    }

    function test_cover_revertsOnZero() public {
        vm.prank(address(clearinghouse));
        vm.expectRevert(ErrorsLib.ZeroAmount.selector);
        module.cover(ETH, 0);
    }

    function test_cover_juniorOnlyWhenEnough() public {
        _deposit(alice, 0, 100_000e6);
        _deposit(bob, 1, 200_000e6);
        uint256 priceBefore = tranches[0].sharePrice();
        vm.expectEmit(true, true, false, true, address(module));
        emit EventsLib.TrancheLossAbsorbed(1, 0, 40_000e6, priceBefore, _priceAfter(100_000e6, 100_000e12, 40_000e6));
        vm.expectEmit(true, true, false, true, address(module));
        emit EventsLib.LossCovered(1, ETH, 40_000e6, 40_000e6, 0);
        (uint256 lossId, uint256 covered) = _cover(40_000e6);
        assertEq(lossId, 1);
        assertEq(covered, 40_000e6);
        assertEq(tranches[0].totalAssets(), 60_000e6);
        assertEq(tranches[1].totalAssets(), 200_000e6);
        assertEq(usd.balanceOf(address(clearinghouse)), 40_000e6);
        assertEq(module.lossCount(), 1);
        assertEq(module.totalDeficit(), 0);
    }

    function test_cover_waterfallJuniorThenMezzanineThenSenior() public {
        _deposit(alice, 0, 100_000e6);
        _deposit(bob, 1, 200_000e6);
        _deposit(carol, 2, 400_000e6);
        _cover(1e6); // lossId 1: a small first draw
        uint256 jAssets = 100_000e6 - 1e6;
        uint256 p0 = tranches[0].sharePrice();
        uint256 p1 = tranches[1].sharePrice();
        uint256 p2 = tranches[2].sharePrice();

        uint256 shortfall = jAssets + 200_000e6 + 150_000e6;
        vm.expectEmit(true, true, false, true, address(module));
        emit EventsLib.TrancheLossAbsorbed(2, 0, jAssets, p0, _priceAfter(jAssets, 100_000e12, jAssets));
        vm.expectEmit(true, true, false, true, address(module));
        emit EventsLib.TrancheLossAbsorbed(2, 1, 200_000e6, p1, _priceAfter(200_000e6, 200_000e12, 200_000e6));
        vm.expectEmit(true, true, false, true, address(module));
        emit EventsLib.TrancheLossAbsorbed(2, 2, 150_000e6, p2, _priceAfter(400_000e6, 400_000e12, 150_000e6));
        vm.expectEmit(true, true, false, true, address(module));
        emit EventsLib.LossCovered(2, ETH, shortfall, shortfall, 0);
        (uint256 lossId, uint256 covered) = _cover(shortfall);
        assertEq(lossId, 2);
        assertEq(covered, shortfall);
        assertEq(tranches[0].totalAssets(), 0);
        assertEq(tranches[1].totalAssets(), 0);
        assertEq(tranches[2].totalAssets(), 250_000e6);
        assertEq(tranches[0].sharePrice(), 0);
        assertEq(tranches[2].sharePrice(), _priceAfter(400_000e6, 400_000e12, 150_000e6));
        assertEq(tranches[0].totalLossAbsorbed(), 100_000e6);
        assertEq(tranches[1].totalLossAbsorbed(), 200_000e6);
        assertEq(tranches[2].totalLossAbsorbed(), 150_000e6);
    }

    function test_cover_skipsEmptyJunior() public {
        _deposit(bob, 1, 200_000e6);
        vm.recordLogs();
        _cover(10_000e6);
        assertEq(tranches[1].totalAssets(), 190_000e6);
        // exactly one TrancheLossAbsorbed, for the mezzanine
        uint256 count;
        bytes32 topic = EventsLib.TrancheLossAbsorbed.selector;
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(module) && logs[i].topics[0] == topic) {
                ++count;
                assertEq(uint256(logs[i].topics[2]), 1);
            }
        }
        assertEq(count, 1);
    }

    function test_cover_deficitWhenTranchesRunOut() public {
        _deposit(alice, 0, 10_000e6);
        _deposit(bob, 1, 20_000e6);
        _deposit(carol, 2, 30_000e6);
        vm.expectEmit(true, true, false, true, address(module));
        emit EventsLib.Deficit(1, ETH, 40_000e6);
        vm.expectEmit(true, true, false, true, address(module));
        emit EventsLib.LossCovered(1, ETH, 100_000e6, 60_000e6, 40_000e6);
        (, uint256 covered) = _cover(100_000e6);
        assertEq(covered, 60_000e6);
        assertEq(module.totalDeficit(), 40_000e6);
        assertEq(module.totalCapital(), 0);
        assertEq(usd.balanceOf(address(clearinghouse)), 60_000e6);
    }

    function test_cover_allEmptyIsPureDeficit() public {
        vm.expectEmit(true, true, false, true, address(module));
        emit EventsLib.Deficit(1, BTC, 5e6);
        vm.expectEmit(true, true, false, true, address(module));
        emit EventsLib.LossCovered(1, BTC, 5e6, 0, 5e6);
        vm.prank(address(clearinghouse));
        (uint256 lossId, uint256 covered) = module.cover(BTC, 5e6);
        assertEq(lossId, 1);
        assertEq(covered, 0);
        assertEq(module.totalDeficit(), 5e6);
        vm.prank(address(clearinghouse));
        module.cover(BTC, 7e6);
        assertEq(module.totalDeficit(), 12e6);
        assertEq(module.lossCount(), 2);
    }

    function test_cover_doesNotTouchUnvestedPremium() public {
        _deposit(alice, 0, 10_000e6);
        _payPremium(1_000e6); // all to junior, unvested
        (, uint256 covered) = _cover(50_000e6);
        assertEq(covered, 10_000e6);
        assertEq(usd.balanceOf(address(tranches[0])), 1_000e6);
        vm.warp(block.timestamp + 7 days);
        assertEq(tranches[0].totalAssets(), 1_000e6);
    }

    // ---------------------------------------------------------------- premiums

    function test_payPremium_splitByCapitalTimesMultiplier() public {
        _deposit(alice, 0, 100_000e6); // weight 100k * 3   = 300k
        _deposit(bob, 1, 200_000e6); //   weight 200k * 1.5 = 300k
        _deposit(carol, 2, 400_000e6); // weight 400k * 1   = 400k
        _approvePremium(1_000e6);
        uint256 end = block.timestamp + 7 days;
        vm.expectEmit(true, false, false, true, address(module));
        emit EventsLib.PremiumPaid(payer, 1_000e6);
        vm.expectEmit(true, false, false, true, address(module));
        emit EventsLib.TranchePremium(0, 300e6, end);
        vm.expectEmit(true, false, false, true, address(module));
        emit EventsLib.TranchePremium(1, 300e6, end);
        vm.expectEmit(true, false, false, true, address(module));
        emit EventsLib.TranchePremium(2, 400e6, end);
        vm.prank(payer);
        module.payPremium(1_000e6);
        assertEq(tranches[0].totalPremiumReceived(), 300e6);
        assertEq(tranches[1].totalPremiumReceived(), 300e6);
        assertEq(tranches[2].totalPremiumReceived(), 400e6);
        assertEq(usd.balanceOf(address(tranches[0])), 100_300e6);
        assertEq(usd.balanceOf(address(module)), 0);
        assertEq(module.totalPremiums(), 1_000e6);
        assertEq(module.undistributedPremium(), 0);
    }

    function test_payPremium_roundingRemainderGoesToLastTranche() public {
        _deposit(alice, 0, 100_000e6);
        _deposit(bob, 1, 200_000e6);
        _deposit(carol, 2, 400_000e6);
        _payPremium(1_001);
        assertEq(tranches[0].totalPremiumReceived(), 300); // floor(1001 * 0.3)
        assertEq(tranches[1].totalPremiumReceived(), 300);
        assertEq(tranches[2].totalPremiumReceived(), 401);
    }

    function test_payPremium_followsMultiplierChanges() public {
        _deposit(alice, 0, 100_000e6);
        _deposit(carol, 2, 100_000e6);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setRiskMultiplier, (0, 1e18)));
        _payPremium(1_000e6);
        assertEq(tranches[0].totalPremiumReceived(), 500e6);
        assertEq(tranches[2].totalPremiumReceived(), 500e6);
        assertEq(tranches[1].totalPremiumReceived(), 0);
    }

    function test_payPremium_revertsOnZero() public {
        vm.expectRevert(ErrorsLib.ZeroAmount.selector);
        module.payPremium(0);
    }

    function test_payPremium_heldWithoutCapitalThenDistributed() public {
        _approvePremium(500e6);
        vm.expectEmit(false, false, false, true, address(module));
        emit EventsLib.PremiumHeld(500e6, 500e6);
        vm.prank(payer);
        module.payPremium(500e6);
        assertEq(module.undistributedPremium(), 500e6);
        assertEq(usd.balanceOf(address(module)), 500e6);

        _approvePremium(100e6); // still nobody: the event says what came in and what is now held
        vm.expectEmit(false, false, false, true, address(module));
        emit EventsLib.PremiumHeld(100e6, 600e6);
        vm.prank(payer);
        module.payPremium(100e6);
        assertEq(module.undistributedPremium(), 600e6);

        _deposit(alice, 0, 1_000e6);
        _payPremium(100e6);
        assertEq(module.undistributedPremium(), 0);
        assertEq(tranches[0].totalPremiumReceived(), 700e6);
        assertEq(usd.balanceOf(address(module)), 0);
        assertEq(module.totalPremiums(), 700e6);
    }

    // ---------------------------------------------------------------- required capital / solvency

    function test_requiredCapital_sumsOpenInterestTimesStressRate() public {
        assertEq(module.requiredCapital(), 0);
        assertEq(module.solvencyRatio(), type(uint256).max);
        // The clearinghouse refuses new risk below the solvency threshold; opened as if solvent, to measure.
        _mockSolvent();
        _open(makeAddr("t1"), ETH, true, 100e18, 30_000e6); // 300k notional
        _open(makeAddr("t2"), BTC, false, 1e18, 6_000e6); //    60k notional
        _open(makeAddr("t3"), SOL, true, 100e18, 3_000e6); //   15k notional
        _open(makeAddr("t4"), ETH, false, 10e18, 3_000e6); //   30k notional
        vm.clearMockedCalls();
        // 330k * 12% + 60k * 10% + 15k * 20%
        uint256 required = 39_600e6 + 6_000e6 + 3_000e6;
        assertEq(module.requiredCapital(), required);
        assertEq(module.solvencyRatio(), 0);
        _deposit(alice, 0, 48_600e6);
        assertEq(module.totalCapital(), 48_600e6);
        assertEq(module.solvencyRatio(), 1e18);
        _deposit(bob, 2, 48_600e6);
        assertEq(module.solvencyRatio(), 2e18);
        // price moves revalue open interest
        _setPrice(ETH, 6_000e8);
        assertEq(module.requiredCapital(), 2 * 39_600e6 + 6_000e6 + 3_000e6);
        assertEq(module.solvencyRatio(), Math.mulDiv(97_200e6, 1e18, 88_200e6));
    }

    function test_totalCapital_excludesUnvestedPremium() public {
        _deposit(alice, 0, 1_000e6);
        _deposit(bob, 1, 2_000e6);
        _payPremium(300e6);
        assertEq(module.totalCapital(), 3_000e6);
        vm.warp(block.timestamp + 7 days);
        assertEq(module.totalCapital(), 3_300e6);
    }

    // ---------------------------------------------------------------- governance setters

    function _expectNotOwnerOrSteward(bytes memory call) internal {
        address[2] memory callers = [deployer, stranger];
        for (uint256 i; i < 2; ++i) {
            vm.prank(callers[i]);
            (bool ok, bytes memory ret) = address(module).call(call);
            assertFalse(ok, "a call by neither governance nor the steward succeeded");
            assertEq(ret, abi.encodeWithSelector(ErrorsLib.NotOwnerOrRiskSteward.selector, callers[i]));
        }
    }

    function _expectUnauthorized(bytes memory call) internal {
        address[2] memory callers = [deployer, stranger];
        for (uint256 i; i < 2; ++i) {
            vm.prank(callers[i]);
            (bool ok, bytes memory ret) = address(module).call(call);
            assertFalse(ok, "non-owner call succeeded");
            assertEq(ret, abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, callers[i]));
        }
    }

    function test_setters_onlyOwner_deployerHasNoPower() public {
        _expectUnauthorized(abi.encodeCall(BackstopModule.setDepositCap, (0, 1)));
        _expectUnauthorized(abi.encodeCall(BackstopModule.setCooldown, (0, 1 days)));
        _expectUnauthorized(abi.encodeCall(BackstopModule.setUnstakeWindow, (0, 1 days)));
        _expectUnauthorized(abi.encodeCall(BackstopModule.setRiskSteward, (stranger)));
        _expectNotOwnerOrSteward(abi.encodeCall(BackstopModule.setRiskMultiplier, (0, 1e18)));
        _expectUnauthorized(abi.encodeCall(BackstopModule.setPremiumVestingPeriod, (1 days)));
        _expectUnauthorized(abi.encodeCall(BackstopModule.setStressLossRate, (0, 0.1e18)));
        _expectUnauthorized(abi.encodeCall(BackstopModule.setSolvencyThreshold, (1e18)));
        _expectUnauthorized(abi.encodeCall(BackstopModule.setGuardian, (stranger)));
        _expectUnauthorized(abi.encodeCall(Ownable.transferOwnership, (stranger)));
        _expectUnauthorized(abi.encodeCall(Ownable.renounceOwnership, ()));
        assertEq(module.owner(), address(timelock));
    }

    function test_setDepositCap() public {
        vm.expectEmit(true, false, false, true, address(module));
        emit EventsLib.DepositCapSet(1, 4_000_000e6, 5e6);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setDepositCap, (1, 5e6)));
        assertEq(module.depositCap(1), 5e6);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidTranche.selector, 3));
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setDepositCap, (3, 5e6)));
    }

    function test_setCooldown() public {
        vm.expectEmit(true, false, false, true, address(module));
        // The longest cooldown the 9-day governance path allows: one second under path − 1 day.
        emit EventsLib.CooldownSet(2, 7 days, 8 days - 1);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setCooldown, (2, 8 days - 1)));
        assertEq(module.cooldown(2), 8 days - 1);
        assertEq(module.maxCooldown(), 8 days - 1);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.GovernancePathTooShort.selector, 9 days, 9 days));
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setCooldown, (2, 8 days)));
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setCooldown, (2, 0)));
        assertEq(module.cooldown(2), 0);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "cooldown", 60 days + 1, 0, 60 days)
        );
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setCooldown, (2, 60 days + 1)));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidTranche.selector, 7));
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setCooldown, (7, 1)));
    }

    function test_setUnstakeWindow() public {
        vm.expectEmit(true, false, false, true, address(module));
        emit EventsLib.UnstakeWindowSet(0, 2 days, 1 hours);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setUnstakeWindow, (0, 1 hours)));
        assertEq(module.unstakeWindow(0), 1 hours);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setUnstakeWindow, (0, 30 days)));
        assertEq(module.unstakeWindow(0), 30 days);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "unstakeWindow", 1 hours - 1, 1 hours, 30 days)
        );
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setUnstakeWindow, (0, 1 hours - 1)));
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "unstakeWindow", 30 days + 1, 1 hours, 30 days)
        );
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setUnstakeWindow, (0, 30 days + 1)));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidTranche.selector, 3));
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setUnstakeWindow, (3, 1 days)));
    }

    function test_setRiskMultiplier() public {
        vm.expectEmit(true, false, false, true, address(module));
        emit EventsLib.RiskMultiplierSet(1, 1.5e18, 10e18);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setRiskMultiplier, (1, 10e18)));
        assertEq(module.riskMultiplier(1), 10e18);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setRiskMultiplier, (1, 0.1e18)));
        assertEq(module.riskMultiplier(1), 0.1e18);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "riskMultiplier", 0.1e18 - 1, 0.1e18, 10e18)
        );
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setRiskMultiplier, (1, 0.1e18 - 1)));
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "riskMultiplier", 10e18 + 1, 0.1e18, 10e18)
        );
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setRiskMultiplier, (1, 10e18 + 1)));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidTranche.selector, 3));
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setRiskMultiplier, (3, 1e18)));
    }

    function test_setPremiumVestingPeriod() public {
        vm.expectEmit(false, false, false, true, address(module));
        emit EventsLib.PremiumVestingPeriodSet(7 days, 60 days);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setPremiumVestingPeriod, (60 days)));
        assertEq(module.premiumVestingPeriod(), 60 days);
        vm.expectRevert(
            abi.encodeWithSelector(
                ErrorsLib.ParameterOutOfBounds.selector, "premiumVestingPeriod", 60 days + 1, 0, 60 days
            )
        );
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setPremiumVestingPeriod, (60 days + 1)));
    }

    function test_setStressLossRate() public {
        vm.expectEmit(true, false, false, true, address(module));
        emit EventsLib.StressLossRateSet(ETH, 0.12e18, 1e18);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setStressLossRate, (ETH, 1e18)));
        assertEq(module.stressLossRate(ETH), 1e18);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "stressLossRate", 1e18 + 1, 0, 1e18)
        );
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setStressLossRate, (ETH, 1e18 + 1)));
    }

    function test_setSolvencyThreshold() public {
        vm.expectEmit(false, false, false, true, address(module));
        emit EventsLib.SolvencyThresholdSet(1e18, 5e18);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setSolvencyThreshold, (5e18)));
        assertEq(module.solvencyThreshold(), 5e18);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setSolvencyThreshold, (0.5e18)));
        assertEq(module.solvencyThreshold(), 0.5e18);
        vm.expectRevert(
            abi.encodeWithSelector(
                ErrorsLib.ParameterOutOfBounds.selector, "solvencyThreshold", 0.5e18 - 1, 0.5e18, 5e18
            )
        );
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setSolvencyThreshold, (0.5e18 - 1)));
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "solvencyThreshold", 5e18 + 1, 0.5e18, 5e18)
        );
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setSolvencyThreshold, (5e18 + 1)));
    }

    function test_setGuardian() public {
        vm.expectEmit(false, false, false, true, address(module));
        emit EventsLib.GuardianSet(guardian, carol);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setGuardian, (carol)));
        assertEq(module.guardian(), carol);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotGuardianOrOwner.selector, guardian));
        module.setDepositsPaused(true);
        vm.prank(carol);
        module.setDepositsPaused(true);
        assertTrue(module.depositsPaused());
    }

    // ---------------------------------------------------------------- guardian pause

    function test_setDepositsPaused_guardianAndTimelock() public {
        vm.expectEmit(true, false, false, true, address(module));
        emit EventsLib.DepositsPausedSet(guardian, true);
        vm.prank(guardian);
        module.setDepositsPaused(true);
        assertTrue(module.depositsPaused());
        vm.expectEmit(true, false, false, true, address(module));
        emit EventsLib.DepositsPausedSet(address(timelock), false);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setDepositsPaused, (false)));
        assertFalse(module.depositsPaused());
    }

    function test_setDepositsPaused_othersRevert() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotGuardianOrOwner.selector, stranger));
        module.setDepositsPaused(true);
        vm.prank(deployer);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotGuardianOrOwner.selector, deployer));
        module.setDepositsPaused(true);
        assertFalse(module.depositsPaused());
    }

    function test_pause_withdrawalsStillWork() public {
        _deposit(alice, 0, 1_000e6);
        vm.prank(alice);
        tranches[0].cooldownShares(1_000e12);
        vm.warp(block.timestamp + 7 days);
        vm.prank(guardian);
        module.setDepositsPaused(true);
        assertEq(tranches[0].maxRedeem(alice), 1_000e12);
        vm.prank(alice);
        uint256 out = tranches[0].redeem(1_000e12, alice, alice);
        assertEq(out, 1_000e6);
        assertEq(usd.balanceOf(alice), 1_000e6);
    }

    function test_pause_premiumsAndCoverStillWork() public {
        _deposit(alice, 0, 1_000e6);
        vm.prank(guardian);
        module.setDepositsPaused(true);
        _payPremium(10e6);
        assertEq(tranches[0].totalPremiumReceived(), 10e6);
        (, uint256 covered) = _cover(100e6);
        assertEq(covered, 100e6);
    }
}
