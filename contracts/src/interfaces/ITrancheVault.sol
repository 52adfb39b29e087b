// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {IBackstopModule} from "./IBackstopModule.sol";

/// @title ITrancheVault
/// @notice One tranche of the backstop: an ERC-4626 vault whose assets absorb losses in waterfall order and earn
/// premiums that vest linearly. Exits go through a cooldown and an unstake window and pay the lower of the shares'
/// value at request (less the losses since) and at exit; closing a request any other way forfeits what its shares
/// earned. A loss that takes the share price under `minSharePrice()` wipes the tranche until governance starts a new
/// share epoch. Where it departs from ERC-4626 (owner-aware `maxWithdraw`/`maxRedeem`, per-epoch balances), the
/// implementation documents it.
interface ITrancheVault is IERC4626 {
    // ---------------------------------------------------------------- constants and wiring

    /// @notice The share-price floor is the initial price divided by this (100): a tranche worth less than 1% of its
    /// initial price per share is treated as wiped.
    function SHARE_PRICE_FLOOR_DIVISOR() external view returns (uint256);

    /// @notice The backstop module that pays premiums in and draws losses out.
    function module() external view returns (IBackstopModule);

    /// @notice This vault's place in the waterfall: 0 Junior, 1 Mezzanine, 2 Senior.
    function trancheId() external view returns (uint8);

    // ---------------------------------------------------------------- module hooks

    /// @notice Books `amount` of premium already transferred here. It joins whatever is still vesting, and the sum
    /// vests linearly until the amount-weighted end of the two schedules, so a small payment barely moves the end.
    /// Module only.
    /// @param amount The premium, in asset units; not zero.
    function addPremium(uint256 amount) external;

    /// @notice Pays `amount` of this tranche's assets to `recipient` to cover a loss; a loss that leaves the share
    /// price under the floor marks the tranche wiped. Module only.
    /// @param amount The loss to pay, at most `totalAssets()`.
    /// @param recipient Who receives it (the clearinghouse).
    function absorbLoss(uint256 amount, address recipient) external;

    /// @notice Pays as much of `amount` as the tranche can now: at most `totalAssets()`, from idle assets and what
    /// its strategy lets it redeem in this transaction. Never reverts for a strategy's sake, so a cover goes on
    /// to the next tranche with whatever this one could not pay. Module only.
    /// @param amount The loss to pay.
    /// @param recipient Who receives it (the clearinghouse).
    /// @return paid What was paid.
    function absorbLossUpTo(uint256 amount, address recipient) external returns (uint256 paid);

    /// @notice Sets the ERC-4626 vault (same asset) that holds the assets above the buffer, and the buffer share.
    /// A different strategy empties the old one first: every share it lets go of is redeemed and what it keeps is
    /// written off as a loss. Nothing moves into the new one until `rebalance`. Module only (governance).
    /// @param newStrategy The strategy; the zero address for none.
    /// @param newBufferShare The share of the tranche's assets to keep idle, wad.
    /// @return gain Yield the old strategy's emptying booked.
    /// @return loss The loss it booked.
    function setStrategy(IERC4626 newStrategy, uint256 newBufferShare) external returns (uint256 gain, uint256 loss);

    /// @notice Reconciles the strategy and moves assets to the buffer target: the strategy's value now against the
    /// recorded one is yield (vesting like premium) or a loss (booked like a cover); then idle assets above the
    /// buffer go into the strategy, or the strategy refills the buffer, as far as its limits allow. A wiped tranche
    /// empties its strategy. Module only (anyone may call the module's `rebalance`).
    /// @return gain The yield booked.
    /// @return loss The loss booked.
    function rebalance() external returns (uint256 gain, uint256 loss);

    /// @notice Restarts a wiped tranche (called by the module for governance). Everything on the books, the vested
    /// remainder and the premium still vesting alike, is settled pro rata on the shares outstanding, which become
    /// claims on it; the new epoch starts with no shares, no assets and deposits open.
    /// @return newEpoch The epoch that starts.
    function startNewEpoch() external returns (uint32 newEpoch);

