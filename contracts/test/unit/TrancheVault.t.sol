// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {IBackstopModule} from "../../src/interfaces/IBackstopModule.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../src/libraries/EventsLib.sol";

contract TrancheVaultTest is BackstopFixture {
    TrancheVault internal junior;
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");

    uint256 internal constant OFFSET = 1e6; // 10 ** _decimalsOffset()

    function setUp() public override {
        super.setUp();
        junior = tranches[0];
    }

    // ---------------------------------------------------------------- helpers



    function _cooldown(address user, uint256 shares) internal {
        vm.prank(user);
        junior.cooldownShares(shares);
    }

    function _setCooldown(uint256 value) internal {
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setCooldown, (0, value)));
    }

    // ---------------------------------------------------------------- metadata

    function test_constructor_setsModuleIdAndAsset() public view {
        assertEq(address(junior.module()), address(module));
        assertEq(junior.trancheId(), 0);
        assertEq(tranches[1].trancheId(), 1);
        assertEq(tranches[2].trancheId(), 2);
        assertEq(junior.asset(), address(usd));
        assertEq(junior.name(), "Backstop Junior");
        assertEq(junior.symbol(), "bsJUN");
    }

    function test_constructor_revertsOnZeroModule() public {
        vm.expectRevert(ErrorsLib.ZeroAddress.selector);
        new TrancheVault(IERC20(address(usd)), "x", "x", IBackstopModule(address(0)), 0);
    }

    function test_decimals_shareDecimalsAre12() public view {
        assertEq(junior.decimals(), 12);
        assertEq(usd.decimals(), 6);
    }

    function test_firstDeposit_mintsWithDecimalsOffset() public {
        uint256 shares = _deposit(alice, 0, 100e6);
        assertEq(shares, 100e6 * OFFSET);
        assertEq(junior.balanceOf(alice), 100e12);
        assertEq(junior.sharePrice(), 1e6); // 1e12 * (100e6 + 1) / (100e12 + 1e6) is exactly 1e6
    }

    // ---------------------------------------------------------------- deposit / mint

    function test_deposit_booksAssetsAndEmits() public {
        _mintUsd(alice, 1_000e6);
        vm.startPrank(alice);
        usd.approve(address(junior), 1_000e6);
        vm.expectEmit(true, true, false, true, address(junior));
        emit IERC4626.Deposit(alice, bob, 1_000e6, 1_000e12);
        uint256 shares = junior.deposit(1_000e6, bob);
        vm.stopPrank();
        assertEq(shares, 1_000e12);
        assertEq(junior.balanceOf(bob), 1_000e12);
        assertEq(junior.totalAssets(), 1_000e6);
        assertEq(junior.accountedAssets(), 1_000e6);
        assertEq(usd.balanceOf(address(junior)), 1_000e6);
        assertEq(usd.balanceOf(alice), 0);
    }

    function test_deposit_revertsOnZero() public {
        vm.prank(alice);
        vm.expectRevert(ErrorsLib.ZeroAmount.selector);
        junior.deposit(0, alice);
    }

    function test_deposit_revertsWhenPaused() public {
        vm.prank(guardian);
        module.setDepositsPaused(true);
        _mintUsd(alice, 100e6);
        vm.startPrank(alice);
        usd.approve(address(junior), 100e6);
        vm.expectRevert(ErrorsLib.DepositsPaused.selector);
        junior.deposit(100e6, alice);
        vm.expectRevert(ErrorsLib.DepositsPaused.selector);
        junior.mint(100e12, alice);
        vm.stopPrank();
        assertEq(junior.maxDeposit(alice), 0);
        assertEq(junior.maxMint(alice), 0);
    }

    function test_deposit_revertsAboveCap() public {
        uint256 cap = module.depositCap(0);
        _deposit(alice, 0, cap - 10e6);
        assertEq(junior.maxDeposit(bob), 10e6);
        _mintUsd(bob, 11e6);
        vm.startPrank(bob);
        usd.approve(address(junior), 11e6);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, bob, 11e6, 10e6));
        junior.deposit(11e6, bob);
        junior.deposit(10e6, bob); // exactly up to the cap works
        vm.stopPrank();
        assertEq(junior.totalAssets(), cap);
        assertEq(junior.maxDeposit(bob), 0);
    }

    function test_maxDeposit_followsCapChanges() public {
        assertEq(junior.maxDeposit(alice), 2_000_000e6);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setDepositCap, (0, 500e6)));
        assertEq(junior.maxDeposit(alice), 500e6);
        _deposit(alice, 0, 400e6);
        assertEq(junior.maxDeposit(alice), 100e6);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setDepositCap, (0, 100e6)));
        assertEq(junior.maxDeposit(alice), 0, "cap below assets");
    }

    function test_mint_pullsPreviewedAssets() public {
        _deposit(alice, 0, 1_000e6);
        _cover(100e6); // price now below 1
        uint256 shares = 50e12;
        uint256 expected = junior.previewMint(shares);
        _mintUsd(bob, expected);
        vm.startPrank(bob);
        usd.approve(address(junior), expected);
        uint256 assets = junior.mint(shares, bob);
        vm.stopPrank();
        assertEq(assets, expected);
        assertEq(junior.balanceOf(bob), shares);
        assertEq(usd.balanceOf(bob), 0);
        assertEq(junior.totalAssets(), 900e6 + expected);
    }

    function test_mint_revertsOnZero() public {
        vm.prank(alice);
        vm.expectRevert(ErrorsLib.ZeroAmount.selector);
        junior.mint(0, alice);
    }

    function test_mint_revertsAboveMaxMint() public {
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setDepositCap, (0, 100e6)));
        uint256 maxShares = junior.maxMint(alice);
        assertEq(maxShares, 100e12);
        _mintUsd(alice, 200e6);
        vm.startPrank(alice);
        usd.approve(address(junior), 200e6);
        vm.expectRevert(
            abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxMint.selector, alice, maxShares + 1, maxShares)
        );
        junior.mint(maxShares + 1, alice);
        vm.stopPrank();
    }

    function test_previews_matchExecution() public {
        _deposit(alice, 0, 1_000e6);
        _cover(333e6);
        uint256 previewShares = junior.previewDeposit(500e6);
        assertEq(junior.convertToShares(500e6), previewShares);
        uint256 got = _deposit(bob, 0, 500e6);
        assertEq(got, previewShares);
        // previewMint rounds up, previewDeposit rounds down
        assertGe(junior.previewMint(previewShares), 500e6 - 1);
        assertLe(junior.convertToAssets(got), 500e6);
        assertGe(junior.previewRedeem(junior.previewWithdraw(100e6)), 100e6);
    }

    // ---------------------------------------------------------------- premium vesting

    function test_addPremium_onlyModule() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotModule.selector, address(this)));
        junior.addPremium(1e6);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotModule.selector, alice));
        junior.addPremium(1e6);
    }

    function test_absorbLoss_onlyModule() public {
        _deposit(alice, 0, 100e6);
        vm.prank(address(clearinghouse));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotModule.selector, address(clearinghouse)));
        junior.absorbLoss(1e6, address(clearinghouse));
    }

    function test_absorbLoss_revertsAboveAssets() public {
        _deposit(alice, 0, 100e6);
        vm.prank(address(module));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.LossExceedsAssets.selector, 100e6 + 1, 100e6));
        junior.absorbLoss(100e6 + 1, carol);
    }

    function test_absorbLoss_cannotTouchUnvestedPremium() public {
        _deposit(alice, 0, 100e6);
        _payPremium(70e6); // all to junior (only tranche with capital)
        assertEq(junior.totalAssets(), 100e6);
        vm.prank(address(module));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.LossExceedsAssets.selector, 101e6, 100e6));
        junior.absorbLoss(101e6, carol);
    }

    function test_absorbLoss_paysRecipientAndEmits() public {
        _deposit(alice, 0, 100e6);
        vm.prank(address(module));
        vm.expectEmit(false, false, false, true, address(junior));
        emit EventsLib.LossAbsorbed(40e6, carol);
        junior.absorbLoss(40e6, carol);
        assertEq(usd.balanceOf(carol), 40e6);
        assertEq(junior.totalAssets(), 60e6);
        assertEq(junior.totalLossAbsorbed(), 40e6);
        assertEq(junior.accountedAssets(), 60e6);
    }

    function test_addPremium_vestsLinearly() public {
        _deposit(alice, 0, 1_000e6);
        uint256 period = module.premiumVestingPeriod();
        assertEq(period, 7 days);
        _mintUsd(carol, 700e6);
        vm.startPrank(carol);
        usd.approve(address(module), 700e6);
        vm.expectEmit(false, false, false, true, address(junior));
        emit EventsLib.PremiumAdded(700e6, 700e6, block.timestamp + period);
        module.payPremium(700e6);
        vm.stopPrank();
        assertEq(junior.vestingAmount(), 700e6);
        assertEq(junior.vestingStart(), block.timestamp);
        assertEq(junior.vestingEnd(), block.timestamp + period);
        assertEq(junior.totalPremiumReceived(), 700e6);
        assertEq(junior.accountedAssets(), 1_700e6);
        assertEq(junior.unvestedPremium(), 700e6);
        assertEq(junior.totalAssets(), 1_000e6);

        vm.warp(block.timestamp + 1 days);
        assertEq(junior.unvestedPremium(), 600e6);
        assertEq(junior.totalAssets(), 1_100e6);
        vm.warp(block.timestamp + 2.5 days);
        assertEq(junior.totalAssets(), 1_350e6);
        vm.warp(block.timestamp + 3.5 days);
        assertEq(junior.unvestedPremium(), 0);
        assertEq(junior.totalAssets(), 1_700e6);
        vm.warp(block.timestamp + 30 days);
        assertEq(junior.totalAssets(), 1_700e6);
    }

    function test_addPremium_rollsUnvestedIntoNewSchedule() public {
        _deposit(alice, 0, 1_000e6);
        _payPremium(700e6);
        vm.warp(block.timestamp + 3.5 days); // half vested: 350 left
        _payPremium(150e6);
        assertEq(junior.vestingAmount(), 500e6);
        // Amount-weighted end: (350 × 3.5 d + 150 × 7 d) / 500 = 4.55 d from now, not a fresh 7 days.
        assertEq(junior.vestingEnd(), block.timestamp + 4.55 days);
        assertEq(junior.totalAssets(), 1_350e6);
        vm.warp(block.timestamp + 7 days);
        assertEq(junior.totalAssets(), 1_850e6);
    }

    function test_addPremium_zeroVestingPeriodVestsAtOnce() public {
        _deposit(alice, 0, 1_000e6);
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setPremiumVestingPeriod, (0)));
        _payPremium(100e6);
        assertEq(junior.unvestedPremium(), 0);
        assertEq(junior.totalAssets(), 1_100e6);
    }

    function test_premium_cannotBeSnipedByDepositJustBefore() public {
        _setCooldown(0); // the vesting alone must protect, even with no cooldown
        _deposit(alice, 0, 100_000e6);
        _deposit(bob, 0, 100_000e6);
        uint256 bobShares = junior.balanceOf(bob);
        _cooldown(bob, bobShares);

        _payPremium(10_000e6);

        // Bob leaves in the same block as the payment: he gets nothing of it.
        vm.prank(bob);
        uint256 out = junior.redeem(bobShares, bob, bob);
        assertLe(out, 100_000e6);
        assertApproxEqAbs(out, 100_000e6, 1);
        // Alice, who stays, gets the whole premium once vested.
        vm.warp(block.timestamp + 7 days);
        assertApproxEqAbs(junior.convertToAssets(junior.balanceOf(alice)), 110_000e6, 1);
    }

    function test_premium_stayingThroughVestingEarnsShare() public {
        _setCooldown(0);
        _deposit(alice, 0, 100_000e6);
        _deposit(bob, 0, 100_000e6);
        _payPremium(10_000e6);
        vm.warp(block.timestamp + 7 days);
        uint256 bobShares = junior.balanceOf(bob);
        _cooldown(bob, bobShares);
        vm.prank(bob);
        uint256 out = junior.redeem(bobShares, bob, bob);
        assertApproxEqAbs(out, 105_000e6, 1);
        assertLe(out, 105_000e6);
    }

    function test_premium_leavingHalfwayGetsHalfOfShare() public {
        _setCooldown(0);
        _deposit(alice, 0, 100_000e6);
        _deposit(bob, 0, 100_000e6);
        _payPremium(10_000e6);
        vm.warp(block.timestamp + 3.5 days);
        uint256 bobShares = junior.balanceOf(bob);
        _cooldown(bob, bobShares);
        vm.prank(bob);
        uint256 out = junior.redeem(bobShares, bob, bob);
        assertApproxEqAbs(out, 102_500e6, 1);
    }

    // ---------------------------------------------------------------- donation

    function test_donation_doesNotMoveSharePrice() public {
        _deposit(alice, 0, 1_000e6);
        uint256 priceBefore = junior.sharePrice();
        uint256 assetsBefore = junior.totalAssets();
        _mintUsd(carol, 1_000_000e6);
        vm.prank(carol);
        usd.transfer(address(junior), 1_000_000e6);
        assertEq(junior.sharePrice(), priceBefore);
        assertEq(junior.totalAssets(), assetsBefore);
        uint256 bobShares = _deposit(bob, 0, 100e6);
        assertEq(bobShares, Math.mulDiv(100e6, 1_000e12 + OFFSET, 1_000e6 + 1), "donation ignored in pricing");
        assertEq(bobShares, 100e12);
    }

    function test_inflationAttack_isUnprofitable() public {
        // attacker deposits 1 unit, donates a lot; victim's deposit still gets fair shares
        _deposit(carol, 0, 1);
        _mintUsd(carol, 1_000_000e6);
        vm.prank(carol);
        usd.transfer(address(junior), 1_000_000e6);
        uint256 victimShares = _deposit(alice, 0, 1_000e6);
        assertEq(victimShares, 1_000e12, "victim gets full shares");
        assertEq(junior.convertToAssets(victimShares), 1_000e6);
    }

    // ---------------------------------------------------------------- cooldown

    function test_cooldownShares_recordsRequestAndEmits() public {
        _deposit(alice, 0, 1_000e6);
        uint256 start = block.timestamp;
        vm.expectEmit(true, false, false, true, address(junior));
        emit EventsLib.CooldownRequested(alice, 400e12, start + 7 days, start + 9 days);
        _cooldown(alice, 400e12);
        (uint256 shares, uint256 cEnd, uint256 wEnd) = junior.cooldownOf(alice);
        assertEq(shares, 400e12);
        assertEq(cEnd, start + 7 days);
        assertEq(wEnd, start + 9 days);
        assertEq(junior.lockedShares(alice), 400e12);
    }

    function test_cooldownShares_revertsOnZero() public {
        _deposit(alice, 0, 1_000e6);
        vm.prank(alice);
        vm.expectRevert(ErrorsLib.ZeroAmount.selector);
        junior.cooldownShares(0);
    }

    function test_cooldownShares_revertsAboveBalance() public {
        _deposit(alice, 0, 1_000e6);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.CooldownExceedsBalance.selector, 1_000e12 + 1, 1_000e12));
        junior.cooldownShares(1_000e12 + 1);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.CooldownExceedsBalance.selector, 1, 0));
        junior.cooldownShares(1);
    }

    function test_cooldownShares_replacesEarlierRequest() public {
        _deposit(alice, 0, 1_000e6);
        _cooldown(alice, 400e12);
        vm.warp(block.timestamp + 3 days);
        _cooldown(alice, 100e12);
        (uint256 shares, uint256 cEnd, uint256 wEnd) = junior.cooldownOf(alice);
        assertEq(shares, 100e12);
        assertEq(cEnd, block.timestamp + 7 days);
        assertEq(wEnd, block.timestamp + 9 days);
        // the old window (4 days from now) no longer applies
        vm.warp(block.timestamp + 4 days + 1);
        assertEq(junior.maxRedeem(alice), 0);
    }

    function test_cancelCooldown_deletesRequest() public {
        _deposit(alice, 0, 1_000e6);
        _cooldown(alice, 400e12);
        vm.expectEmit(true, false, false, false, address(junior));
        emit EventsLib.CooldownCancelled(alice);
        vm.prank(alice);
        junior.cancelCooldown();
        (uint256 shares, uint256 cEnd, uint256 wEnd) = junior.cooldownOf(alice);
        assertEq(shares + cEnd + wEnd, 0);
        assertEq(junior.lockedShares(alice), 0);
        vm.prank(alice);
        junior.transfer(bob, 1_000e12);
        assertEq(junior.balanceOf(bob), 1_000e12);
    }

    function test_cancelCooldown_revertsWithoutRequest() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NoCooldownRequest.selector, alice));
        junior.cancelCooldown();
    }

    function test_maxWithdrawAndRedeem_followTheWindow() public {
        _deposit(alice, 0, 1_000e6);
        assertEq(junior.maxRedeem(alice), 0, "no request");
        assertEq(junior.maxWithdraw(alice), 0, "no request");
        _cooldown(alice, 400e12);
        assertEq(junior.maxRedeem(alice), 0, "cooling down");
        vm.warp(block.timestamp + 7 days - 1);
        assertEq(junior.maxRedeem(alice), 0, "one second early");
        assertEq(junior.maxWithdraw(alice), 0);
        vm.warp(block.timestamp + 1);
        assertEq(junior.maxRedeem(alice), 400e12, "window opens");
        assertEq(junior.maxWithdraw(alice), junior.convertToAssets(400e12));
        assertApproxEqAbs(junior.maxWithdraw(alice), 400e6, 1);
        vm.warp(block.timestamp + 2 days - 1);
        assertEq(junior.maxRedeem(alice), 400e12, "last second of window");
        vm.warp(block.timestamp + 1);
        assertEq(junior.maxRedeem(alice), 0, "lapsed");
        assertEq(junior.maxWithdraw(alice), 0, "lapsed");
    }

    function test_maxRedeem_cappedByBalance() public {
        _deposit(alice, 0, 1_000e6);
        _cooldown(alice, 1_000e12);
        vm.warp(block.timestamp + 7 days);
        vm.prank(alice);
        junior.redeem(600e12, alice, alice);
        assertEq(junior.maxRedeem(alice), 400e12);
    }

    function test_redeem_revertsWithoutRequest() public {
        _deposit(alice, 0, 1_000e6);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NoCooldownRequest.selector, alice));
        junior.redeem(1e12, alice, alice);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NoCooldownRequest.selector, alice));
        junior.withdraw(1e6, alice, alice);
    }

    function test_redeem_revertsOnZero() public {
        vm.prank(alice);
        vm.expectRevert(ErrorsLib.ZeroAmount.selector);
        junior.redeem(0, alice, alice);
        vm.prank(alice);
        vm.expectRevert(ErrorsLib.ZeroAmount.selector);
        junior.withdraw(0, alice, alice);
    }

    function test_redeem_revertsBeforeWindow() public {
        _deposit(alice, 0, 1_000e6);
        _cooldown(alice, 400e12);
        uint256 windowStart = block.timestamp + 7 days;
        vm.warp(windowStart - 1);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.CooldownNotElapsed.selector, windowStart));
        junior.redeem(1e12, alice, alice);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.CooldownNotElapsed.selector, windowStart));
        junior.withdraw(1e6, alice, alice);
    }

    function test_redeem_revertsAfterWindowLapsed() public {
        _deposit(alice, 0, 1_000e6);
        _cooldown(alice, 400e12);
        uint256 windowEnd = block.timestamp + 9 days;
        vm.warp(windowEnd);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnstakeWindowLapsed.selector, windowEnd));
        junior.redeem(1e12, alice, alice);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnstakeWindowLapsed.selector, windowEnd));
        junior.withdraw(1e6, alice, alice);
    }

    function test_redeem_revertsAboveRequest() public {
        _deposit(alice, 0, 1_000e6);
        _cooldown(alice, 400e12);
        vm.warp(block.timestamp + 7 days);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxRedeem.selector, alice, 400e12 + 1, 400e12)
        );
        junior.redeem(400e12 + 1, alice, alice);
        uint256 maxAssets = junior.maxWithdraw(alice);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxWithdraw.selector, alice, maxAssets + 1, maxAssets)
        );
        junior.withdraw(maxAssets + 1, alice, alice);
    }

    function test_redeem_decrementsRequest() public {
        _deposit(alice, 0, 1_000e6);
        _cooldown(alice, 400e12);
        vm.warp(block.timestamp + 7 days);
        vm.prank(alice);
        uint256 assets = junior.redeem(150e12, carol, alice);
        assertApproxEqAbs(assets, 150e6, 1);
        assertEq(usd.balanceOf(carol), assets);
        (uint256 shares,,) = junior.cooldownOf(alice);
        assertEq(shares, 250e12);
        assertEq(junior.maxRedeem(alice), 250e12);
        assertEq(junior.balanceOf(alice), 850e12);
        assertEq(junior.accountedAssets(), 1_000e6 - assets);
    }

    function test_withdraw_decrementsRequestByBurnedShares() public {
        _deposit(alice, 0, 1_000e6);
        _cooldown(alice, 400e12);
        vm.warp(block.timestamp + 7 days);
        uint256 expectShares = junior.previewWithdraw(100e6);
        vm.prank(alice);
        uint256 burned = junior.withdraw(100e6, alice, alice);
        assertEq(burned, expectShares);
        assertEq(usd.balanceOf(alice), 100e6);
        (uint256 shares,,) = junior.cooldownOf(alice);
        assertEq(shares, 400e12 - burned);
        assertEq(junior.totalAssets(), 900e6);
    }

    function test_redeem_byApprovedSpender() public {
        _deposit(alice, 0, 1_000e6);
        _cooldown(alice, 400e12);
        vm.warp(block.timestamp + 7 days);
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, bob, 0, 100e12)
        );
        junior.redeem(100e12, bob, alice);
        vm.prank(alice);
        junior.approve(bob, 100e12);
        vm.prank(bob);
        junior.redeem(100e12, bob, alice);
        assertApproxEqAbs(usd.balanceOf(bob), 100e6, 1);
        assertEq(junior.allowance(alice, bob), 0);
    }

    function test_redeem_fullRequestThenNoMore() public {
        _deposit(alice, 0, 1_000e6);
        _cooldown(alice, 400e12);
        vm.warp(block.timestamp + 7 days);
        vm.prank(alice);
        junior.redeem(400e12, alice, alice);
        assertEq(junior.maxRedeem(alice), 0);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxRedeem.selector, alice, 1, 0));
        junior.redeem(1, alice, alice);
    }

    // ---------------------------------------------------------------- transfers under cooldown

    function test_transfer_lockedSharesRevert() public {
        _deposit(alice, 0, 1_000e6);
        _cooldown(alice, 600e12);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.SharesLockedInCooldown.selector, 400e12, 400e12 + 1));
        junior.transfer(bob, 400e12 + 1);
        vm.prank(alice);
        junior.transfer(bob, 400e12);
        assertEq(junior.balanceOf(bob), 400e12);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.SharesLockedInCooldown.selector, 0, 1));
        junior.transfer(bob, 1);
    }

    function test_transferFrom_lockedSharesRevert() public {
        _deposit(alice, 0, 1_000e6);
        _cooldown(alice, 1_000e12);
        vm.prank(alice);
        junior.approve(bob, type(uint256).max);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.SharesLockedInCooldown.selector, 0, 1e12));
        junior.transferFrom(alice, bob, 1e12);
    }

    function test_transfer_lockedDuringWindowToo() public {
        _deposit(alice, 0, 1_000e6);
        _cooldown(alice, 600e12);
        vm.warp(block.timestamp + 8 days); // inside the window
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.SharesLockedInCooldown.selector, 400e12, 500e12));
        junior.transfer(bob, 500e12);
    }

    function test_transfer_worksAfterLapse() public {
        _deposit(alice, 0, 1_000e6);
        _cooldown(alice, 600e12);
        vm.warp(block.timestamp + 9 days);
        assertEq(junior.lockedShares(alice), 0);
        vm.prank(alice);
        junior.transfer(bob, 1_000e12);
        assertEq(junior.balanceOf(bob), 1_000e12);
        assertEq(junior.balanceOf(alice), 0);
    }

    function test_transfer_recipientCannotRedeemWithoutOwnRequest() public {
        _deposit(alice, 0, 1_000e6);
        _cooldown(alice, 600e12);
        vm.prank(alice);
        junior.transfer(bob, 400e12);
        vm.warp(block.timestamp + 7 days);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NoCooldownRequest.selector, bob));
        junior.redeem(1e12, bob, bob);
    }

    // ---------------------------------------------------------------- losses

    function test_sharesInCooldown_absorbLosses() public {
        _deposit(alice, 0, 1_000e6);
        _deposit(bob, 0, 1_000e6);
        _cooldown(alice, 1_000e12);
        vm.warp(block.timestamp + 7 days);
        _cover(500e6); // 25% loss on the tranche
        assertApproxEqAbs(junior.maxWithdraw(alice), 750e6, 1);
        vm.prank(alice);
        uint256 out = junior.redeem(1_000e12, alice, alice);
        assertApproxEqAbs(out, 750e6, 1);
        assertLe(out, 750e6);
        assertApproxEqAbs(junior.convertToAssets(junior.balanceOf(bob)), 750e6, 1);
    }

    function test_loss_lowersSharePriceProportionally() public {
        _deposit(alice, 0, 1_000e6);
        uint256 before = junior.sharePrice();
        _cover(100e6);
        uint256 afterPrice = junior.sharePrice();
        assertEq(afterPrice, Math.mulDiv(1e12, 900e6 + 1, 1_000e12 + OFFSET));
        assertLt(afterPrice, before);
        assertEq(junior.totalLossAbsorbed(), 100e6);
    }
}
