// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";

contract VaultRoundTripFuzzTest is BackstopFixture {
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    TrancheVault internal vault;

    function setUp() public override {
        super.setUp();
        vault = tranches[0];
        _asTimelock(address(module), abi.encodeCall(BackstopModule.setCooldown, (0, 0)));
    }

    /// @dev Puts the vault in an arbitrary state: some deposits, a loss, a vested premium.
    function _shape(uint256 seed, uint256 loss, uint256 premium) internal {
        seed = bound(seed, 1, 500_000e6);
        _deposit(bob, 0, seed);
        loss = bound(loss, 0, seed);
        if (loss > 0) {
            vm.prank(address(clearinghouse));
            module.cover(ETH, loss);
            // A loss that wipes the tranche closes it to deposits until governance starts a new share epoch.
            if (vault.wiped()) _asTimelock(address(module), abi.encodeCall(BackstopModule.startNewEpoch, (0)));
        }
        premium = bound(premium, 0, 100_000e6);
        if (premium > 0) {
            address payer = makeAddr("payer");
            _mintUsd(payer, premium);
            vm.startPrank(payer);
            usd.approve(address(module), premium);
            module.payPremium(premium);
            vm.stopPrank();
            vm.warp(block.timestamp + 7 days);
        }
    }

    function testFuzz_depositRedeem_neverReturnsMore(uint256 seed, uint256 loss, uint256 premium, uint256 assets)
        public
    {
        _shape(seed, loss, premium);
        assets = bound(assets, 1, 1_000_000e6);
        uint256 shares = _deposit(alice, 0, assets);
        vm.assume(shares > 0);
        vm.startPrank(alice);
        vault.cooldownShares(shares);
        uint256 out = vault.redeem(shares, alice, alice);
        vm.stopPrank();
        assertLe(out, assets, "round trip rounds against the user");
        assertEq(usd.balanceOf(alice), out);
        assertEq(vault.balanceOf(alice), 0);
    }

    function testFuzz_mintWithdraw_neverReturnsMore(uint256 seed, uint256 loss, uint256 premium, uint256 shares)
        public
    {
        _shape(seed, loss, premium);
        shares = bound(shares, 1, 1_000_000e12);
        uint256 cost = vault.previewMint(shares);
        vm.assume(cost > 0 && cost <= vault.maxDeposit(alice));
        _mintUsd(alice, cost);
        vm.startPrank(alice);
        usd.approve(address(vault), cost);
        uint256 paid = vault.mint(shares, alice);
        assertEq(paid, cost);
        vault.cooldownShares(shares);
        uint256 maxOut = vault.maxWithdraw(alice);
        if (maxOut > 0) {
            uint256 burned = vault.withdraw(maxOut, alice, alice);
            assertLe(burned, shares);
        }
        vm.stopPrank();
        assertLe(maxOut, paid, "cannot take out more than was paid");
    }

    function testFuzz_previews_roundAgainstUser(uint256 seed, uint256 loss, uint256 premium, uint256 x) public {
        _shape(seed, loss, premium);
        x = bound(x, 1, 1_000_000e6);
        uint256 sharesForDeposit = vault.previewDeposit(x);
        assertLe(vault.previewRedeem(sharesForDeposit), x);
        uint256 sharesForWithdraw = vault.previewWithdraw(x);
        assertGe(sharesForWithdraw, sharesForDeposit);
        uint256 s = bound(x, 1, 1_000_000e12);
        assertGe(vault.previewMint(s), vault.previewRedeem(s));
    }
}
