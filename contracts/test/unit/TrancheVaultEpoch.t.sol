// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";

/// @notice A wiped tranche (issue #18 item 3): deposits refused until governance starts a new share epoch, which
/// settles what was left, unvested premium included, on the pre-wipe holders.
contract TrancheVaultEpochTest is BackstopFixture {
    TrancheVault internal junior;
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");

    function setUp() public override {
        super.setUp();
        junior = tranches[0];
    }



    function _newEpoch() internal {
        _asTimelock(address(module), abi.encodeCall(BackstopModule.startNewEpoch, (0)));
    }

    /// @dev Alice holds Junior; a 10,000 premium vests for a day; a loss then takes every vested asset, leaving
    /// 8,571.43 tUSD still vesting for her.
    function _wipeWithPremiumVesting() internal {
        _deposit(alice, 0, 10_000e6);
        _payPremium(10_000e6);
        vm.warp(block.timestamp + 1 days);
        _cover(junior.totalAssets());
        assertEq(junior.totalAssets(), 0);
        assertApproxEqAbs(junior.unvestedPremium(), 8_571.43e6, 0.01e6);
    }

    /// @notice The app learns what a holder from before the wipe is owed from the lens, in the same call as the rest.
    function test_lens_reportsTheSettlementOwed() public {
        _wipeWithPremiumVesting();
        _newEpoch();
        uint256 owed = junior.settlementOf(alice);
        assertGt(owed, 0);
        assertEq(lens.getDashboard(alice).user.tranches[0].settlement, owed);
        junior.claimSettlement(alice);
        assertEq(lens.getDashboard(alice).user.tranches[0].settlement, 0);
        assertEq(lens.getDashboard(bob).user.tranches[0].settlement, 0);
    }

    // ---------------------------------------------------------------- regression: the dust depositor

    /// @notice Before: a 1 tUSD deposit after this wipe took 99.9999 % of the shares and redeemed 8,572.42 tUSD seven
    /// days later. Now the deposit is refused, the new epoch pays Alice all 8,571.43, and a 1 tUSD depositor of the
    /// new epoch gets back 1 tUSD.
    function test_regression_dustDepositAfterWipeCannotTakeUnvestedPremium() public {
        _wipeWithPremiumVesting();
        assertTrue(junior.wiped());
        uint256 owed = junior.accountedAssets();

        _mintUsd(bob, 1e6);
        vm.startPrank(bob);
        usd.approve(address(junior), 1e6);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.TrancheWiped.selector, uint8(0)));
        junior.deposit(1e6, bob);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.TrancheWiped.selector, uint8(0)));
        junior.mint(1e12, bob);
        vm.stopPrank();
        assertEq(junior.maxDeposit(bob), 0);
        assertEq(junior.maxMint(bob), 0);

        _newEpoch();
        assertFalse(junior.wiped());
        assertEq(junior.epoch(), 1);
        assertEq(junior.totalSupply(), 0);
        assertEq(junior.balanceOf(alice), 0, "old shares are retired");
        assertEq(junior.settlementOf(alice), owed, "alice is owed everything left on the books");
        assertApproxEqAbs(owed, 8_571.43e6, 0.01e6);

        uint256 shares = _deposit(bob, 0, 1e6);
        assertEq(shares, 1e12, "the new epoch starts at the initial price");
        vm.prank(bob);
        junior.cooldownShares(shares);
        vm.warp(block.timestamp + 7 days);
        vm.prank(bob);
        uint256 out = junior.redeem(shares, bob, bob);
        assertEq(out, 1e6, "the newcomer gets back what he paid, none of the old premium");

        uint256 before = usd.balanceOf(alice);
        junior.claimSettlement(alice);
        assertEq(usd.balanceOf(alice) - before, owed);
        assertEq(junior.unclaimedSettlements(), 0);
    }

    /// @notice Before: the share supply grew ~1e11× per wipe-and-refill and the 7th refill overflowed (maxMint then
    /// reverted). Now every refill starts from the initial price: 25 cycles, the supply stays at the deposit's size.
    function test_regression_supplyBoundedAcrossWipeAndRefillCycles() public {
        for (uint256 i; i < 25; ++i) {
            address who = i % 2 == 0 ? alice : bob;
            uint256 shares = _deposit(who, 0, 100_000e6);
            assertEq(shares, 100_000e12, "each refill mints at the initial price");
            assertEq(junior.totalSupply(), 100_000e12);
            junior.maxMint(carol); // must not revert
            _cover(100_000e6);
            assertTrue(junior.wiped());
            assertEq(junior.maxMint(carol), 0);
            _newEpoch();
        }
        assertEq(junior.epoch(), 25);
    }

    // ---------------------------------------------------------------- the floor

    function test_lossBelowFloor_wipes_aboveFloor_doesNot() public {
        _deposit(alice, 0, 100_000e6);
        _cover(98_000e6); // price 0.02: above the 0.01 floor
        assertFalse(junior.wiped());
        assertGt(junior.maxDeposit(bob), 0);
        _cover(1_500e6); // price 0.005
        assertTrue(junior.wiped());
        assertLt(junior.sharePrice(), junior.minSharePrice());
        assertEq(junior.minSharePrice(), 0.01e6);
    }

    function test_wiped_staysUntilNewEpochEvenAfterPremiumVests() public {
        _wipeWithPremiumVesting();
        vm.warp(block.timestamp + 7 days);
        assertGt(junior.sharePrice(), junior.minSharePrice(), "vesting lifted the price back above the floor");
        assertTrue(junior.wiped());
        assertEq(junior.maxDeposit(bob), 0);
    }

    // ---------------------------------------------------------------- governance

    function test_startNewEpoch_onlyOwner() public {
        _wipeWithPremiumVesting();
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, guardian));
        module.startNewEpoch(0);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotModule.selector, address(this)));
        junior.startNewEpoch();
    }

    function test_startNewEpoch_revertsUnlessWiped() public {
        _deposit(alice, 0, 10_000e6);
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.TrancheNotWiped.selector, uint8(0)));
        module.startNewEpoch(0);
    }

    // ---------------------------------------------------------------- settlements

    function test_settlement_proRataAndPaidWhenTheAccountIsTouched() public {
        _deposit(alice, 0, 30_000e6);
        _deposit(bob, 0, 10_000e6);
        _payPremium(4_000e6);
        _cover(junior.totalAssets());
        uint256 owed = junior.accountedAssets();
        _newEpoch();
        assertEq(junior.settlementOf(alice), owed * 3 / 4);
        assertEq(junior.settlementOf(bob), owed / 4);

        // Bob's deposit in the new epoch pays his old claim first.
        uint256 cashBefore = usd.balanceOf(bob);
        _mintUsd(bob, 1_000e6);
        vm.startPrank(bob);
        usd.approve(address(junior), 1_000e6);
        junior.deposit(1_000e6, bob);
        vm.stopPrank();
        assertEq(usd.balanceOf(bob) - cashBefore, owed / 4);
        assertEq(junior.settlementOf(bob), 0);
        assertEq(junior.balanceOf(bob), 1_000e12);

        // Alice's is paid when shares reach her, and only once.
        vm.prank(bob);
        junior.transfer(alice, 1e12);
        assertEq(usd.balanceOf(alice), owed * 3 / 4);
        assertEq(junior.balanceOf(alice), 1e12);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NoSettlement.selector, alice));
        junior.claimSettlement(alice);
        assertLe(junior.unclaimedSettlements(), 1, "only rounding dust is left unclaimed");
    }

    function test_staleShares_cannotBeTransferredOrRedeemed() public {
        uint256 shares = _deposit(alice, 0, 10_000e6);
        vm.prank(alice);
        junior.cooldownShares(shares);
        _cover(10_000e6);
        _newEpoch();
        (uint256 requested,,) = junior.cooldownOf(alice);
        assertEq(requested, 0, "a request of an ended epoch is void");
        assertEq(junior.lockedShares(alice), 0);
        vm.warp(block.timestamp + 7 days);
        assertEq(junior.maxRedeem(alice), 0);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NoCooldownRequest.selector, alice));
        junior.redeem(shares, alice, alice);
        vm.prank(alice);
        vm.expectRevert();
        junior.transfer(bob, 1);
    }

    function test_preWipeHolders_canStillExitWhileWiped() public {
        _deposit(alice, 0, 10_000e6);
        uint256 shares = junior.balanceOf(alice);
        vm.prank(alice);
        junior.cooldownShares(shares);
        _cover(9_950e6); // 0.5 % of the initial price is left: under the 1 % floor
        assertTrue(junior.wiped());
        _payPremium(7_000e6);
        vm.warp(block.timestamp + 7 days);
        // The request bears the loss and not the premium that vested while it waited: 10,000 × 50/10,000.
        assertApproxEqAbs(junior.requestValueOf(alice), 50e6, 1);
        vm.prank(alice);
        uint256 out = junior.redeem(shares, alice, alice);
        assertApproxEqAbs(out, 50e6, 1);
        assertEq(junior.balanceOf(alice), 0);
    }
}
