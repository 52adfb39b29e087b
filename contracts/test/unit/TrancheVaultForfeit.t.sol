// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../src/libraries/EventsLib.sol";

/// @notice Shares under an exit request bear losses and earn no premium; closing a request other than by exiting
/// (cancel, a new request, moving its shares after it lapsed) forfeits what they earned meanwhile to the other holders.
contract TrancheVaultForfeitTest is BackstopFixture {
    TrancheVault internal junior;
    address internal holder = makeAddr("holder");
    address internal other = makeAddr("other");
    address internal friend = makeAddr("friend");

    function setUp() public override {
        super.setUp();
        junior = tranches[0];
    }

    function _value(address account) internal view returns (uint256) {
        return junior.previewRedeem(junior.balanceOf(account));
    }

    /// @dev The common start: holder and other deposit 100,000 tUSD each in Junior, and holder requests all his shares.
    function _holderRequestsBesideOther() internal returns (uint256 shares) {
        shares = _deposit(holder, 0, 100_000e6);
        _deposit(other, 0, 100_000e6);
        _request(holder, shares);
    }

    function _request(address account, uint256 shares) internal {
        vm.prank(account);
        junior.cooldownShares(shares);
    }

    function test_cancel_forfeitsThePremiumEarnedToTheOtherHolders() public {
        uint256 shares = _holderRequestsBesideOther();
        _payPremium(20_000e6);
        vm.warp(block.timestamp + 3 days);

        uint256 gain = _value(holder) - 100_000e6;
        assertGt(gain, 1_000e6);
        assertApproxEqAbs(junior.forfeitableOf(holder), gain, 1);
        uint256 otherBefore = _value(other);
        uint256 forfeit = junior.forfeitableOf(holder);

        vm.expectEmit(false, true, false, false, address(junior));
        emit EventsLib.RequestEarningsForfeited(holder, 0, 0);
        vm.prank(holder);
        junior.cancelCooldown();

        assertApproxEqAbs(_value(holder), 100_000e6, 2, "back to the value at request");
        assertApproxEqAbs(_value(other), otherBefore + forfeit, 2, "the forfeit went to the other holder");
        assertLt(junior.balanceOf(holder), shares);
        (,, uint256 windowEnd) = junior.cooldownOf(holder);
        assertEq(windowEnd, 0);
        assertEq(junior.lockedShares(holder), 0);
    }

    function test_requestValue_fallsWithLossesAndIgnoresPremium() public {
        uint256 shares = _deposit(holder, 0, 100_000e6);
        _deposit(other, 0, 300_000e6);
        _request(holder, shares);
        _payPremium(40_000e6);
        vm.warp(block.timestamp + 30 days);
        _cover(40_000e6); // 10 % of Junior's 400,000 principal; the premium has vested by now
        // The request bears the loss in proportion to the share price's fall, and earns none of the premium.
        uint256 expected = uint256(100_000e6) * (junior.totalAssets() + 1) / (junior.totalAssets() + 40_000e6 + 1);
        assertApproxEqAbs(junior.requestValueOf(holder), expected, 1);
        assertLt(junior.requestValueOf(holder), 100_000e6);
    }

    function test_exitAfterALossAndPremium_paysTheValueAtRequestLessTheLoss() public {
        uint256 shares = _holderRequestsBesideOther();
        _payPremium(20_000e6);
        vm.warp(block.timestamp + 1 days);
        uint256 assetsBefore = junior.totalAssets();
        _cover(20_000e6);
        uint256 fall = (junior.totalAssets() + 1) * 1e18 / (assetsBefore + 1);
        vm.warp(block.timestamp + 6 days + 1 hours);
        // The premium vested since covers more than the loss took: today's value is above the request's, which pays.
        assertGt(_value(holder), junior.requestValueOf(holder));
        vm.prank(holder);
        uint256 out = junior.redeem(shares, holder, holder);
        assertApproxEqRel(out, 100_000e6 * fall / 1e18, 1e9);
    }

    function test_lapsedRequest_forfeitsOnlyWhatItEarnedWhileItLived_whenItsSharesMove() public {
        _holderRequestsBesideOther();
        uint256 requestedAt = block.timestamp;
        _payPremium(20_000e6);
        vm.warp(requestedAt + 27 days); // the request lived 9 days; three times that has passed

        uint256 gain = _value(holder) - 100_000e6;
        assertApproxEqAbs(junior.forfeitableOf(holder), gain / 3, 1, "a third: the request's life over the time since");
        assertEq(junior.lockedShares(holder), 0);

        uint256 forfeit = junior.forfeitableOf(holder);
        uint256 valueBefore = _value(holder);
        uint256 toFriend = junior.balanceOf(holder) / 10;
        vm.prank(holder);
        junior.transfer(friend, toFriend);
        assertApproxEqAbs(_value(holder) + _value(friend), valueBefore - forfeit, 3);
        (,, uint256 windowEnd) = junior.cooldownOf(holder);
        assertEq(windowEnd, 0, "the lapsed request is closed");
        assertEq(junior.forfeitableOf(holder), 0);
    }

    function test_lapsedRequest_keepsItsSharesUntilTheyMove() public {
        uint256 shares = _holderRequestsBesideOther();
        _payPremium(20_000e6);
        vm.warp(block.timestamp + 10 days);
        assertGt(junior.forfeitableOf(holder), 0);
        assertEq(junior.balanceOf(holder), shares, "nothing is burned until the account acts");
    }

    function test_replacingARequest_forfeitsAndCoversWhatIsLeft() public {
        uint256 shares = _holderRequestsBesideOther();
        _payPremium(20_000e6);
        vm.warp(block.timestamp + 9 days);
        uint256 forfeit = junior.forfeitableOf(holder);
        assertGt(forfeit, 0);

        _request(holder, shares); // the whole pre-forfeit balance: covers what is left
        (uint256 requested,,) = junior.cooldownOf(holder);
        assertEq(requested, junior.balanceOf(holder));
        assertLt(requested, shares);
        assertApproxEqAbs(junior.requestValueOf(holder), 100_000e6, 2, "the new request starts at the old one's value");
    }

    function test_forfeitIsZero_whenLossesTookMoreThanThePremium() public {
        _holderRequestsBesideOther();
        _cover(30_000e6);
        _payPremium(2_000e6);
        vm.warp(block.timestamp + 3 days);
        // The premium's part since the loss is forfeited; the loss itself is not given back by cancelling.
        uint256 forfeit = junior.forfeitableOf(holder);
        assertLe(forfeit, 1_000e6);
        uint256 valueBefore = _value(holder);
        vm.prank(holder);
        junior.cancelCooldown();
        assertApproxEqAbs(_value(holder), valueBefore - forfeit, 2);
    }

    function test_soleHolder_forfeitsNothing() public {
        uint256 shares = _deposit(holder, 0, 100_000e6);
        _request(holder, shares);
        _payPremium(10_000e6);
        vm.warp(block.timestamp + 3 days);
        assertEq(junior.forfeitableOf(holder), 0, "nobody else to hand it to");
        vm.prank(holder);
        junior.cancelCooldown();
        assertEq(junior.balanceOf(holder), shares);
    }

    function test_liveRequest_stillLocksItsShares() public {
        uint256 shares = _deposit(holder, 0, 100_000e6);
        _deposit(other, 0, 100_000e6);
        _request(holder, shares / 2);
        vm.prank(holder);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.SharesLockedInCooldown.selector, shares - shares / 2, shares));
        junior.transfer(friend, shares);
    }

    /// @notice Whatever the premium, losses, request size and timing, closing a request takes exactly what
    /// `forfeitableOf` said from the holder (to rounding), gives it to the other holders, and never more than the
    /// requested shares' value above their loss-scaled value at request.
    function testFuzz_cancel_movesExactlyTheForfeit(
        uint256 deposit,
        uint256 otherDeposit,
        uint256 fraction,
        uint256 premium,
        uint256 loss,
        uint256 elapsed
    ) public {
        deposit = bound(deposit, 1e6, 1_000_000e6);
        otherDeposit = bound(otherDeposit, 1e6, 1_000_000e6);
        uint256 shares = _deposit(holder, 0, deposit);
        _deposit(other, 0, otherDeposit);
        uint256 requested = bound(fraction, 1, shares);
        _request(holder, requested);
        premium = bound(premium, 0, 500_000e6);
        if (premium > 0) _payPremium(premium);
        vm.warp(block.timestamp + bound(elapsed, 0, 40 days));
        loss = bound(loss, 0, junior.totalAssets() / 2);
        if (loss > 0) _cover(loss);

        uint256 forfeit = junior.forfeitableOf(holder);
        uint256 requestedValue = junior.previewRedeem(requested);
        uint256 cap = junior.requestValueOf(holder);
        assertLe(forfeit, requestedValue > cap ? requestedValue - cap : 0);

        uint256 holderBefore = _value(holder);
        uint256 otherBefore = _value(other);
        vm.prank(holder);
        junior.cancelCooldown();
        // Rounding: a few shares' worth (a share can be worth many units after a large premium on a small deposit).
        uint256 tolerance = 4 * (junior.convertToAssets(1e6) / 1e6 + 1) + holderBefore / 1e9;
        assertApproxEqAbs(_value(holder), holderBefore - forfeit, tolerance, "the holder loses the forfeit");
        // The other holder gains it but for the virtual shares' part (10**6 of them beside his).
        uint256 virtualPart = forfeit * 1e6 / junior.balanceOf(other) + 1;
        assertGe(_value(other) + tolerance + virtualPart, otherBefore + forfeit, "the other holder gains it");
        assertLe(_value(holder), holderBefore, "closing a request never pays the holder");
    }
}