    /// @notice Copies the module's deposit pause flag and this tranche's deposit cap, which every deposit checks, into
    /// the vault's own storage (a cap above `type(uint128).max` is kept as that). The module calls it whenever either
    /// changes. Module only.
    function syncDepositLimits(bool paused, uint256 cap) external;

    // ---------------------------------------------------------------- deposits, exits and settlements

    /// @notice Deposits `assets` for `receiver` in one transaction, authorised by the caller's EIP-2612 permit
    /// (owner = caller, spender = this vault, value = `assets`) instead of a prior approve.
    /// @dev The permit is attempted, not required: anyone who sees the signature in the mempool can submit it
    /// first, and a strict call would then revert and grief the deposit. If the permit fails, the deposit still
    /// runs on whatever allowance exists and reverts with the token's own error when that is not enough.
    /// @param assets The assets to deposit, in asset units.
    /// @param receiver Who receives the shares.
    /// @param deadline The permit's deadline.
    /// @param v The permit signature's `v`.
    /// @param r The permit signature's `r`.
    /// @param s The permit signature's `s`.
    /// @return shares The shares minted to `receiver`.
    function depositWithPermit(uint256 assets, address receiver, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        returns (uint256 shares);

    /// @notice Starts (or replaces) the caller's exit request for `shares` and records their value now: the exit
    /// pays the lower of that value, less the losses since (`requestValueOf`), and the value at exit. After the
    /// tranche's cooldown they may be withdrawn during the unstake window; until then they still absorb losses and
    /// cannot be transferred. A request it replaces is closed first and forfeits what it earned (`forfeitableOf`);
    /// `shares` may then exceed what is left by the forfeit, and the request covers what is left.
    /// @param shares The shares to request; not zero and at most the caller's balance.
    function cooldownShares(uint256 shares) external;

    /// @notice Drops the caller's exit request, unlocking the shares for transfer; it forfeits what the requested
    /// shares earned since the request (`forfeitableOf`).
    function cancelCooldown() external;

    /// @notice Pays `account` its share of the settlement of the epoch its shares were booked in. Anyone may call it;
    /// the assets go to `account`. It also happens by itself the next time the account's shares move.
    /// @param account The holder of shares from an ended epoch; `NoSettlement` otherwise.
    /// @return assets What was paid.
    function claimSettlement(address account) external returns (uint256 assets);

    // ---------------------------------------------------------------- views

    /// @notice Assets on this vault's books, vested or not, in asset units. Tracked rather than read from balanceOf
    /// so that a donation cannot move the share price.
    function accountedAssets() external view returns (uint256);

    /// @notice The ERC-4626 vault holding the assets above the buffer; the zero address when there is none.
    function strategy() external view returns (IERC4626);

    /// @notice The share of the tranche's assets kept idle for covers and exits, wad.
    function bufferShare() external view returns (uint64);

    /// @notice The strategy's value as last recorded (by `rebalance` or a redemption), in asset units; part of
    /// `accountedAssets`.
    function strategyAssets() external view returns (uint256);

    /// @notice The strategy's value of the tranche's shares now (`convertToAssets`), in asset units; the recorded
    /// value when the strategy reverts. The difference from `strategyAssets` is booked at the next `rebalance`.
    function liveStrategyAssets() external view returns (uint256);

    /// @notice Assets on the books not in the strategy: `accountedAssets() - strategyAssets()`, in asset units.
    function idleAssets() external view returns (uint256);

    /// @notice What a cover could take from this tranche now: `totalAssets()`, less what the strategy would not let
    /// go of in this transaction (its `maxWithdraw`).
    function absorbableAssets() external view returns (uint256);

    /// @notice All yield the strategies have paid this vault, in asset units.
    function totalYieldReceived() external view returns (uint128);

    /// @notice Premium in the current vesting schedule when it was last restarted, in asset units.
    function vestingAmount() external view returns (uint256);

    /// @notice When the current vesting schedule started (unix seconds).
    function vestingStart() external view returns (uint64);

    /// @notice When the current vesting schedule ends (unix seconds).
    function vestingEnd() external view returns (uint64);

    /// @notice All losses this vault has paid, in asset units.
    function totalLossAbsorbed() external view returns (uint160);

    /// @notice The product, over this epoch's losses, of the share price after each loss over the price before, in
    /// units of 1e27. Shares under an exit request are worth their value at request times the index's fall since.
    function lossIndex() external view returns (uint96);

    /// @notice All premium this vault has received, in asset units.
    function totalPremiumReceived() external view returns (uint256);

    /// @notice The current share epoch; it advances when governance restarts a wiped tranche.
    function epoch() external view returns (uint32);

    /// @notice True from the loss that took the share price under the floor until the next epoch starts.
    function wiped() external view returns (bool);

    /// @notice What an ended epoch left to its holders.
    /// @param endedEpoch The epoch.
    /// @return supply Its share supply when it ended.
    /// @return assets The assets settled on those shares.
    function settlements(uint256 endedEpoch) external view returns (uint256 supply, uint256 assets);

    /// @notice Settled assets not yet paid to the holders of ended epochs.
    function unclaimedSettlements() external view returns (uint256);

    /// @notice Premium received but not yet vested; rounds up so that totalAssets rounds against depositors.
    function unvestedPremium() external view returns (uint256);

    /// @notice Assets per 10**decimals() shares, in asset units.
    function sharePrice() external view returns (uint256);

    /// @notice The share price under which a loss wipes the tranche: 1% of the initial price (one asset per share).
    function minSharePrice() external view returns (uint256);

    /// @notice What `account` is owed from an ended epoch's settlement (0 when its shares are current).
    /// @param account The holder.
    function settlementOf(address account) external view returns (uint256);

    /// @notice The owner's exit request.
    /// @param owner The holder.
    /// @return shares The shares still requested.
    /// @return cooldownEnd When the unstake window opens (unix seconds); 0 without a request.
    /// @return windowEnd When it closes (unix seconds); 0 without a request.
    function cooldownOf(address owner) external view returns (uint256 shares, uint256 cooldownEnd, uint256 windowEnd);

    /// @notice What closing the owner's request now would take from them: the requested shares' value above their
    /// value at request less the losses since (`requestValueOf`), i.e. the premium they earned meanwhile. After the
    /// window closes only the part earned while the request lived is taken, pro rata to time (the request's life
    /// over the time since it was made), so a holder who lets a request lapse and stays is not charged for what the
    /// shares earn afterwards. 0 when a share of the tranche is held by nobody else.
    /// @param owner The holder.
    function forfeitableOf(address owner) external view returns (uint256);

    /// @notice The most the rest of the owner's request can pay: its value when requested, less what was paid out,
    /// scaled down by the tranche's losses since (`lossIndex`); the premium earned meanwhile is not part of it.
    /// @param owner The holder.
    function requestValueOf(address owner) external view returns (uint256);

    /// @notice Shares the owner may not transfer: those under a request that has not lapsed.
    /// @param owner The holder.
    function lockedShares(address owner) external view returns (uint256);

    /// @notice What redeeming `shares` under the owner's request pays now, and what it withholds for the remaining
    /// holders. `previewRedeem` is the vault-wide value.
    /// @param owner The holder whose request the shares are redeemed under.
    /// @param shares The shares to redeem.
    /// @return assets What the redemption pays.
    /// @return withheld The shares' value now above their value at request, left to the remaining holders.
    function previewRedeemFor(address owner, uint256 shares) external view returns (uint256 assets, uint256 withheld);

    /// @notice The shares that withdrawing `assets` under the owner's request burns now (`previewWithdraw` is the
    /// vault-wide figure; a request worth less than now burns more).
    /// @param owner The holder whose request the assets are withdrawn under.
    /// @param assets The assets to withdraw.
    function previewWithdrawFor(address owner, uint256 assets) external view returns (uint256 shares);
}
