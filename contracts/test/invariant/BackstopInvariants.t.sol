// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {StdInvariant} from "forge-std/StdInvariant.sol";
import {console} from "forge-std/console.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {BackstopFixture} from "../utils/BackstopFixture.sol";
import {BackstopHandler} from "./BackstopHandler.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";

/// @notice Properties of the backstop that must hold after any sequence of deposits, exit requests, withdrawals,
/// transfers, trades, oracle moves (crashes included), liquidations, premiums, time and governance attacks.
/// The handler bounds every input itself, so harvesting storage into the fuzz dictionary buys little and costs ~40%
/// of the campaign's time on a 2-core machine.
/// forge-config: default.invariant.include-storage = false
/// forge-config: ci.invariant.include-storage = false
contract BackstopInvariants is BackstopFixture {
    BackstopHandler internal handler;

    function setUp() public override {
        super.setUp();
        handler = new BackstopHandler(
            BackstopHandler.System({
                usd: usd,
                module: module,
                tranches: tranches,
                clearinghouse: clearinghouse,
                oracles: oracles,
                timelock: timelock,
                governor: governor,
                deployer: deployer,
                guardian: guardian,
                keeper: keeper
            })
        );

        bytes4[] memory selectors = new bytes4[](26);
        selectors[0] = handler.deposit.selector;
        selectors[1] = handler.deposit.selector; // deposits are weighted double: the system needs capital
        selectors[2] = handler.requestCooldown.selector;
        selectors[3] = handler.cancelCooldown.selector;
        selectors[4] = handler.withdraw.selector;
        selectors[5] = handler.redeem.selector;
        selectors[6] = handler.transferShares.selector;
        selectors[7] = handler.warpToWindow.selector;
        selectors[8] = handler.donate.selector;
        selectors[9] = handler.payPremium.selector;
        selectors[10] = handler.openPosition.selector;
        selectors[11] = handler.closePosition.selector;
        selectors[12] = handler.movePrice.selector;
        selectors[13] = handler.crash.selector;
        selectors[14] = handler.liquidate.selector;
        selectors[15] = handler.warp.selector;
        selectors[16] = handler.tryParameterChange.selector;
        selectors[17] = handler.guardianPause.selector;
        selectors[18] = handler.openPosition.selector; // trading, crashes and liquidations double: losses need them
        selectors[19] = handler.crash.selector;
        selectors[20] = handler.liquidate.selector;
        selectors[21] = handler.requestCooldown.selector; // and the exit path double: it is three steps long
        selectors[22] = handler.warpToWindow.selector;
        selectors[23] = handler.redeem.selector;
        selectors[24] = handler.startNewEpoch.selector;
        selectors[25] = handler.probeMaxes.selector;
        targetSelector(StdInvariant.FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    /// @notice Each tranche's books: deposits + premiums − withdrawals − losses, exactly; vesting only hides part of
    /// them; the tokens held cover the books, and the excess is exactly what was donated.
    function invariant_assetsAreConserved() public view {
        uint256 premiumsToTranches;
        for (uint256 i; i < 3; ++i) {
            TrancheVault vault = tranches[i];
            uint256 books = handler.ghostDeposited(i) + handler.ghostPremiumReceived(i) - handler.ghostWithdrawn(i)
                - handler.ghostLossPaid(i) - handler.ghostSettled(i);
            assertEq(
                vault.accountedAssets(), books, "accountedAssets != deposits + premiums - withdrawals - losses - settled"
            );
            assertLe(vault.totalAssets(), vault.accountedAssets(), "totalAssets > accountedAssets");
            assertLe(vault.unclaimedSettlements(), handler.ghostSettled(i), "more owed than was ever settled");
            uint256 owed = vault.accountedAssets() + vault.unclaimedSettlements();
            assertGe(usd.balanceOf(address(vault)), owed, "vault holds less than its books and settlements");
            assertEq(usd.balanceOf(address(vault)) - owed, handler.ghostDonated(i), "donation got booked");
            assertEq(vault.totalLossAbsorbed(), handler.ghostLossPaid(i), "totalLossAbsorbed != losses paid");
            assertEq(vault.totalPremiumReceived(), handler.ghostPremiumReceived(i), "totalPremiumReceived mismatch");
            premiumsToTranches += handler.ghostPremiumReceived(i);
        }
        assertEq(
            module.totalPremiums(), premiumsToTranches + module.undistributedPremium(), "premium leaked in the module"
        );
        assertEq(usd.balanceOf(address(module)), module.undistributedPremium(), "module holds unbooked assets");
    }

    /// @notice Losses run Junior → Mezzanine → Senior: a tranche pays only once every more junior one is empty, each
    /// pays exactly its waterfall share, and only what no tranche could pay becomes a deficit.
    function invariant_noTranchePaysWhileAMoreJuniorOneHasAssets() public view {
        assertFalse(handler.waterfallBroken(), handler.firstViolation());
        uint256 paid;
        for (uint256 i; i < 3; ++i) {
            paid += handler.ghostLossPaid(i);
        }
        assertEq(paid + module.totalDeficit(), handler.ghostShortfall(), "shortfall != paid + deficit");
        assertEq(module.lossCount(), handler.ghostLossEvents(), "lossCount != liquidations with a shortfall");
    }

    /// @notice No withdraw, redeem or transfer escapes the cooldown: none succeeds outside the unstake window, above
    /// the request, or with locked shares.
    function invariant_nobodyWithdrawsOutsideTheirWindowOrAboveTheirRequest() public view {
        assertFalse(handler.exitRuleBroken(), handler.firstViolation());
    }

    /// @notice And the converse: an exit within the window and the request (or a transfer of free shares) always
    /// succeeds, paused deposits or not.
    function invariant_exitsWithinTheWindowAreNeverBlocked() public view {
        assertFalse(handler.legitimateExitBlocked(), handler.firstViolation());
    }

    /// @notice Other people's deposits, exits, transfers, donations, trades, premium payments and oracle updates move
    /// a share price by rounding at most; it falls only in cover() and rises only as premium vests over time.
    function invariant_sharePriceMovesOnlyByLossesAndVesting() public view {
        assertFalse(handler.sharePriceMovedIllegally(), handler.firstViolation());
    }

    /// @notice The share supply stays bounded whatever the losses: deposits are refused below the share-price floor
    /// (1% of the initial price, i.e. at most 10^8 shares per asset unit), so no tranche ever holds more than 10^8
    /// shares per unit of its cap, across any number of wipe-and-refill cycles. Before the floor and the new epoch,
    /// one wipe and refill multiplied the supply by ~10^11.
    function invariant_shareSupplyBounded() public view {
        for (uint8 i; i < 3; ++i) {
            assertLe(tranches[i].totalSupply(), (module.depositCap(i) + 1) * 1e8, "share supply beyond the floor's bound");
        }
    }

    /// @notice maxDeposit and maxMint never revert (EIP-4626 MUST), checked in every state reached and by the handler.
    function invariant_maxDepositAndMaxMintNeverRevert() public view {
        assertFalse(handler.maxFunctionReverted(), handler.firstViolation());
        for (uint256 i; i < 3; ++i) {
            for (uint256 a; a < handler.underwriterCount(); ++a) {
                address who = address(uint160(uint256(keccak256(abi.encode(i, a)))));
                try tranches[i].maxDeposit(who) {} catch {
                    revert("maxDeposit reverted");
                }
                try tranches[i].maxMint(who) {} catch {
                    revert("maxMint reverted");
                }
            }
        }
    }

    /// @notice Deposits respect the guardian's pause and the per-tranche caps.
    function invariant_depositsRespectCapsAndPause() public view {
        assertFalse(handler.depositLimitBroken(), handler.firstViolation());
    }

    /// @notice Nobody but the timelock changes a parameter, and the timelock stays the owner.
    /// @notice The margin rule: a liquidation never charges slippage to the backstop, whose part is exactly the
    /// negative equity at the oracle price.
    function invariant_noShortfallBeyondNegativeMarkEquity() public view {
        assertFalse(handler.shortfallBeyondMarkEquity(), "a liquidation's shortfall exceeded its negative mark equity");
    }

    function invariant_onlyTheTimelockChangesParameters() public view {
        assertFalse(handler.unauthorizedChangeSucceeded(), handler.firstViolation());
        assertEq(module.owner(), address(timelock), "module owner");
        assertEq(clearinghouse.owner(), address(timelock), "clearinghouse owner");
        assertEq(module.guardian(), guardian, "guardian");
        assertFalse(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), deployer), "deployer regained admin");
        for (uint8 i; i < 3; ++i) {
            assertEq(module.cooldown(i), 7 days, "cooldown changed");
            assertEq(module.unstakeWindow(i), 2 days, "unstake window changed");
            assertEq(module.depositCap(i), _defaultTrancheParams()[i].depositCap, "deposit cap changed");
        }
        assertEq(module.premiumVestingPeriod(), 7 days, "vesting period changed");
    }

    /// @notice solvencyRatio = Σ tranche capital / Σ_m (long + short OI at the oracle price) × stressLossRate_m,
    /// recomputed here from raw open interest and oracle answers.
    function invariant_solvencyRatioMatchesItsDefinition() public view {
        uint256 capital;
        for (uint256 i; i < 3; ++i) {
            capital += tranches[i].totalAssets();
        }
        uint256 required;
        for (uint256 m; m < 3; ++m) {
            (,,, uint256 longOI, uint256 shortOI) = clearinghouse.market(m);
            (, int256 answer,,,) = oracles[m].latestRoundData();
            uint256 price = uint256(answer) * 1e10;
            uint256 notional = Math.mulDiv(longOI, price, 1e30) + Math.mulDiv(shortOI, price, 1e30);
            required += Math.mulDiv(notional, module.stressLossRate(m), 1e18);
        }
        assertEq(module.totalCapital(), capital, "totalCapital");
        assertEq(module.requiredCapital(), required, "requiredCapital");
        uint256 expected = required == 0 ? type(uint256).max : Math.mulDiv(capital, 1e18, required);
        assertEq(module.solvencyRatio(), expected, "solvencyRatio");
    }

    /// @notice Logs how far the last run reached into the system (visible with -vv): exits that went through,
    /// locked transfers refused, losses that reached each tranche.
    function afterInvariant() external view {
        string[12] memory keys = [
            "deposit",
            "newEpoch",
            "probeMaxes",
            "withdraw.ok",
            "redeem.ok",
            "transfer.lockedRejected",
            "liquidation",
            "loss.reachedMezzanine",
            "loss.reachedSenior",
            "loss.deficit",
            "openPosition",
            "warp"
        ];
        for (uint256 i; i < keys.length; ++i) {
            console.log(keys[i], handler.calls(bytes32(bytes(keys[i]))));
        }
    }
}
