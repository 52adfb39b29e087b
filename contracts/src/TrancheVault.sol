// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IBackstopModule} from "./interfaces/IBackstopModule.sol";
import {ITrancheVault} from "./interfaces/ITrancheVault.sol";
import {ErrorsLib} from "./libraries/ErrorsLib.sol";
import {EventsLib} from "./libraries/EventsLib.sol";

/// @title TrancheVault
/// @notice One tranche of the backstop: an ERC-4626 vault whose assets absorb losses in waterfall order and earn
/// premiums that vest linearly. Exits go through a cooldown and an unstake window; `maxWithdraw`/`maxRedeem` are 0
/// outside the window, and an exit pays the lower of the shares' value at request and at exit. Shares in cooldown stay
/// exposed to losses and cannot be transferred away. Whatever the requested shares earn while the request lives is not
/// theirs: an exit withholds it, and closing the request another way (cancelling, replacing it, or moving the shares
/// after it lapsed) forfeits it, so that an exit always within reach costs the premium the capital would have earned. A loss that takes the share price under `minSharePrice()` wipes
/// the tranche: deposits stop until governance starts a new share epoch, which settles everything left on the books to
/// the pre-wipe holders and starts the share count again from zero.
contract TrancheVault is ERC4626, ITrancheVault {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using Math for uint256;

    /// @dev Share counts fit 128 bits: deposits are refused below the share-price floor, which bounds the supply at
    /// about 10^8 shares per asset unit of capital, and a new epoch restarts it from zero.
    struct CooldownRequest {
        uint128 shares;
        uint128 assetsAtRequest; // the requested shares' value when requested
        uint40 cooldownEnd;
        uint40 windowEnd;
        uint32 epoch;
        uint40 requestedAt;
        uint96 lossIndexAtRequest; // `lossIndex` when requested: losses since then scale the request's value down
    }

    /// @dev A balance is worth something only in the epoch it was booked in; an older one is a claim on that
    /// epoch's settlement, paid the next time the account is touched (or by `claimSettlement`).
    struct Holding {
        uint128 shares;
        uint32 epoch;
    }

    struct Settlement {
        uint256 supply;
        uint256 assets;
    }

    /// @dev 10 ** `_decimalsOffset()`.
    uint256 internal constant VIRTUAL_SHARES = 1e6;
    /// @dev Base of `lossIndex`.
    uint256 internal constant LOSS_INDEX_ONE = 1e27;

    /// @inheritdoc ITrancheVault
    uint256 public constant SHARE_PRICE_FLOOR_DIVISOR = 100;

    /// @inheritdoc ITrancheVault
    IBackstopModule public immutable module;
    /// @inheritdoc ITrancheVault
    uint8 public immutable trancheId;

    // Storage is laid out for the deposit, which reads two vault slots besides the receiver's holding: the books
    // (assets on the books, vesting end, epoch, the wiped and paused flags) and the supply with the deposit cap.
    // Asset amounts fit 128 bits (SafeCast reverts beyond); the pause flag and cap mirror the module's
    // (`syncDepositLimits`), so a deposit makes no call to it.
    uint128 internal _accountedAssets;
    /// @inheritdoc ITrancheVault
    uint64 public vestingEnd;
    /// @inheritdoc ITrancheVault
    uint32 public epoch;
    /// @inheritdoc ITrancheVault
    bool public wiped;
    bool internal _depositsPaused;
    /// @dev `strategy != address(0)`, kept in the books slot so that an exit learns there is none without reading
    /// another slot (a deposit never looks at it: deposits stay idle until the next `rebalance`).
    bool internal _hasStrategy;
    uint192 internal _vestingAmount;
    /// @inheritdoc ITrancheVault
    uint64 public vestingStart;
    /// @inheritdoc ITrancheVault
    uint160 public totalLossAbsorbed;
    /// @inheritdoc ITrancheVault
    /// @dev Packed with `totalLossAbsorbed`, which every loss writes anyway.
    uint96 public lossIndex = uint96(LOSS_INDEX_ONE);
    /// @inheritdoc ITrancheVault
    uint256 public totalPremiumReceived;
    mapping(address owner => CooldownRequest) internal _cooldowns;

    // Share books. OpenZeppelin's ERC20 keeps its balances private, so `_update`, `balanceOf` and `totalSupply` are
    // replaced to make balances per epoch: one slot per holder, and the supply beside the deposit cap.
    uint128 internal _supply;
    uint128 internal _depositCap;
    mapping(address account => Holding) internal _holdings;
    /// @inheritdoc ITrancheVault
    mapping(uint256 epoch => Settlement) public settlements;
    /// @inheritdoc ITrancheVault
    uint256 public unclaimedSettlements;

    // Productive capital: the strategy, its recorded value (part of `_accountedAssets`) and the yield it has paid.
    /// @inheritdoc ITrancheVault
    IERC4626 public strategy;
    /// @inheritdoc ITrancheVault
    uint64 public bufferShare;
    uint128 internal _strategyAssets;
    /// @inheritdoc ITrancheVault
    uint128 public totalYieldReceived;

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

    // ---------------------------------------------------------------- external and public: state-changing

    /// @inheritdoc ITrancheVault
    function claimSettlement(address account) external returns (uint256 assets) {
        Holding memory h = _holdings[account];
        if (h.epoch == epoch || h.shares == 0) revert ErrorsLib.NoSettlement(account);
        return _paySettlement(account, h);
    }

    /// @inheritdoc ITrancheVault
    function addPremium(uint256 amount) external onlyModule {
        if (amount == 0) revert ErrorsLib.ZeroAmount();
        _accountedAssets = (uint256(_accountedAssets) + amount).toUint128();
        totalPremiumReceived += amount;
        (uint256 unvested, uint64 end) = _addToVesting(amount);
        emit EventsLib.PremiumAdded(amount, unvested, end);
    }

    /// @inheritdoc ITrancheVault
    function absorbLoss(uint256 amount, address recipient) external onlyModule {
        uint256 available = totalAssets();
        if (amount > available) revert ErrorsLib.LossExceedsAssets(amount, available);
        _makeIdle(amount);
        uint256 idle = idleAssets();
        if (amount > idle) revert ErrorsLib.StrategyIlliquid(amount, idle);
        _payLoss(amount, available, recipient);
    }

    /// @inheritdoc ITrancheVault
    function absorbLossUpTo(uint256 amount, address recipient) external onlyModule returns (uint256 paid) {
        uint256 available = totalAssets();
        paid = Math.min(amount, available);
        if (_hasStrategy) {
            _makeIdle(paid);
            paid = Math.min(paid, idleAssets());
        }
        if (paid > 0) _payLoss(paid, available, recipient);
    }

    /// @inheritdoc ITrancheVault
    function setStrategy(IERC4626 newStrategy, uint256 newBufferShare)
        external
        onlyModule
        returns (uint256 gain, uint256 loss)
    {
        IERC4626 old = strategy;
        if (address(old) != address(newStrategy) && address(old) != address(0)) {
            (gain, loss) = _moveStrategy(old, 0, true);
        }
        strategy = newStrategy;
        bufferShare = newBufferShare.toUint64();
        _hasStrategy = address(newStrategy) != address(0);
        emit EventsLib.StrategySet(address(old), address(newStrategy), newBufferShare);
    }

    /// @inheritdoc ITrancheVault
    function rebalance() external onlyModule returns (uint256 gain, uint256 loss) {
        IERC4626 s = strategy;
        if (address(s) == address(0)) return (0, 0);
        (bool ok, uint256 live) = _liveValue(s);
        if (!ok) return (0, 0); // a strategy that cannot even price its shares is left for governance to remove
        uint256 total = uint256(_accountedAssets) + live - _strategyAssets; // the books after reconciling
        uint256 target = wiped ? 0 : total - total.mulDiv(bufferShare, 1e18, Math.Rounding.Ceil);
        return _moveStrategy(s, target, false);
    }

    /// @inheritdoc ITrancheVault
    function startNewEpoch() external onlyModule returns (uint32 newEpoch) {
        if (!wiped) revert ErrorsLib.TrancheNotWiped(trancheId);
        // What is settled is paid from idle assets: the module rebalances (a wiped tranche divests) first.
        if (_strategyAssets != 0) revert ErrorsLib.StrategyNotEmpty(address(strategy), _strategyAssets);
        uint32 ended = epoch;
        uint256 supply = _supply;
        uint256 settled;
        // With no shares left there is nobody to settle on: the books stay and go to the next holders like premium.
        if (supply > 0) {
            settled = _accountedAssets;
            settlements[ended] = Settlement(supply, settled);
            unclaimedSettlements += settled;
            _accountedAssets = 0;
            _vestingAmount = 0;
            vestingStart = uint64(block.timestamp);
            vestingEnd = uint64(block.timestamp);
        }
        newEpoch = ended + 1;
        _supply = 0;
        epoch = newEpoch;
        wiped = false;
        lossIndex = uint96(LOSS_INDEX_ONE);
        emit EventsLib.EpochStarted(newEpoch, supply, settled);
    }

    /// @inheritdoc ITrancheVault
    function syncDepositLimits(bool paused, uint256 cap) external onlyModule {
        _depositsPaused = paused;
        _depositCap = uint128(Math.min(cap, type(uint128).max));
    }

    /// @notice ERC-4626 deposit; reverts with `DepositsPaused`, `TrancheWiped` or `ZeroAmount` before the standard
    /// checks, so the app can say why.
    /// OpenZeppelin's deposit, with `totalAssets()` worked out once for both the cap and the price.
    function deposit(uint256 assets, address receiver) public override(ERC4626, IERC4626) returns (uint256 shares) {
        _requireDepositsOpen();
        if (assets == 0) revert ErrorsLib.ZeroAmount();
        uint256 total = totalAssets();
        uint256 room = _roomUnderCap(total);
        if (assets > room) revert ERC4626ExceededMaxDeposit(receiver, assets, room);
        shares = assets.mulDiv(uint256(_supply) + VIRTUAL_SHARES, total + 1, Math.Rounding.Floor);
        _deposit(_msgSender(), receiver, assets, shares);
    }

    /// @inheritdoc ITrancheVault
    function depositWithPermit(uint256 assets, address receiver, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        returns (uint256 shares)
    {
        try IERC20Permit(asset()).permit(msg.sender, address(this), assets, deadline, v, r, s) {} catch {}
        return deposit(assets, receiver);
    }

    /// @notice ERC-4626 mint; reverts with `DepositsPaused`, `TrancheWiped` or `ZeroAmount` before the standard
    /// checks, so the app can say why.
    function mint(uint256 shares, address receiver) public override(ERC4626, IERC4626) returns (uint256) {
        _requireDepositsOpen();
        if (shares == 0) revert ErrorsLib.ZeroAmount();
        return super.mint(shares, receiver);
    }

    /// @inheritdoc ITrancheVault
    function cooldownShares(uint256 shares) external {
        if (shares == 0) revert ErrorsLib.ZeroAmount();
        uint256 balance = balanceOf(msg.sender);
        if (shares > balance) revert ErrorsLib.CooldownExceedsBalance(shares, balance);
        CooldownRequest memory previous = _requestOf(msg.sender);
        if (previous.windowEnd != 0 && _closeRequest(msg.sender, previous) > 0) {
            shares = Math.min(shares, balanceOf(msg.sender));
        }
        uint40 cooldownEnd = (block.timestamp + module.cooldown(trancheId)).toUint40();
        uint40 windowEnd = (cooldownEnd + module.unstakeWindow(trancheId)).toUint40();
        uint128 value = _convertToAssets(shares, Math.Rounding.Floor).toUint128();
        _cooldowns[msg.sender] = CooldownRequest(
            uint128(shares), value, cooldownEnd, windowEnd, epoch, uint40(block.timestamp), lossIndex
        );
        emit EventsLib.CooldownRequested(msg.sender, shares, cooldownEnd, windowEnd);
    }

    /// @inheritdoc ITrancheVault
    function cancelCooldown() external {
        CooldownRequest memory r = _requestOf(msg.sender);
        if (r.windowEnd == 0) revert ErrorsLib.NoCooldownRequest(msg.sender);
        _closeRequest(msg.sender, r);
        emit EventsLib.CooldownCancelled(msg.sender);
    }

    /// @notice Withdraws exactly `assets` under the owner's request, inside its window, burning enough shares at both
    /// today's price and the request's (`previewWithdrawFor`); reverts with the request's state when outside it.
    function withdraw(uint256 assets, address receiver, address owner)
        public
        override(ERC4626, IERC4626)
        returns (uint256 shares)
    {
        if (assets == 0) revert ErrorsLib.ZeroAmount();
        CooldownRequest memory r = _requireInWindow(owner);
        (uint256 maxAssets,) = _exitValue(r, _maxRedeem(owner, r));
        if (assets > maxAssets) revert ERC4626ExceededMaxWithdraw(owner, assets, maxAssets);
        shares = _exitShares(r, assets);
        uint256 value = _convertToAssets(shares, Math.Rounding.Floor);
        _exit(owner, r, assets, shares, value > assets ? value - assets : 0);
        _withdraw(_msgSender(), receiver, owner, assets, shares);
    }

    /// @notice Redeems `shares` under the owner's request, inside its window, paying the lower of their value now and at
    /// request (`previewRedeemFor`); the difference stays with the remaining holders.
    function redeem(uint256 shares, address receiver, address owner)
        public
        override(ERC4626, IERC4626)
        returns (uint256 assets)
    {
        if (shares == 0) revert ErrorsLib.ZeroAmount();
        CooldownRequest memory r = _requireInWindow(owner);
        uint256 maxShares = _maxRedeem(owner, r);
        if (shares > maxShares) revert ERC4626ExceededMaxRedeem(owner, shares, maxShares);
        uint256 withheld;
        (assets, withheld) = _exitValue(r, shares);
        _exit(owner, r, assets, shares, withheld);
        _withdraw(_msgSender(), receiver, owner, assets, shares);
    }

    // ---------------------------------------------------------------- external and public: views

    /// @notice Assets that back the shares now: everything on the books less premium still vesting.
    function totalAssets() public view override(ERC4626, IERC4626) returns (uint256) {
        return _accountedAssets - unvestedPremium();
    }

    /// @inheritdoc ITrancheVault
    function accountedAssets() external view returns (uint256) {
        return _accountedAssets;
    }

    /// @inheritdoc ITrancheVault
    function idleAssets() public view returns (uint256) {
        return _accountedAssets - _strategyAssets;
    }

    /// @inheritdoc ITrancheVault
    function strategyAssets() external view returns (uint256) {
        return _strategyAssets;
    }

    /// @inheritdoc ITrancheVault
    function liveStrategyAssets() external view returns (uint256) {
        IERC4626 s = strategy;
        if (address(s) == address(0)) return 0;
        (bool ok, uint256 live) = _liveValue(s);
        return ok ? live : _strategyAssets;
    }

    /// @inheritdoc ITrancheVault
    function absorbableAssets() external view returns (uint256) {
        uint256 available = totalAssets();
        if (!_hasStrategy) return available;
        uint256 withdrawable;
        try strategy.maxWithdraw(address(this)) returns (uint256 max) {
            withdrawable = Math.min(max, _strategyAssets);
        } catch {}
        return Math.min(available, idleAssets() + withdrawable);
    }

    /// @inheritdoc ITrancheVault
    function vestingAmount() external view returns (uint256) {
        return _vestingAmount;
    }

    /// @inheritdoc ITrancheVault
    function unvestedPremium() public view returns (uint256) {
        uint256 end = vestingEnd;
        if (block.timestamp >= end) return 0;
        // A uint192 amount times a uint64 span cannot overflow, so plain arithmetic does (cheaper than mulDiv).
        return Math.ceilDiv(uint256(_vestingAmount) * (end - block.timestamp), end - vestingStart);
    }

    /// @inheritdoc ITrancheVault
    function sharePrice() public view returns (uint256) {
        return convertToAssets(10 ** decimals());
    }

    /// @inheritdoc ITrancheVault
    function minSharePrice() public view returns (uint256) {
        return 10 ** (decimals() - _decimalsOffset()) / SHARE_PRICE_FLOOR_DIVISOR;
    }

    /// @notice Shares of `account` in the current epoch; shares of an ended epoch count as 0 (see `claimSettlement`).
    function balanceOf(address account) public view override(ERC20, IERC20) returns (uint256) {
        Holding memory h = _holdings[account];
        return h.epoch == epoch ? h.shares : 0;
    }

    /// @notice Shares outstanding in the current epoch.
    function totalSupply() public view override(ERC20, IERC20) returns (uint256) {
        return _supply;
    }

    /// @inheritdoc ITrancheVault
    function settlementOf(address account) public view returns (uint256) {
        Holding memory h = _holdings[account];
        if (h.epoch == epoch || h.shares == 0) return 0;
        return _settlementAssets(h);
    }

    /// @notice 0 while deposits are paused or the tranche is wiped; otherwise what is left under the tranche's cap.
    function maxDeposit(address) public view override(ERC4626, IERC4626) returns (uint256) {
        if (wiped || _depositsPaused) return 0;
        return _roomUnderCap(totalAssets());
    }

    /// @notice The shares `maxDeposit` buys, and never more than the share books can hold; never reverts.
    function maxMint(address receiver) public view override(ERC4626, IERC4626) returns (uint256) {
        uint256 assets = maxDeposit(receiver);
        if (assets == 0) return 0;
        uint256 room = type(uint128).max - _supply;
        (bool ok, uint256 scaled) = Math.tryMul(assets, totalSupply() + 10 ** _decimalsOffset());
        if (!ok) return room;
        return Math.min(scaled / (totalAssets() + 1), room);
    }

    /// @inheritdoc ITrancheVault
    function forfeitableOf(address owner) external view returns (uint256) {
        return _forfeitable(owner, _requestOf(owner));
    }

    /// @inheritdoc ITrancheVault
    function cooldownOf(address owner)
        external
        view
        returns (uint256 shares, uint256 cooldownEnd, uint256 windowEnd)
    {
        CooldownRequest memory r = _requestOf(owner);
        return (r.shares, r.cooldownEnd, r.windowEnd);
    }

    /// @inheritdoc ITrancheVault
    function requestValueOf(address owner) external view returns (uint256) {
        return _requestCap(_requestOf(owner));
    }

    /// @inheritdoc ITrancheVault
    function lockedShares(address owner) public view returns (uint256) {
        CooldownRequest memory r = _requestOf(owner);
        return block.timestamp < r.windowEnd ? r.shares : 0;
    }

    /// @notice The shares the owner can redeem now: those under its request while the unstake window is open, 0
    /// before and after it.
    function maxRedeem(address owner) public view override(ERC4626, IERC4626) returns (uint256) {
        return _maxRedeem(owner, _requestOf(owner));
    }

    /// @notice What the owner can withdraw now: the lower of the value of `maxRedeem` shares at request and now.
    function maxWithdraw(address owner) public view override(ERC4626, IERC4626) returns (uint256) {
        CooldownRequest memory r = _requestOf(owner);
        (uint256 assets,) = _exitValue(r, _maxRedeem(owner, r));
        return assets;
    }

    /// @inheritdoc ITrancheVault
    function previewRedeemFor(address owner, uint256 shares) external view returns (uint256 assets, uint256 withheld) {
        return _exitValue(_requestOf(owner), shares);
    }

    /// @inheritdoc ITrancheVault
    function previewWithdrawFor(address owner, uint256 assets) external view returns (uint256 shares) {
        return _exitShares(_requestOf(owner), assets);
    }

    // ---------------------------------------------------------------- internal and private

    /// @dev 6 extra decimals of shares: the virtual-share offset that makes the inflation attack unprofitable.
    function _decimalsOffset() internal pure override returns (uint8) {
        return 6;
    }

    /// @dev The one place shares move (mint, burn, transfer). Shares under a live exit request cannot be
    /// transferred, otherwise the cooldown could be bypassed by sending them to a fresh address; a lapsed request is
    /// closed (and forfeits what it earned) before its shares move.
    function _update(address from, address to, uint256 value) internal override {
        uint32 current = epoch;
        if (from == address(0)) {
            _supply = (uint256(_supply) + value).toUint128();
        } else {
            if (to != address(0)) _checkTransferable(from, value);
            Holding memory h = _currentHolding(from, current);
            if (value > h.shares) revert ERC20InsufficientBalance(from, h.shares, value);
            h.shares -= uint128(value);
            _holdings[from] = h;
        }
        if (to == address(0)) {
            _supply -= uint128(value);
        } else {
            Holding memory h = _currentHolding(to, current);
            h.shares = (uint256(h.shares) + value).toUint128();
            _holdings[to] = h;
        }
        emit Transfer(from, to, value);
    }

    function _checkTransferable(address from, uint256 value) internal {
        CooldownRequest memory r = _requestOf(from);
        if (r.windowEnd == 0) return;
        if (block.timestamp >= r.windowEnd) {
            _closeRequest(from, r);
            return;
        }
        uint256 held = balanceOf(from);
        uint256 transferable = held > r.shares ? held - r.shares : 0;
        if (value > transferable) revert ErrorsLib.SharesLockedInCooldown(transferable, value);
    }

    /// @dev The account's holding in the current epoch, paying out first whatever an older one is owed.
    function _currentHolding(address account, uint32 current) internal returns (Holding memory h) {
        h = _holdings[account];
        if (h.epoch == current) return h;
        if (h.shares > 0) _paySettlement(account, h);
        return Holding(0, current);
    }

    function _paySettlement(address account, Holding memory h) internal returns (uint256 assets) {
        assets = _settlementAssets(h);
        _holdings[account] = Holding(0, epoch);
        unclaimedSettlements -= assets;
        emit EventsLib.SettlementPaid(account, h.epoch, h.shares, assets);
        IERC20(asset()).safeTransfer(account, assets);
    }

    /// @dev A holding's pro-rata part of what its (ended) epoch settled, rounded down.
    function _settlementAssets(Holding memory h) internal view returns (uint256) {
        Settlement memory s = settlements[h.epoch];
        return uint256(h.shares).mulDiv(s.assets, s.supply);
    }

    /// @dev Adds `amount` (already on the books) to the vesting schedule: the sum of what is still vesting and
    /// `amount` vests linearly until the amount-weighted end of the old schedule and a full period from now. The
    /// premium-time still to vest (amount × time) is therefore the same as if each part kept its own schedule.
    function _addToVesting(uint256 amount) internal returns (uint256 unvested, uint64 end) {
        uint256 stillVesting = unvestedPremium();
        uint256 remaining = stillVesting == 0 ? 0 : vestingEnd - block.timestamp;
        unvested = stillVesting + amount;
        end = uint64(block.timestamp + (stillVesting * remaining + amount * module.premiumVestingPeriod()) / unvested);
        _vestingAmount = unvested.toUint192();
        vestingStart = uint64(block.timestamp);
        vestingEnd = end;
    }

    /// @dev Pays `amount` (idle, at most `available` = `totalAssets()`) to `recipient` and books it as a loss.
    function _payLoss(uint256 amount, uint256 available, address recipient) internal {
        _writeDown(amount, available);
        IERC20(asset()).safeTransfer(recipient, amount);
        emit EventsLib.LossAbsorbed(amount, recipient);
    }

    /// @dev Takes `amount` off the books as a loss: the loss index falls with the share price, and a price under the
    /// floor wipes the tranche. A loss above `available` (only a strategy's can be) first takes the premium still
    /// vesting, which stops vesting.
    function _writeDown(uint256 amount, uint256 available) internal {
        if (amount > available) {
            _vestingAmount = 0;
            vestingEnd = uint64(block.timestamp);
            available = _accountedAssets;
        }
        _accountedAssets -= amount.toUint128(); // amount <= available <= _accountedAssets
        totalLossAbsorbed += amount.toUint160();
        lossIndex = uint96(uint256(lossIndex).mulDiv(available - amount + 1, available + 1));
        // sharePrice() < minSharePrice(), multiplied out: (assets + 1) / (supply + 10^offset) < 1 / (10^offset × 100).
        uint256 supply = _supply;
        uint256 virtualShares = 10 ** _decimalsOffset();
        if (supply > 0 && (available - amount + 1) * virtualShares * SHARE_PRICE_FLOOR_DIVISOR < supply + virtualShares) {
            if (!wiped) {
                wiped = true;
                emit EventsLib.TrancheWiped(epoch, sharePrice());
            }
        }
    }

    /// @dev Exits pay from idle assets: what the buffer lacks is redeemed from the strategy first, and an exit the
    /// strategy cannot fund reverts (the holder retries once a `rebalance` or the strategy's liquidity allows it).
    function _requireIdle(uint256 assets) internal {
        _makeIdle(assets);
        uint256 idle = idleAssets();
        if (assets > idle) revert ErrorsLib.StrategyIlliquid(assets, idle);
    }

    /// @dev Redeems from the strategy what idle assets lack of `needed`, as far as the strategy lets it; never reverts.
    function _makeIdle(uint256 needed) internal {
        if (!_hasStrategy) return;
        uint256 idle = idleAssets();
        if (needed > idle) _pullFromStrategy(strategy, needed - idle);
    }

    /// @dev Withdraws up to `amount` (at most the recorded value) and lowers the recorded value by what arrived; what
    /// a strategy that reverts or pays short kept stays recorded until the next `rebalance` books it as a loss.
    function _pullFromStrategy(IERC4626 s, uint256 amount) internal {
        uint256 recorded = _strategyAssets;
        uint256 received = _withdrawFromStrategy(s, IERC20(asset()), Math.min(amount, recorded));
        _strategyAssets = uint128(recorded - Math.min(received, recorded));
    }

    /// @dev Withdraws up to `amount`, within the strategy's `maxWithdraw`; returns what arrived and never reverts.
    function _withdrawFromStrategy(IERC4626 s, IERC20 token, uint256 amount) internal returns (uint256 received) {
        try s.maxWithdraw(address(this)) returns (uint256 max) {
            amount = Math.min(amount, max);
        } catch {
            return 0;
        }
        if (amount == 0) return 0;
        uint256 before = token.balanceOf(address(this));
        try s.withdraw(amount, address(this), address(this)) {} catch {}
        uint256 afterwards = token.balanceOf(address(this));
        received = afterwards > before ? afterwards - before : 0;
        emit EventsLib.StrategyWithdrawn(address(s), received);
    }

    /// @dev Deposits `amount` of idle assets, approving exactly that much; never reverts.
    function _depositIntoStrategy(IERC4626 s, IERC20 token, uint256 amount) internal {
        uint256 before = token.balanceOf(address(this));
        token.forceApprove(address(s), amount);
        try s.deposit(amount, address(this)) {} catch {}
        token.forceApprove(address(s), 0);
        uint256 afterwards = token.balanceOf(address(this));
        emit EventsLib.StrategyDeposited(address(s), before > afterwards ? before - afterwards : 0);
    }

    /// @dev Moves the strategy's holding to `target` (`exitAll`: redeems every share it can and writes off what is left),
    /// then books the change in what the strategy and the vault's cash are worth together as yield (vesting like
    /// premium) or as a loss, and records the strategy's value now. Rounding in the moves counts in that change.
    function _moveStrategy(IERC4626 s, uint256 target, bool exitAll) internal returns (uint256 gain, uint256 loss) {
        (, uint256 live) = _liveValue(s);
        uint256 recorded = _strategyAssets;
        IERC20 token = IERC20(asset());
        uint256 cashBefore = token.balanceOf(address(this));
        if (exitAll || target == 0) {
            _redeemAll(s);
        } else if (target > live) {
            uint256 amount = Math.min(target - live, _accountedAssets - recorded); // never more than the idle assets
            try s.maxDeposit(address(this)) returns (uint256 max) {
                amount = Math.min(amount, max);
            } catch {
                amount = 0;
            }
            if (amount > 0) _depositIntoStrategy(s, token, amount);
        } else if (live > target) {
            _withdrawFromStrategy(s, token, live - target);
        }
        uint256 liveAfter;
        if (!exitAll) (, liveAfter) = _liveValue(s);
        uint256 valueAfter = liveAfter + token.balanceOf(address(this));
        uint256 valueBefore = recorded + cashBefore;
        uint256 available = totalAssets();
        _strategyAssets = liveAfter.toUint128();
        if (valueAfter > valueBefore) {
            gain = valueAfter - valueBefore;
            _accountedAssets = (uint256(_accountedAssets) + gain).toUint128();
            totalYieldReceived += gain.toUint128();
            (uint256 unvested, uint64 end) = _addToVesting(gain);
            emit EventsLib.YieldAdded(gain, unvested, end);
        } else if (valueBefore > valueAfter) {
            loss = Math.min(valueBefore - valueAfter, _accountedAssets);
            _writeDown(loss, available);
            emit EventsLib.StrategyLossBooked(address(s), loss);
        }
        emit EventsLib.StrategyReported(address(s), idleAssets(), liveAfter);
    }

    /// @dev Redeems every share the strategy lets go of now; never reverts.
    function _redeemAll(IERC4626 s) internal {
        uint256 shares;
        try s.maxRedeem(address(this)) returns (uint256 max) {
            shares = Math.min(max, s.balanceOf(address(this)));
        } catch {
            return;
        }
        if (shares == 0) return;
        try s.redeem(shares, address(this), address(this)) {} catch {}
    }

    /// @dev The strategy's value of this vault's shares, rounded down; `ok` false when the strategy reverts.
    function _liveValue(IERC4626 s) internal view returns (bool ok, uint256 value) {
        try s.balanceOf(address(this)) returns (uint256 shares) {
            if (shares == 0) return (true, 0);
            try s.convertToAssets(shares) returns (uint256 assets) {
                return (true, assets);
            } catch {}
        } catch {}
        return (false, 0);
    }

    /// @dev What the tranche still takes before `totalAssets` reaches the cap.
    function _roomUnderCap(uint256 total) internal view returns (uint256) {
        uint256 cap = _depositCap;
        return cap > total ? cap - total : 0;
    }

    function _requireDepositsOpen() internal view {
        (bool paused, bool isWiped) = (_depositsPaused, wiped); // one slot, read once
        if (paused) revert ErrorsLib.DepositsPaused();
        if (isWiped) revert ErrorsLib.TrancheWiped(trancheId);
    }

    /// @dev Books the assets only once they have arrived: a token that calls back during `transferFrom` (ERC-777
    /// style hooks, which an off-local-chain deployment could be given) must not see them counted before they exist.
    function _deposit(address caller, address receiver, uint256 assets, uint256 shares) internal override {
        super._deposit(caller, receiver, assets, shares);
        _accountedAssets = (uint256(_accountedAssets) + assets).toUint128();
    }

    /// @dev The owner's request, or an empty one when it was made in an ended epoch.
    function _requestOf(address owner) internal view returns (CooldownRequest memory r) {
        r = _cooldowns[owner];
        if (r.epoch != epoch) delete r;
    }

    function _maxRedeem(address owner, CooldownRequest memory r) internal view returns (uint256) {
        if (block.timestamp < r.cooldownEnd || block.timestamp >= r.windowEnd) return 0;
        return Math.min(r.shares, balanceOf(owner));
    }

    /// @dev The request's value at request scaled by the losses since: what its shares are worth without premium.
    function _requestCap(CooldownRequest memory r) internal view returns (uint256) {
        if (r.lossIndexAtRequest == 0) return 0;
        return uint256(r.assetsAtRequest).mulDiv(lossIndex, r.lossIndexAtRequest);
    }

    /// @dev Pays the lower of the shares' value now and their pro-rata part of the request's cap.
    function _exitValue(CooldownRequest memory r, uint256 shares)
        internal
        view
        returns (uint256 assets, uint256 withheld)
    {
        uint256 value = _convertToAssets(shares, Math.Rounding.Floor);
        uint256 capped = r.shares == 0 ? 0 : _requestCap(r).mulDiv(shares, r.shares);
        assets = Math.min(value, capped);
        withheld = value - assets;
    }

    /// @dev Shares to burn for `assets`: enough at today's price and at the request's capped price, whichever is more.
    function _exitShares(CooldownRequest memory r, uint256 assets) internal view returns (uint256 shares) {
        shares = _convertToShares(assets, Math.Rounding.Ceil);
        uint256 cap = _requestCap(r);
        if (cap == 0) return assets == 0 ? shares : type(uint256).max;
        return Math.max(shares, assets.mulDiv(r.shares, cap, Math.Rounding.Ceil));
    }

    function _requireInWindow(address owner) internal view returns (CooldownRequest memory r) {
        r = _requestOf(owner);
        if (r.windowEnd == 0) revert ErrorsLib.NoCooldownRequest(owner);
        if (block.timestamp < r.cooldownEnd) revert ErrorsLib.CooldownNotElapsed(r.cooldownEnd);
        if (block.timestamp >= r.windowEnd) revert ErrorsLib.UnstakeWindowLapsed(r.windowEnd);
    }

    /// @dev Books an exit of `shares` paying `assets`: the request shrinks pro rata, and what the request's value
    /// withholds stays on the books, for the remaining holders. It is not vested: it is at most the premium the exiting
    /// shares earned since their request, and vesting it would cost every such exit ~14k gas (a module call and two
    /// storage writes); a depositor who front-runs it to share in it must still sit through a full cooldown.
    function _exit(address owner, CooldownRequest memory r, uint256 assets, uint256 shares, uint256 withheld)
        internal
    {
        if (shares > r.shares) revert ErrorsLib.ExceedsCooldownShares(shares, r.shares);
        uint256 valueUsed = uint256(r.assetsAtRequest).mulDiv(shares, r.shares);
        CooldownRequest storage stored = _cooldowns[owner];
        stored.shares = r.shares - uint128(shares);
        stored.assetsAtRequest = r.assetsAtRequest - uint128(valueUsed);
        if (_hasStrategy) _requireIdle(assets);
        _accountedAssets -= assets.toUint128();
        if (withheld > 0) emit EventsLib.ExitValueWithheld(owner, withheld);
    }

    /// @dev See `forfeitableOf`.
    function _forfeitable(address owner, CooldownRequest memory r) internal view returns (uint256) {
        if (r.windowEnd == 0 || r.shares == 0) return 0;
        uint256 held = balanceOf(owner);
        if (held == totalSupply()) return 0;
        // What an exit of the requested shares would withhold now: their value above the request's cap.
        (, uint256 gain) = _exitValue(r, Math.min(r.shares, held));
        if (gain == 0 || block.timestamp <= r.windowEnd) return gain;
        return gain.mulDiv(r.windowEnd - r.requestedAt, block.timestamp - r.requestedAt);
    }

    /// @dev Deletes the owner's request and burns the shares that carry what it forfeits. Burning b of the owner's
    /// H shares leaves the assets behind, so every remaining share gains, the owner's included; with X = assets + 1
    /// and Y = supply + 10**offset (the virtual share and asset), the owner loses exactly F when
    /// b = F·Y² / (X·(Y − H) + F·Y), rounded up so that the rounding never favours the owner.
    /// @return burned The shares burned.
    function _closeRequest(address owner, CooldownRequest memory r) internal returns (uint256 burned) {
        uint256 forfeit = _forfeitable(owner, r);
        delete _cooldowns[owner];
        if (forfeit == 0) return 0;
        uint256 held = balanceOf(owner);
        uint256 x = totalAssets() + 1;
        uint256 y = totalSupply() + 10 ** _decimalsOffset();
        burned = Math.min(held, (forfeit * y).mulDiv(y, x * (y - held) + forfeit * y, Math.Rounding.Ceil));
        _burn(owner, burned);
        emit EventsLib.RequestEarningsForfeited(owner, burned, forfeit);
    }
}
