// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IBackstopModule} from "./interfaces/IBackstopModule.sol";
import {ErrorsLib} from "./libraries/ErrorsLib.sol";
import {EventsLib} from "./libraries/EventsLib.sol";

/// @title TrancheVault
/// @notice One tranche of the backstop: an ERC-4626 vault whose assets absorb losses in waterfall order and earn
/// premiums that vest linearly. Exits go through a cooldown and an unstake window; `maxWithdraw`/`maxRedeem` are 0
/// outside the window. Shares in cooldown stay exposed to losses and cannot be transferred away.
contract TrancheVault is ERC4626 {
    using SafeERC20 for IERC20;
    using Math for uint256;

    struct CooldownRequest {
        uint256 shares; // full width: after a tranche is wiped, share counts can exceed uint128
        uint64 cooldownEnd;
        uint64 windowEnd;
    }

    IBackstopModule public immutable module;
    uint8 public immutable trancheId;

    /// @dev Assets on this vault's books, vested or not. Tracked rather than read from balanceOf so that a
    /// donation cannot move the share price.
    uint256 public accountedAssets;
    uint256 public vestingAmount;
    uint64 public vestingStart;
    uint64 public vestingEnd;
    uint256 public totalLossAbsorbed;
    uint256 public totalPremiumReceived;
    mapping(address owner => CooldownRequest) internal _cooldowns;

    modifier onlyModule() {
        if (msg.sender != address(module)) revert ErrorsLib.NotModule(msg.sender);
        _;
    }

    constructor(IERC20 asset_, string memory name_, string memory symbol_, IBackstopModule module_, uint8 trancheId_)
        ERC4626(asset_)
        ERC20(name_, symbol_)
    {
        if (address(module_) == address(0)) revert ErrorsLib.ZeroAddress();
        module = module_;
        trancheId = trancheId_;
    }

    // ---------------------------------------------------------------- accounting

    /// @notice Assets that back the shares now: everything on the books less premium still vesting.
    function totalAssets() public view override returns (uint256) {
        return accountedAssets - unvestedPremium();
    }

    /// @notice Premium received but not yet vested; rounds up so that totalAssets rounds against depositors.
    function unvestedPremium() public view returns (uint256) {
        uint256 end = vestingEnd;
        if (block.timestamp >= end) return 0;
        return vestingAmount.mulDiv(end - block.timestamp, end - vestingStart, Math.Rounding.Ceil);
    }

    /// @notice Assets per 10**decimals() shares, in asset units.
    function sharePrice() public view returns (uint256) {
        return convertToAssets(10 ** decimals());
    }

    /// @dev 6 extra decimals of shares: the virtual-share offset that makes the inflation attack unprofitable.
    function _decimalsOffset() internal pure override returns (uint8) {
        return 6;
    }

    // ---------------------------------------------------------------- module hooks

    /// @notice Books `amount` of premium already transferred here; it vests linearly over the module's
    /// vesting period, together with whatever was still vesting.
    function addPremium(uint256 amount) external onlyModule {
        uint256 stillVesting = unvestedPremium();
        uint64 end = uint64(block.timestamp + module.premiumVestingPeriod());
        vestingAmount = stillVesting + amount;
        vestingStart = uint64(block.timestamp);
        vestingEnd = end;
        accountedAssets += amount;
        totalPremiumReceived += amount;
        emit EventsLib.PremiumAdded(amount, stillVesting + amount, end);
    }

    /// @notice Pays `amount` of this tranche's assets to `recipient` to cover a loss.
    function absorbLoss(uint256 amount, address recipient) external onlyModule {
        uint256 available = totalAssets();
        if (amount > available) revert ErrorsLib.LossExceedsAssets(amount, available);
        accountedAssets -= amount;
        totalLossAbsorbed += amount;
        IERC20(asset()).safeTransfer(recipient, amount);
        emit EventsLib.LossAbsorbed(amount, recipient);
    }

    // ---------------------------------------------------------------- deposits

    /// @notice 0 while deposits are paused; otherwise what is left under the tranche's cap.
    function maxDeposit(address) public view override returns (uint256) {
        if (module.depositsPaused()) return 0;
        uint256 cap = module.depositCap(trancheId);
        uint256 assets = totalAssets();
        return cap > assets ? cap - assets : 0;
    }

    function maxMint(address receiver) public view override returns (uint256) {
        return _convertToShares(maxDeposit(receiver), Math.Rounding.Floor);
    }

    function deposit(uint256 assets, address receiver) public override returns (uint256) {
        if (module.depositsPaused()) revert ErrorsLib.DepositsPaused();
        if (assets == 0) revert ErrorsLib.ZeroAmount();
        return super.deposit(assets, receiver);
    }

    /// @notice Deposits `assets` for `receiver` in one transaction, authorised by the caller's EIP-2612 permit
    /// (owner = caller, spender = this vault, value = `assets`) instead of a prior approve.
    /// @dev The permit is attempted, not required: anyone who sees the signature in the mempool can submit it
    /// first, and a strict call would then revert and grief the deposit. If the permit fails, the deposit still
    /// runs on whatever allowance exists and reverts with the token's own error when that is not enough.
    /// @return shares The shares minted to `receiver`.
    function depositWithPermit(uint256 assets, address receiver, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        returns (uint256 shares)
    {
        try IERC20Permit(asset()).permit(msg.sender, address(this), assets, deadline, v, r, s) {} catch {}
        return deposit(assets, receiver);
    }

    function mint(uint256 shares, address receiver) public override returns (uint256) {
        if (module.depositsPaused()) revert ErrorsLib.DepositsPaused();
        if (shares == 0) revert ErrorsLib.ZeroAmount();
        return super.mint(shares, receiver);
    }

    function _deposit(address caller, address receiver, uint256 assets, uint256 shares) internal override {
        accountedAssets += assets;
        super._deposit(caller, receiver, assets, shares);
    }

    // ---------------------------------------------------------------- cooldown and withdrawals

    /// @notice Starts (or replaces) the caller's exit request for `shares`. After the tranche's cooldown they may be
    /// withdrawn during the unstake window; until then they still absorb losses and cannot be transferred.
    function cooldownShares(uint256 shares) external {
        if (shares == 0) revert ErrorsLib.ZeroAmount();
        uint256 balance = balanceOf(msg.sender);
        if (shares > balance) revert ErrorsLib.CooldownExceedsBalance(shares, balance);
        uint64 cooldownEnd = uint64(block.timestamp + module.cooldown(trancheId));
        uint64 windowEnd = uint64(cooldownEnd + module.unstakeWindow(trancheId));
        _cooldowns[msg.sender] = CooldownRequest(shares, cooldownEnd, windowEnd);
        emit EventsLib.CooldownRequested(msg.sender, shares, cooldownEnd, windowEnd);
    }

    /// @notice Drops the caller's exit request, unlocking the shares for transfer.
    function cancelCooldown() external {
        if (_cooldowns[msg.sender].windowEnd == 0) revert ErrorsLib.NoCooldownRequest(msg.sender);
        delete _cooldowns[msg.sender];
        emit EventsLib.CooldownCancelled(msg.sender);
    }

    function cooldownOf(address owner)
        external
        view
        returns (uint256 shares, uint256 cooldownEnd, uint256 windowEnd)
    {
        CooldownRequest memory r = _cooldowns[owner];
        return (r.shares, r.cooldownEnd, r.windowEnd);
    }

    /// @notice Shares the owner may not transfer: those under a request that has not lapsed.
    function lockedShares(address owner) public view returns (uint256) {
        CooldownRequest memory r = _cooldowns[owner];
        return block.timestamp < r.windowEnd ? r.shares : 0;
    }

    function maxRedeem(address owner) public view override returns (uint256) {
        CooldownRequest memory r = _cooldowns[owner];
        if (block.timestamp < r.cooldownEnd || block.timestamp >= r.windowEnd) return 0;
        return Math.min(r.shares, balanceOf(owner));
    }

    function maxWithdraw(address owner) public view override returns (uint256) {
        return _convertToAssets(maxRedeem(owner), Math.Rounding.Floor);
    }

    function withdraw(uint256 assets, address receiver, address owner) public override returns (uint256) {
        if (assets == 0) revert ErrorsLib.ZeroAmount();
        _requireInWindow(owner);
        return super.withdraw(assets, receiver, owner);
    }

    function redeem(uint256 shares, address receiver, address owner) public override returns (uint256) {
        if (shares == 0) revert ErrorsLib.ZeroAmount();
        _requireInWindow(owner);
        return super.redeem(shares, receiver, owner);
    }

    function _requireInWindow(address owner) internal view {
        CooldownRequest memory r = _cooldowns[owner];
        if (r.windowEnd == 0) revert ErrorsLib.NoCooldownRequest(owner);
        if (block.timestamp < r.cooldownEnd) revert ErrorsLib.CooldownNotElapsed(r.cooldownEnd);
        if (block.timestamp >= r.windowEnd) revert ErrorsLib.UnstakeWindowLapsed(r.windowEnd);
    }

    function _withdraw(address caller, address receiver, address owner, uint256 assets, uint256 shares)
        internal
        override
    {
        CooldownRequest storage r = _cooldowns[owner];
        if (shares > r.shares) revert ErrorsLib.ExceedsCooldownShares(shares, r.shares);
        r.shares -= shares;
        accountedAssets -= assets;
        super._withdraw(caller, receiver, owner, assets, shares);
    }

    /// @dev Transfers may not move shares that sit under a live exit request; otherwise the cooldown could be
    /// bypassed by sending them to a fresh address.
    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && to != address(0)) {
            uint256 locked = lockedShares(from);
            if (locked > 0) {
                uint256 balance = balanceOf(from);
                uint256 transferable = balance > locked ? balance - locked : 0;
                if (value > transferable) revert ErrorsLib.SharesLockedInCooldown(transferable, value);
            }
        }
        super._update(from, to, value);
    }
}
