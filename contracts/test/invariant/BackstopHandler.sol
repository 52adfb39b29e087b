// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {Vm} from "forge-std/Vm.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {AggregatorV3Interface} from "@chainlink/contracts/src/v0.8/shared/interfaces/AggregatorV3Interface.sol";
import {TestStablecoin} from "../../src/TestStablecoin.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {Clearinghouse} from "../../src/Clearinghouse.sol";
import {IClearinghouse} from "../../src/interfaces/IClearinghouse.sol";
import {MockAggregator} from "../../src/mocks/MockAggregator.sol";
import {BackstopTimelock} from "../../src/governance/BackstopTimelock.sol";
import {BackstopGovernor} from "../../src/governance/BackstopGovernor.sol";
import {EventsLib} from "../../src/libraries/EventsLib.sol";

/// @notice Drives the whole system the way its users do — underwriters, traders, liquidators, the oracle keeper, the
/// guardian and would-be attackers of governance — and keeps ghost books that the invariants compare with the
/// contracts. Forbidden things are attempted too; a forbidden call that succeeds flips a flag with its reason.
contract BackstopHandler is Test {
    struct System {
        TestStablecoin usd;
        BackstopModule module;
        TrancheVault[3] tranches;
        Clearinghouse clearinghouse;
        MockAggregator[3] oracles;
        BackstopTimelock timelock;
        BackstopGovernor governor;
        address deployer;
        address guardian;
        address keeper;
    }

    /// @dev The handler's own record of each exit request, built from the calls it made, not read from the vault.
    struct Request {
        uint256 shares;
        uint256 cooldownEnd;
        uint256 windowEnd;
    }

    enum Move {
        Flat,
        Up,
        Down
    }

    uint256 internal constant ACTOR_FUNDS = 1e12 * 1e6;
    uint256 internal constant SHARE_UNIT = 1e12; // 10 ** vault.decimals()
    bytes32 internal constant LOSS_EVENT = keccak256("TrancheLossAbsorbed(uint256,uint8,uint256,uint256,uint256)");

    TestStablecoin internal usd;
    BackstopModule internal module;
    TrancheVault[3] internal tranches;
    Clearinghouse internal clearinghouse;
    MockAggregator[3] internal oracles;
    BackstopTimelock internal timelock;
    BackstopGovernor internal governor;
    address internal deployer;
    address internal guardian;
    address internal keeper;
    address internal donor = makeAddr("donor");
    int256[3] internal initialPrices;

    address[] internal underwriters;
    address[] internal traders;
    mapping(uint8 trancheId => mapping(address owner => Request)) internal requests;

    // ---------------------------------------------------------------- ghost books (per tranche)
    uint256[3] public ghostDeposited;
    uint256[3] public ghostWithdrawn;
    uint256[3] public ghostLossPaid;
    uint256[3] public ghostPremiumReceived;
    uint256[3] public ghostDonated;
    uint256[3] public ghostSettled; // moved off the books to the holders of an ended epoch
    uint256 public ghostShortfall;
    uint256 public ghostLossEvents;

    // ---------------------------------------------------------------- violation flags (with the first reason seen)
    bool public waterfallBroken;
    bool public exitRuleBroken;
    bool public legitimateExitBlocked;
    bool public sharePriceMovedIllegally;
    bool public unauthorizedChangeSucceeded;
    /// @dev Set when a liquidation's shortfall differs from the position's negative equity at the mark.
    bool public shortfallBeyondMarkEquity;
    bool public depositLimitBroken;
    bool public maxFunctionReverted;
    string public firstViolation;

    mapping(bytes32 => uint256) public calls;

    constructor(System memory s) {
        usd = s.usd;
        module = s.module;
        tranches = s.tranches;
        clearinghouse = s.clearinghouse;
        oracles = s.oracles;
        timelock = s.timelock;
        governor = s.governor;
        deployer = s.deployer;
        guardian = s.guardian;
        keeper = s.keeper;
        for (uint256 m; m < 3; ++m) {
            (, initialPrices[m],,,) = oracles[m].latestRoundData();
        }

        underwriters.push(makeAddr("alice"));
        underwriters.push(makeAddr("bob"));
        underwriters.push(makeAddr("carol"));
        underwriters.push(makeAddr("dave"));
        traders.push(makeAddr("trader1"));
        traders.push(makeAddr("trader2"));
        traders.push(makeAddr("trader3"));

        for (uint256 i; i < underwriters.length; ++i) {
            _fund(underwriters[i]);
            vm.startPrank(underwriters[i]);
            for (uint256 t; t < 3; ++t) {
                usd.approve(address(tranches[t]), type(uint256).max);
            }
            usd.approve(address(module), type(uint256).max);
            vm.stopPrank();
        }
        for (uint256 i; i < traders.length; ++i) {
            _fund(traders[i]);
            vm.prank(traders[i]);
            usd.approve(address(clearinghouse), type(uint256).max);
        }
        _fund(donor);
        // Deep house liquidity, so that closing a winning position never fails for want of it.
        _fund(address(this));
        usd.approve(address(clearinghouse), type(uint256).max);
        clearinghouse.fundHouse(ACTOR_FUNDS / 2);
    }

    function _fund(address who) internal {
        deal(address(usd), who, ACTOR_FUNDS, true);
    }

    // ================================================================ underwriters

    function deposit(uint256 actorSeed, uint256 trancheSeed, uint256 assets) external {
        calls["deposit"]++;
        address actor = _underwriter(actorSeed);
        uint8 t = _tranche(trancheSeed);
        TrancheVault vault = tranches[t];
        // Round sums of 1k to 1.5M most of the time, any amount down to 1 wei otherwise.
        assets = assets % 4 == 0 ? _bound(assets, 1, 1_500_000e6) : 1_000e6 * (assets % 1_500 + 1);
        uint256 cap = module.depositCap(t);
        bool paused = module.depositsPaused();
        uint256[3] memory before = _sharePrices();
        uint256 balanceBefore = usd.balanceOf(address(vault));
        uint256 owedBefore = vault.unclaimedSettlements();
        bool wiped = vault.wiped();

        vm.prank(actor);
        try vault.deposit(assets, actor) returns (uint256) {
            ghostDeposited[t] += assets;
            if (paused) _flagDeposit("deposit succeeded while paused");
            if (wiped) _flagDeposit("deposit succeeded into a wiped tranche");
            if (vault.totalAssets() > cap) _flagDeposit("deposit went over the cap");
            // A depositor still owed an ended epoch's settlement is paid it in the same call.
            if (usd.balanceOf(address(vault)) != balanceBefore + assets - (owedBefore - vault.unclaimedSettlements())) {
                _flagDeposit("deposit moved the wrong amount");
            }
        } catch {}
        _checkSharePrices(before, Move.Flat, "deposit");
    }

    function requestCooldown(uint256 actorSeed, uint256 trancheSeed, uint256 shares) external {
        calls["requestCooldown"]++;
        (address actor, uint8 t) = _pickHolder(actorSeed, trancheSeed);
        TrancheVault vault = tranches[t];
        uint256 balance = vault.balanceOf(actor);
        // Mostly a fraction of the balance; one time in eight more than the balance, which must fail.
        if (shares % 8 == 0) shares = balance + _bound(shares, 1, 1e18);
        else shares = balance == 0 ? 1 : _max(1, Math.mulDiv(balance, shares % 100 + 1, 100));
        bool allowed = shares <= balance;
        uint256[3] memory before = _sharePrices();

        vm.prank(actor);
        try vault.cooldownShares(shares) {
            if (!allowed) _flagExit("cooldown above the balance succeeded");
            // A replaced request forfeits what it earned: the request then covers at most what is left.
            (uint256 requested, uint256 cooldownEnd, uint256 windowEnd) = vault.cooldownOf(actor);
            if (requested > shares || requested > vault.balanceOf(actor)) _flagExit("request above what was asked or held");
            requests[t][actor] = Request(requested, cooldownEnd, windowEnd);
        } catch {}
        // The forfeit of a replaced request is burned, which lifts every other share.
        _checkSharePrices(before, Move.Up, "cooldownShares");
    }

    function cancelCooldown(uint256 actorSeed, uint256 trancheSeed) external {
        calls["cancelCooldown"]++;
        address actor = _underwriter(actorSeed);
        uint8 t = _tranche(trancheSeed);
        uint256[3] memory before = _sharePrices();
        uint256 valueBefore = tranches[t].previewRedeem(tranches[t].balanceOf(actor));
        uint256 forfeit = tranches[t].forfeitableOf(actor);
        vm.prank(actor);
        try tranches[t].cancelCooldown() {
            delete requests[t][actor];
            uint256 valueAfter = tranches[t].previewRedeem(tranches[t].balanceOf(actor));
            if (valueAfter > valueBefore) _flagExit("cancelling a request paid the holder");
            if (valueBefore - valueAfter > forfeit + _roundingTolerance(t, tranches[t].sharePrice()) * 4) {
                _flagExit("cancelling took more than forfeitableOf");
            }
        } catch {}
        _checkSharePrices(before, Move.Up, "cancelCooldown");
    }

    function withdraw(uint256 actorSeed, uint256 trancheSeed, uint256 assets) external {
        calls["withdraw"]++;
        (address actor, uint8 t) = _pickExiter(actorSeed, trancheSeed);
        TrancheVault vault = tranches[t];
        uint256 balance = vault.balanceOf(actor);
        // Half the time within the request (maxWithdraw as the handler computes it), otherwise up to the balance.
        uint256 requested = vault.maxWithdraw(actor);
        assets = assets % 2 == 0 && requested > 0
            ? _bound(assets, 1, requested)
            : _bound(assets, 1, vault.convertToAssets(balance) + 2);
        // Exits pay the lower of the value at request and now: the vault's own preview for this owner gives the shares.
        uint256 shares = vault.previewWithdrawFor(actor, assets);
        bool allowed = _mayExit(t, actor, shares, balance);
        Move move = allowed && vault.convertToAssets(shares) > assets ? Move.Up : Move.Flat;
        uint256[3] memory before = _sharePrices();
        uint256 cap = vault.requestValueOf(actor);

        uint256 cash = usd.balanceOf(actor);

        vm.prank(actor);
        try vault.withdraw(assets, actor, actor) returns (uint256 burned) {
            if (usd.balanceOf(actor) - cash > cap) _flagExit("withdraw paid above the request's loss-scaled value");
            if (!allowed) _flagExit("withdraw outside the window or above the request succeeded");
            calls["withdraw.ok"]++;
            ghostWithdrawn[t] += usd.balanceOf(actor) - cash; // what actually left, checked against the books
            _consumeRequest(t, actor, burned);
        } catch {
            if (allowed) _flagBlocked("withdraw within the window and request failed");
        }
        _checkSharePrices(before, move, "withdraw");
    }

    function redeem(uint256 actorSeed, uint256 trancheSeed, uint256 shares) external {
        calls["redeem"]++;
        (address actor, uint8 t) = _pickExiter(actorSeed, trancheSeed);
        TrancheVault vault = tranches[t];
        uint256 balance = vault.balanceOf(actor);
        Request memory r = requests[t][actor];
        // Half the time exactly the request (the common case), otherwise anything up to the balance.
        shares = shares % 2 == 0 && r.shares > 0 ? _min(r.shares, balance) : _bound(shares, 1, balance + 1);
        if (shares == 0) shares = 1;
        bool allowed = _mayExit(t, actor, shares, balance);
        (, uint256 withheld) = vault.previewRedeemFor(actor, shares);
        uint256[3] memory before = _sharePrices();
        uint256 cap = vault.requestValueOf(actor);

        uint256 cash = usd.balanceOf(actor);

        vm.prank(actor);
        try vault.redeem(shares, actor, actor) returns (uint256) {
            if (usd.balanceOf(actor) - cash > cap) _flagExit("redeem paid above the request's loss-scaled value");
            if (!allowed) _flagExit("redeem outside the window or above the request succeeded");
            calls["redeem.ok"]++;
            ghostWithdrawn[t] += usd.balanceOf(actor) - cash;
            _consumeRequest(t, actor, shares);
        } catch {
            if (allowed) _flagBlocked("redeem within the window and request failed");
        }
        // What an exit withholds (its value now above its value at request) stays with the remaining holders.
        _checkSharePrices(before, withheld > 0 ? Move.Up : Move.Flat, "redeem");
    }

    function transferShares(uint256 fromSeed, uint256 toSeed, uint256 trancheSeed, uint256 amount) external {
        calls["transferShares"]++;
        (address from, uint8 t) = _pickLocked(fromSeed, trancheSeed);
        address to = _underwriter(toSeed);
        if (to == from) to = underwriters[(fromSeed % underwriters.length + 1) % underwriters.length];
        TrancheVault vault = tranches[t];
        (uint256 balance, Move move) = _movableBalance(vault, from);
        Request memory r = requests[t][from];
        uint256 locked = block.timestamp < r.windowEnd ? r.shares : 0;
        uint256 free = balance > locked ? balance - locked : 0;
        // Often right at the edge: all the free shares, or one share more; otherwise anything up to the balance.
        if (amount % 4 == 0 && free > 0) amount = free;
        else if (amount % 4 == 1 && free < balance) amount = free + 1;
        else amount = _bound(amount, 1, balance + 1);
        bool allowed = amount + locked <= balance;
        uint256[3] memory before = _sharePrices();

        vm.prank(from);
        try vault.transfer(to, amount) {
            if (!allowed) _flagExit("transfer of shares locked in cooldown succeeded");
        } catch {
            if (!allowed) calls["transfer.lockedRejected"]++;
            if (allowed) _flagBlocked("transfer of free shares failed");
        }
        _checkSharePrices(before, move, "transfer");
    }

    /// @dev The owner's balance as a transfer sees it, and how a transfer moves share prices. Moving the shares of a
    /// lapsed request closes it first, burning what it forfeits (prices rise): only what is left can move. The
    /// close is tried and rolled back, so nothing is kept.
    function _movableBalance(TrancheVault vault, address owner) internal returns (uint256 balance, Move move) {
        (,, uint256 windowEnd) = vault.cooldownOf(owner);
        if (windowEnd == 0 || block.timestamp < windowEnd) return (vault.balanceOf(owner), Move.Flat);
        uint256 state = vm.snapshotState();
        vm.prank(owner);
        vault.cancelCooldown();
        balance = vault.balanceOf(owner);
        vm.revertToState(state);
        return (balance, Move.Up);
    }

    /// @notice Jumps into a live request's unstake window, or to its edges: the last second of the cooldown, or the
    /// first second after the window.
    function warpToWindow(uint256 actorSeed, uint256 trancheSeed, uint256 offset) external {
        calls["warpToWindow"]++;
        Request memory r = _pendingRequest(actorSeed, trancheSeed);
        if (r.windowEnd <= block.timestamp) return;
        uint256 target;
        if (offset % 6 == 0) target = r.cooldownEnd - 1;
        else if (offset % 6 == 1) target = r.windowEnd;
        else target = r.cooldownEnd + _bound(offset, 0, r.windowEnd - r.cooldownEnd - 1);
        _warpTo(target);
    }

    function donate(uint256 trancheSeed, uint256 amount) external {
        calls["donate"]++;
        uint8 t = _tranche(trancheSeed);
        amount = _bound(amount, 1, 100_000e6);
        uint256[3] memory before = _sharePrices();
        vm.prank(donor);
        usd.transfer(address(tranches[t]), amount);
        ghostDonated[t] += amount;
        _checkSharePrices(before, Move.Flat, "donation");
    }

    /// @notice Governance restarts a wiped tranche (the timelock's call, as a passed proposal would make it).
    function startNewEpoch(uint256 trancheSeed) external {
        calls["startNewEpoch"]++;
        uint8 t = _tranche(trancheSeed);
        TrancheVault vault = tranches[t];
        if (!vault.wiped()) return;
        uint256 books = vault.accountedAssets();
        bool holders = vault.totalSupply() > 0;
        vm.prank(address(timelock));
        module.startNewEpoch(t);
        calls["newEpoch"]++;
        if (holders) ghostSettled[t] += books;
        for (uint256 i; i < underwriters.length; ++i) {
            delete requests[t][underwriters[i]]; // requests of an ended epoch are void
        }
        if (vault.totalSupply() != 0 || vault.epoch() == 0) _flagDeposit("a new epoch did not restart the shares");
    }

    /// @notice maxDeposit and maxMint must answer in every state (EIP-4626: MUST NOT revert), and 0 while refused.
    function probeMaxes(uint256 actorSeed) external {
        calls["probeMaxes"]++;
        address actor = _underwriter(actorSeed);
        for (uint256 i; i < 3; ++i) {
            TrancheVault vault = tranches[i];
            try vault.maxDeposit(actor) returns (uint256 assets) {
                if (assets > 0 && (vault.wiped() || module.depositsPaused())) _flagDeposit("maxDeposit > 0 while refused");
            } catch {
                _flagMax("maxDeposit reverted");
            }
            try vault.maxMint(actor) returns (uint256 shares) {
                if (shares > 0 && (vault.wiped() || module.depositsPaused())) _flagDeposit("maxMint > 0 while refused");
            } catch {
                _flagMax("maxMint reverted");
            }
        }
    }

    // ================================================================ premiums

    function payPremium(uint256 actorSeed, uint256 amount) external {
        calls["payPremium"]++;
        address actor = _underwriter(actorSeed);
        amount = _bound(amount, 1, 50_000e6);
        (uint256[3] memory balances, uint256[3] memory before) = _snapshotTranches();
        vm.prank(actor);
        try module.payPremium(amount) {} catch {}
        _bookPremiums(balances);
        _checkSharePrices(before, Move.Flat, "payPremium");
    }

    // ================================================================ traders

    function openPosition(uint256 traderSeed, uint256 marketSeed, bool isLong, uint256 notional, uint256 extraMargin)
        external
    {
        calls["openPosition"]++;
        address trader = traders[traderSeed % traders.length];
        uint256 m = marketSeed % 3;
        _refreshIfStale(m);
        if (clearinghouse.positionOf(trader, m).size != 0) return;
        notional = _bound(notional, 1_000e6, 3_000_000e6);
        (uint256 price,) = clearinghouse.oraclePrice(m);
        uint256 size = notional * 1e30 / price;
        if (size == 0) return;
        uint256 margin = clearinghouse.initialMargin(m, notional) + 1e6; // grows with size above N*
        margin += margin * _bound(extraMargin, 0, 100) / 100;

        (uint256[3] memory balances, uint256[3] memory before) = _snapshotTranches();
        vm.prank(trader);
        try clearinghouse.openPosition(m, isLong, size, margin) {} catch {}
        _bookPremiums(balances);
        _checkSharePrices(before, Move.Flat, "openPosition");
    }

    function closePosition(uint256 traderSeed, uint256 marketSeed) external {
        calls["closePosition"]++;
        address trader = traders[traderSeed % traders.length];
        uint256 m = marketSeed % 3;
        _refreshIfStale(m);
        if (clearinghouse.positionOf(trader, m).size == 0) return;
        (uint256[3] memory balances, uint256[3] memory before) = _snapshotTranches();
        vm.prank(trader);
        try clearinghouse.closePosition(m) {} catch {}
        _bookPremiums(balances);
        _checkSharePrices(before, Move.Flat, "closePosition");
    }

    /// @notice A bounded random walk: ±10% per step.
    function movePrice(uint256 marketSeed, uint256 bps) external {
        calls["movePrice"]++;
        _movePrice(marketSeed % 3, int256(_bound(bps, 0, 2_000)) - 1_000);
    }

    /// @notice A gap: −20% to −50%, or +24% to +60% when it hurts the shorts.
    function crash(uint256 marketSeed, uint256 bps) external {
        calls["crash"]++;
        int256 move = int256(_bound(bps, 2_000, 5_000));
        // Aimed at a market with open interest, against its heavier side (one time in four, at random).
        uint256 m = marketSeed % 3;
        bool down = bps % 2 == 0;
        if (bps % 4 != 0) {
            for (uint256 k; k < 3; ++k) {
                (,,, uint256 longOI, uint256 shortOI) = clearinghouse.market((marketSeed % 3 + k) % 3);
                if (longOI + shortOI > 0) {
                    m = (marketSeed % 3 + k) % 3;
                    down = longOI >= shortOI;
                    break;
                }
            }
        }
        _movePrice(m, down ? -move : move * 6 / 5);
    }

    /// @notice Liquidates the first liquidatable position found from the seed, checking the waterfall it triggers.
    function liquidate(uint256 seed) external {
        calls["liquidate"]++;
        for (uint256 k; k < 9; ++k) {
            uint256 idx = (seed % 9 + k) % 9;
            address trader = traders[idx % 3];
            uint256 m = idx / 3;
            if (clearinghouse.positionOf(trader, m).size == 0) continue;
            _refreshIfStale(m);
            (int256 equity, uint256 maintenance) = clearinghouse.accountHealth(trader, m);
            if (equity >= int256(maintenance)) continue;
            _liquidate(trader, m);
            return;
        }
    }

    function _liquidate(address trader, uint256 m) internal {
        calls["liquidation"]++;
        (uint256[3] memory balances, uint256[3] memory before) = _snapshotTranches();
        uint256[3] memory capital;
        for (uint256 i; i < 3; ++i) {
            capital[i] = tranches[i].totalAssets();
        }
        uint256 deficitBefore = module.totalDeficit();
        (int256 markEquity,) = clearinghouse.accountHealth(trader, m);

        vm.recordLogs();
        vm.prank(underwriters[0]);
        try clearinghouse.liquidate(trader, m) returns (uint256 shortfall) {
            Vm.Log[] memory logs = vm.getRecordedLogs();
            ghostShortfall += shortfall;
            if (shortfall != (markEquity < 0 ? uint256(-markEquity) : 0)) shortfallBeyondMarkEquity = true;
            _checkWaterfall(shortfall, balances, capital, logs, module.totalDeficit() - deficitBefore);
        } catch {
            vm.getRecordedLogs();
        }
        _checkSharePrices(before, Move.Down, "liquidate");
    }

    function _checkWaterfall(
        uint256 shortfall,
        uint256[3] memory balancesBefore,
        uint256[3] memory capitalBefore,
        Vm.Log[] memory logs,
        uint256 deficit
    ) internal {
        uint256[3] memory paid;
        uint256[3] memory fromEvents;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(module) || logs[i].topics[0] != LOSS_EVENT) continue;
            (uint256 amount, uint256 priceBefore, uint256 priceAfter) =
                abi.decode(logs[i].data, (uint256, uint256, uint256));
            fromEvents[uint256(logs[i].topics[2])] += amount;
            if (priceAfter > priceBefore) _flagWaterfall("a loss raised a share price");
        }
        uint256 remaining = shortfall;
        for (uint256 i; i < 3; ++i) {
            paid[i] = balancesBefore[i] - usd.balanceOf(address(tranches[i]));
            ghostLossPaid[i] += paid[i];
            uint256 expected = _min(remaining, capitalBefore[i]);
            remaining -= expected;
            if (paid[i] != expected) _flagWaterfall("a tranche paid other than its waterfall share");
            if (paid[i] != fromEvents[i]) _flagWaterfall("TrancheLossAbsorbed disagrees with the transfer");
            // Right after the loss: a tranche that paid had every more junior tranche emptied first.
            if (paid[i] > 0) {
                for (uint256 j; j < i; ++j) {
                    if (tranches[j].totalAssets() != 0) {
                        _flagWaterfall("a senior tranche paid while a junior had assets");
                    }
                }
            }
        }
        if (deficit != remaining) _flagWaterfall("the deficit is not the uncovered remainder");
        if (shortfall > 0) ghostLossEvents++;
        if (paid[1] > 0) calls["loss.reachedMezzanine"]++;
        if (paid[2] > 0) calls["loss.reachedSenior"]++;
        if (deficit > 0) calls["loss.deficit"]++;
    }

    // ================================================================ time

    function warp(uint256 secondsSeed) external {
        calls["warp"]++;
        _warpTo(block.timestamp + _bound(secondsSeed, 1 minutes, 2 days));
    }

    // ================================================================ governance attackers

    /// @notice Someone other than the timelock tries to change a parameter or take control; success is a violation.
    function tryParameterChange(uint256 callerSeed, uint256 which, uint256 value) external {
        calls["tryParameterChange"]++;
        address caller;
        uint256 c = callerSeed % 7;
        if (c < 4) caller = underwriters[c];
        else if (c == 4) caller = deployer;
        else if (c == 5) caller = guardian;
        else caller = address(governor);

        // The governor legitimately proposes to the timelock (13); every other call is forbidden to every caller here.
        which %= 16;
        if (caller == address(governor) && which == 13) which = 14;
        (address target, bytes memory data) = _forbiddenCall(which, value);
        vm.prank(caller);
        (bool ok,) = target.call(data);
        if (ok) {
            unauthorizedChangeSucceeded = true;
            if (bytes(firstViolation).length == 0) firstViolation = "a parameter changed without the timelock";
        }
    }

    /// @notice The guardian's legitimate power: pausing deposits (one time in four) or resuming them.
    function guardianPause(uint256 seed) external {
        calls["guardianPause"]++;
        vm.prank(guardian);
        module.setDepositsPaused(seed % 4 == 0);
    }

    function _forbiddenCall(uint256 which, uint256 value) internal view returns (address, bytes memory) {
        uint8 t = uint8(value % 3);
        if (which == 0) return (address(module), abi.encodeCall(module.setDepositCap, (t, value)));
        if (which == 1) return (address(module), abi.encodeCall(module.setCooldown, (t, 0)));
        if (which == 2) return (address(module), abi.encodeCall(module.setUnstakeWindow, (t, 30 days)));
        if (which == 3) return (address(module), abi.encodeCall(module.setRiskMultiplier, (t, 10e18)));
        if (which == 4) return (address(module), abi.encodeCall(module.setPremiumVestingPeriod, (0)));
        if (which == 5) return (address(module), abi.encodeCall(module.setStressLossRate, (value % 3, 0)));
        if (which == 6) return (address(module), abi.encodeCall(module.setSolvencyThreshold, (0.5e18)));
        if (which == 7) return (address(module), abi.encodeCall(module.setGuardian, (address(this))));
        if (which == 8) return (address(module), abi.encodeCall(module.transferOwnership, (address(this))));
        if (which == 9) {
            (,, IClearinghouse.MarketParams memory p,,) = clearinghouse.market(value % 3);
            p.maintenanceMarginRate = 0.005e18;
            p.liquidationFeeRate = 0;
            return (address(clearinghouse), abi.encodeCall(clearinghouse.setMarketParams, (value % 3, p)));
        }
        if (which == 10) return (address(clearinghouse), abi.encodeCall(clearinghouse.setMaxPriceAge, (7 days)));
        if (which == 11) {
            return (address(clearinghouse), abi.encodeCall(clearinghouse.transferOwnership, (address(this))));
        }
        if (which == 12) {
            return (address(module), abi.encodeCall(module.cover, (0, 1e6)));
        }
        if (which == 13) {
            bytes memory inner = abi.encodeCall(module.setCooldown, (t, 0));
            return (
                address(timelock),
                abi.encodeCall(
                    TimelockController.schedule, (address(module), 0, inner, bytes32(0), bytes32(value), 2 days)
                )
            );
        }
        if (which == 14) {
            return (address(timelock), abi.encodeCall(timelock.grantRole, (timelock.PROPOSER_ROLE(), address(this))));
        }
        return (address(tranches[t]), abi.encodeCall(TrancheVault.absorbLoss, (1, address(this))));
    }

    // ================================================================ internals

    function _mayExit(uint8 t, address actor, uint256 shares, uint256 balance) internal view returns (bool) {
        Request memory r = requests[t][actor];
        bool inWindow = r.cooldownEnd <= block.timestamp && block.timestamp < r.windowEnd;
        return inWindow && shares <= r.shares && shares <= balance;
    }

    function _consumeRequest(uint8 t, address actor, uint256 shares) internal {
        Request storage r = requests[t][actor];
        r.shares = shares > r.shares ? 0 : r.shares - shares;
    }

    function _movePrice(uint256 m, int256 bps) internal {
        (, int256 price,,,) = oracles[m].latestRoundData();
        int256 next = price * (10_000 + bps) / 10_000;
        int256 lo = initialPrices[m] / 20;
        int256 hi = initialPrices[m] * 20;
        if (next < lo) next = lo;
        if (next > hi) next = hi;
        uint256[3] memory before = _sharePrices();
        vm.prank(keeper);
        oracles[m].updateAnswer(next);
        _checkSharePrices(before, Move.Flat, "oracle update");
    }

    function _refreshIfStale(uint256 m) internal {
        (, int256 price,, uint256 updatedAt,) = oracles[m].latestRoundData();
        if (block.timestamp + 1 > updatedAt + clearinghouse.maxPriceAge()) {
            vm.prank(keeper);
            oracles[m].updateAnswer(price);
        }
    }

    function _warpTo(uint256 target) internal {
        if (target <= block.timestamp) return;
        uint256[3] memory before = _sharePrices();
        vm.roll(block.number + (target - block.timestamp) / 12 + 1);
        vm.warp(target);
        _checkSharePrices(before, Move.Up, "time");
    }

    function _snapshotTranches() internal view returns (uint256[3] memory balances, uint256[3] memory prices) {
        for (uint256 i; i < 3; ++i) {
            balances[i] = usd.balanceOf(address(tranches[i]));
            prices[i] = tranches[i].sharePrice();
        }
    }

    /// @dev Premium a tranche received in this action is exactly what its token balance grew by.
    function _bookPremiums(uint256[3] memory balancesBefore) internal {
        for (uint256 i; i < 3; ++i) {
            uint256 balance = usd.balanceOf(address(tranches[i]));
            if (balance < balancesBefore[i]) _flagPrice("a premium payment took assets from a tranche");
            else ghostPremiumReceived[i] += balance - balancesBefore[i];
        }
    }

    function _sharePrices() internal view returns (uint256[3] memory prices) {
        for (uint256 i; i < 3; ++i) {
            prices[i] = tranches[i].sharePrice();
        }
    }

    /// @dev `Flat`: may rise only by rounding in the remaining holders' favour; `Up`: may not fall; `Down`: may not
    /// rise beyond rounding. Rounding is at most ~2 asset wei and one share's worth spread over the supply.
    function _checkSharePrices(uint256[3] memory before, Move move, string memory action) internal {
        for (uint256 i; i < 3; ++i) {
            uint256 afterPrice = tranches[i].sharePrice();
            if (afterPrice < before[i] && move != Move.Down) {
                _flagPrice(string.concat(action, ": share price fell outside cover()"));
            }
            if (afterPrice > before[i] + _roundingTolerance(i, before[i]) && move != Move.Up) {
                _flagPrice(string.concat(action, ": share price rose outside vesting"));
            }
        }
    }

    function _roundingTolerance(uint256 i, uint256 price) internal view returns (uint256) {
        return (2 * SHARE_UNIT + price) / (tranches[i].totalSupply() + 1e6) + 2;
    }

    function _flagWaterfall(string memory why) internal {
        waterfallBroken = true;
        _note(why);
    }

    function _flagExit(string memory why) internal {
        exitRuleBroken = true;
        _note(why);
    }

    function _flagBlocked(string memory why) internal {
        legitimateExitBlocked = true;
        _note(why);
    }

    function _flagPrice(string memory why) internal {
        sharePriceMovedIllegally = true;
        _note(why);
    }

    function _flagMax(string memory why) internal {
        maxFunctionReverted = true;
        _note(why);
    }

    function _flagDeposit(string memory why) internal {
        depositLimitBroken = true;
        _note(why);
    }

    function _note(string memory why) internal {
        if (bytes(firstViolation).length == 0) firstViolation = why;
    }

    // ---------------------------------------------------------------- picking actors
    // Mostly the seed's own (actor, tranche); two times in three the first pair, from the seed on, for which the
    // action can do something — so that sequences reach exits instead of wandering among empty accounts.

    function _pickHolder(uint256 actorSeed, uint256 trancheSeed) internal view returns (address, uint8) {
        if (trancheSeed % 3 != 0) {
            for (uint256 k; k < 12; ++k) {
                (address a, uint8 t) = _pair(actorSeed % 12 + k);
                if (tranches[t].balanceOf(a) > 0) return (a, t);
            }
        }
        return (_underwriter(actorSeed), _tranche(trancheSeed));
    }

    /// @dev Seed ≡ 1 (mod 3): someone inside their window; ≡ 2: anyone holding a request, lapsed or early; else anyone.
    function _pickExiter(uint256 actorSeed, uint256 trancheSeed) internal view returns (address, uint8) {
        uint256 mode = trancheSeed % 3;
        if (mode != 0) {
            for (uint256 k; k < 12; ++k) {
                (address a, uint8 t) = _pair(actorSeed % 12 + k);
                Request memory r = requests[t][a];
                if (r.shares == 0) continue;
                if (mode == 2 || (r.cooldownEnd <= block.timestamp && block.timestamp < r.windowEnd)) return (a, t);
            }
        }
        return (_underwriter(actorSeed), _tranche(trancheSeed));
    }

    /// @dev Two times in three the first account, from the seed on, whose request still locks shares.
    function _pickLocked(uint256 actorSeed, uint256 trancheSeed) internal view returns (address, uint8) {
        if (trancheSeed % 3 != 0) {
            for (uint256 k; k < 12; ++k) {
                (address a, uint8 t) = _pair(actorSeed % 12 + k);
                Request memory r = requests[t][a];
                if (r.shares > 0 && block.timestamp < r.windowEnd) return (a, t);
            }
        }
        return (_underwriter(actorSeed), _tranche(trancheSeed));
    }

    function _pendingRequest(uint256 actorSeed, uint256 trancheSeed) internal view returns (Request memory) {
        for (uint256 k; k < 12; ++k) {
            (address a, uint8 t) = _pair(actorSeed % 12 + trancheSeed % 12 + k);
            Request memory r = requests[t][a];
            if (r.windowEnd > block.timestamp) return r;
        }
        return Request(0, 0, 0);
    }

    function _pair(uint256 seed) internal view returns (address, uint8) {
        seed %= 12;
        return (underwriters[seed % 4], uint8(seed / 4));
    }

    function _underwriter(uint256 seed) internal view returns (address) {
        return underwriters[seed % underwriters.length];
    }

    function _tranche(uint256 seed) internal pure returns (uint8) {
        return uint8(seed % 3);
    }

    function _max(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a : b;
    }

    function _min(uint256 a, uint256 b) internal pure returns (uint256) {
        return a < b ? a : b;
    }

    function underwriterCount() external view returns (uint256) {
        return underwriters.length;
    }
}
