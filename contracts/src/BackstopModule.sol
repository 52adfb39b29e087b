// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IBackstopModule} from "./interfaces/IBackstopModule.sol";
import {IBackstopRiskView} from "./interfaces/IBackstopRiskView.sol";
import {IOpenInterestSource} from "./interfaces/IOpenInterestSource.sol";
import {ITrancheVault} from "./interfaces/ITrancheVault.sol";
import {ErrorsLib} from "./libraries/ErrorsLib.sol";
import {EventsLib} from "./libraries/EventsLib.sol";
import {BoundsLib} from "./libraries/BoundsLib.sol";
import {IExitTimings, IGovernanceTimings, ITimelockDelay} from "./interfaces/IGovernanceTimings.sol";
import {ExitBeforeExecution} from "./governance/ExitBeforeExecution.sol";

/// @title BackstopModule
/// @notice The hub of the backstop: the tranche registry, the loss waterfall (Junior → Mezzanine → Senior), premium
/// distribution by capital × risk multiplier, and every risk parameter. Owned by the governance timelock.
contract BackstopModule is IBackstopModule, Ownable {
    using SafeERC20 for IERC20;

    /// @inheritdoc IBackstopModule
    uint8 public constant TRANCHE_COUNT = 3;
    /// @inheritdoc IBackstopModule
    uint8 public constant JUNIOR = 0;
    /// @inheritdoc IBackstopModule
    uint8 public constant MEZZANINE = 1;
    /// @inheritdoc IBackstopModule
    uint8 public constant SENIOR = 2;
    uint256 internal constant WAD = 1e18;

    // Bounds governance must stay within; the app validates proposals against the same numbers.
    /// @inheritdoc IBackstopModule
    uint256 public constant MAX_COOLDOWN = 60 days;
    /// @inheritdoc IBackstopModule
    uint256 public constant MIN_UNSTAKE_WINDOW = 1 hours;
    /// @inheritdoc IBackstopModule
    uint256 public constant MAX_UNSTAKE_WINDOW = 30 days;
    /// @inheritdoc IBackstopModule
    uint256 public constant MIN_RISK_MULTIPLIER = 0.1e18;
    /// @inheritdoc IBackstopModule
    uint256 public constant MAX_RISK_MULTIPLIER = 10e18;
    /// @inheritdoc IBackstopModule
    uint256 public constant MAX_VESTING_PERIOD = 60 days;
    /// @inheritdoc IBackstopModule
    uint256 public constant MAX_STRESS_LOSS_RATE = 1e18;
    /// @inheritdoc IBackstopModule
    uint256 public constant MIN_SOLVENCY_THRESHOLD = 0.5e18;
    /// @inheritdoc IBackstopModule
    uint256 public constant MAX_SOLVENCY_THRESHOLD = 5e18;
    /// @inheritdoc IBackstopModule
    uint256 public constant MIN_BUFFER_SHARE = 0.05e18;
    /// @inheritdoc IBackstopModule
    uint256 public constant MAX_BUFFER_SHARE = 1e18;
    /// @inheritdoc IBackstopModule
    uint256 public constant STRATEGY_LOSS_DUST = 10;

    /// @inheritdoc IBackstopModule
    IERC20 public immutable asset;
    /// @inheritdoc IBackstopModule
    address public clearinghouse;
    ITrancheVault[3] internal _tranches;
    TrancheParams[3] internal _params;

    /// @inheritdoc IBackstopModule
    uint256 public premiumVestingPeriod;
    /// @inheritdoc IBackstopRiskView
    uint256 public solvencyThreshold;
    /// @inheritdoc IBackstopRiskView
    address public guardian;
    /// @inheritdoc IBackstopModule
    bool public depositsPaused;
    /// @inheritdoc IExitTimings
    IGovernanceTimings public governor;
    /// @inheritdoc IBackstopModule
    mapping(uint256 marketId => uint256) public stressLossRate;

    /// @inheritdoc IBackstopModule
    uint256 public lossCount;
    /// @inheritdoc IBackstopModule
    uint256 public totalDeficit;
    /// @inheritdoc IBackstopModule
    uint256 public totalPremiums;
    /// @inheritdoc IBackstopModule
    uint256 public undistributedPremium;
    /// @inheritdoc IBackstopModule
    address public riskSteward;

    modifier onlyClearinghouse() {
        if (msg.sender != clearinghouse) revert ErrorsLib.NotClearinghouse(msg.sender);
        _;
    }

    modifier validTranche(uint8 trancheId) {
        if (trancheId >= TRANCHE_COUNT) revert ErrorsLib.InvalidTranche(trancheId);
        _;
    }

    constructor(IERC20 asset_, address initialOwner, address guardian_) Ownable(initialOwner) {
        if (address(asset_) == address(0)) revert ErrorsLib.ZeroAddress();
        asset = asset_;
        guardian = guardian_;
        premiumVestingPeriod = 7 days;
        solvencyThreshold = 1e18;
    }

    // ---------------------------------------------------------------- external and public: state-changing

    /// @inheritdoc IBackstopModule
    function initialize(ITrancheVault[3] calldata tranches_, address clearinghouse_, TrancheParams[3] calldata params_)
        external
        onlyOwner
    {
        if (clearinghouse != address(0)) revert ErrorsLib.AlreadyInitialized();
        if (clearinghouse_ == address(0)) revert ErrorsLib.ZeroAddress();
        for (uint8 i; i < TRANCHE_COUNT; ++i) {
            if (address(tranches_[i]) == address(0)) revert ErrorsLib.ZeroAddress();
            if (
                tranches_[i].trancheId() != i || address(tranches_[i].module()) != address(this)
                    || tranches_[i].asset() != address(asset)
            ) {
                revert ErrorsLib.InvalidTranche(i);
            }
            _tranches[i] = tranches_[i];
            _setCooldown(i, params_[i].cooldown);
            _setUnstakeWindow(i, params_[i].unstakeWindow);
            _setRiskMultiplier(i, params_[i].riskMultiplier);
            _setDepositCap(i, params_[i].depositCap);
        }
        clearinghouse = clearinghouse_;
        emit EventsLib.ModuleInitialized(clearinghouse_, address(tranches_[0]), address(tranches_[1]), address(tranches_[2]));
    }

    /// @inheritdoc IBackstopModule
    function bindGovernor(IGovernanceTimings governor_) external onlyOwner {
        if (address(governor) != address(0)) revert ErrorsLib.AlreadyInitialized();
        if (address(governor_) == address(0)) revert ErrorsLib.ZeroAddress();
        governor = governor_;
        _checkExitBeforeExecution();
        emit EventsLib.GovernorBound(address(governor_));
    }

    /// @inheritdoc IBackstopModule
    function cover(uint256 marketId, uint256 shortfall)
        external
        onlyClearinghouse
        returns (uint256 lossId, uint256 covered)
    {
        if (shortfall == 0) revert ErrorsLib.ZeroAmount();
        lossId = ++lossCount;
        uint256 remaining = shortfall;
        for (uint8 i; i < TRANCHE_COUNT && remaining > 0; ++i) {
            ITrancheVault vault = _tranches[i];
            uint256 take = Math.min(remaining, vault.totalAssets());
            if (take == 0) continue;
            uint256 priceBefore = vault.sharePrice();
            // What a tranche's strategy will not let go of now falls to the next tranche, like missing capital.
            take = vault.absorbLossUpTo(take, msg.sender);
            if (take == 0) continue;
            remaining -= take;
            emit EventsLib.TrancheLossAbsorbed(lossId, i, take, priceBefore, vault.sharePrice());
        }
        covered = shortfall - remaining;
        if (remaining > 0) {
            totalDeficit += remaining;
            emit EventsLib.Deficit(lossId, marketId, remaining);
        }
        emit EventsLib.LossCovered(lossId, marketId, shortfall, covered, remaining);
    }

    /// @inheritdoc IBackstopModule
    function payPremium(uint256 amount) external {
        if (amount == 0) revert ErrorsLib.ZeroAmount();
        asset.safeTransferFrom(msg.sender, address(this), amount);
        totalPremiums += amount;
        emit EventsLib.PremiumPaid(msg.sender, amount);
        _distribute(amount, amount + undistributedPremium);
    }

    /// @inheritdoc IBackstopModule
    function setDepositsPaused(bool paused) external {
        if (msg.sender != guardian && msg.sender != owner()) revert ErrorsLib.NotGuardianOrOwner(msg.sender);
        depositsPaused = paused;
        for (uint8 i; i < TRANCHE_COUNT; ++i) {
            _syncDepositLimits(i);
        }
        emit EventsLib.DepositsPausedSet(msg.sender, paused);
    }

    /// @inheritdoc IBackstopModule
    function setDepositCap(uint8 trancheId, uint256 cap) external onlyOwner validTranche(trancheId) {
        _setDepositCap(trancheId, cap);
    }

    /// @inheritdoc IBackstopModule
    function setCooldown(uint8 trancheId, uint256 value) external onlyOwner validTranche(trancheId) {
        _setCooldown(trancheId, value);
    }

    /// @inheritdoc IBackstopModule
    function setUnstakeWindow(uint8 trancheId, uint256 value) external onlyOwner validTranche(trancheId) {
        _setUnstakeWindow(trancheId, value);
    }

    /// @inheritdoc IBackstopModule
    function setRiskMultiplier(uint8 trancheId, uint256 value) external validTranche(trancheId) {
        if (msg.sender != owner() && msg.sender != riskSteward) revert ErrorsLib.NotOwnerOrRiskSteward(msg.sender);
        _setRiskMultiplier(trancheId, value);
    }

    /// @inheritdoc IBackstopModule
    function setRiskSteward(address steward) external onlyOwner {
        emit EventsLib.RiskStewardSet(riskSteward, steward);
        riskSteward = steward;
    }

    /// @inheritdoc IBackstopModule
    function setPremiumVestingPeriod(uint256 value) external onlyOwner {
        BoundsLib.check("premiumVestingPeriod", value, 0, MAX_VESTING_PERIOD);
        emit EventsLib.PremiumVestingPeriodSet(premiumVestingPeriod, value);
        premiumVestingPeriod = value;
    }

    /// @inheritdoc IBackstopModule
    function setStressLossRate(uint256 marketId, uint256 value) external onlyOwner {
        BoundsLib.check("stressLossRate", value, 0, MAX_STRESS_LOSS_RATE);
        emit EventsLib.StressLossRateSet(marketId, stressLossRate[marketId], value);
        stressLossRate[marketId] = value;
    }

    /// @inheritdoc IBackstopModule
    function setSolvencyThreshold(uint256 value) external onlyOwner {
        BoundsLib.check("solvencyThreshold", value, MIN_SOLVENCY_THRESHOLD, MAX_SOLVENCY_THRESHOLD);
        emit EventsLib.SolvencyThresholdSet(solvencyThreshold, value);
        solvencyThreshold = value;
    }

    /// @inheritdoc IBackstopModule
    function setGuardian(address newGuardian) external onlyOwner {
        emit EventsLib.GuardianSet(guardian, newGuardian);
        guardian = newGuardian;
    }

    /// @inheritdoc IBackstopModule
    function startNewEpoch(uint8 trancheId) external onlyOwner validTranche(trancheId) {
        // A wiped tranche's rebalance empties its strategy: the settlement is paid from idle assets.
        if (address(_tranches[trancheId].strategy()) != address(0)) _rebalance(trancheId);
        _tranches[trancheId].startNewEpoch();
    }

    /// @inheritdoc IBackstopModule
    function setTrancheStrategy(uint8 trancheId, IERC4626 strategy, uint256 bufferShare)
        external
        onlyOwner
        validTranche(trancheId)
    {
        if (address(strategy) != address(0)) _checkStrategy(strategy);
        ITrancheVault vault = _tranches[trancheId];
        _setStrategy(trancheId, vault, strategy, bufferShare);
    }

    /// @inheritdoc IBackstopModule
    function setBufferShare(uint8 trancheId, uint256 bufferShare) external onlyOwner validTranche(trancheId) {
        ITrancheVault vault = _tranches[trancheId];
        _setStrategy(trancheId, vault, vault.strategy(), bufferShare);
    }

    /// @inheritdoc IBackstopModule
    function rebalance(uint8 trancheId) external validTranche(trancheId) returns (uint256 gain, uint256 loss) {
        return _rebalance(trancheId);
    }

    // ---------------------------------------------------------------- external and public: views

    /// @inheritdoc IBackstopModule
    function tranche(uint8 trancheId) public view validTranche(trancheId) returns (ITrancheVault) {
        return _tranches[trancheId];
    }

    /// @inheritdoc IBackstopModule
    function trancheParams(uint8 trancheId) external view validTranche(trancheId) returns (TrancheParams memory) {
        return _params[trancheId];
    }

    /// @inheritdoc IBackstopModule
    function depositCap(uint8 trancheId) external view validTranche(trancheId) returns (uint256) {
        return _params[trancheId].depositCap;
    }

    /// @inheritdoc IBackstopModule
    function cooldown(uint8 trancheId) external view validTranche(trancheId) returns (uint256) {
        return _params[trancheId].cooldown;
    }

    /// @inheritdoc IBackstopModule
    function unstakeWindow(uint8 trancheId) external view validTranche(trancheId) returns (uint256) {
        return _params[trancheId].unstakeWindow;
    }

    /// @inheritdoc IExitTimings
    function maxCooldown() public view returns (uint256 longest) {
        for (uint8 i; i < TRANCHE_COUNT; ++i) {
            longest = Math.max(longest, _params[i].cooldown);
        }
    }

    /// @inheritdoc IBackstopModule
    function governancePath() public view returns (uint256) {
        IGovernanceTimings g = governor;
        if (address(g) == address(0)) return 0;
        return g.votingDelay() + g.votingPeriod() + ITimelockDelay(g.timelock()).getMinDelay();
    }

    /// @inheritdoc IBackstopModule
    function riskMultiplier(uint8 trancheId) external view validTranche(trancheId) returns (uint256) {
        return _params[trancheId].riskMultiplier;
    }

    /// @inheritdoc IBackstopModule
    function totalCapital() public view returns (uint256 capital) {
        for (uint8 i; i < TRANCHE_COUNT; ++i) {
            if (address(_tranches[i]) != address(0)) capital += _tranches[i].totalAssets();
        }
    }

    /// @inheritdoc IBackstopModule
    function requiredCapital() public view returns (uint256 required) {
        if (clearinghouse == address(0)) return 0;
        IOpenInterestSource source = IOpenInterestSource(clearinghouse);
        uint256 count = source.marketCount();
        for (uint256 m; m < count; ++m) {
            (uint256 longNotional, uint256 shortNotional) = source.openInterestNotional(m);
            required += Math.mulDiv(longNotional + shortNotional, stressLossRate[m], WAD);
        }
    }

    /// @inheritdoc IBackstopRiskView
    function solvencyRatio() external view returns (uint256) {
        uint256 required = requiredCapital();
        if (required == 0) return type(uint256).max;
        return Math.mulDiv(totalCapital(), WAD, required);
    }

    // ---------------------------------------------------------------- internal and private

    function _checkStrategy(IERC4626 strategy) internal view {
        for (uint8 i; i < TRANCHE_COUNT; ++i) {
            if (address(strategy) == address(_tranches[i])) revert ErrorsLib.InvalidStrategy(address(strategy));
        }
        try strategy.asset() returns (address strategyAsset) {
            if (strategyAsset != address(asset)) revert ErrorsLib.InvalidStrategy(address(strategy));
        } catch {
            revert ErrorsLib.InvalidStrategy(address(strategy));
        }
    }

    function _setStrategy(uint8 trancheId, ITrancheVault vault, IERC4626 strategy, uint256 bufferShare) internal {
        BoundsLib.check("bufferShare", bufferShare, MIN_BUFFER_SHARE, MAX_BUFFER_SHARE);
        emit EventsLib.TrancheStrategySet(
            trancheId, address(vault.strategy()), address(strategy), vault.bufferShare(), bufferShare
        );
        IERC4626 old = vault.strategy();
        uint256 priceBefore = vault.sharePrice();
        (uint256 gain, uint256 loss) = vault.setStrategy(strategy, bufferShare);
        _bookStrategyResult(trancheId, vault, old, gain, loss, priceBefore);
    }

    function _rebalance(uint8 trancheId) internal returns (uint256 gain, uint256 loss) {
        ITrancheVault vault = _tranches[trancheId];
        uint256 priceBefore = vault.sharePrice();
        (gain, loss) = vault.rebalance();
        _bookStrategyResult(trancheId, vault, vault.strategy(), gain, loss, priceBefore);
    }

    /// @dev A strategy's loss is a loss of the backstop like a cover's, numbered in the same sequence, but it hits
    /// only the tranche that held the strategy: the waterfall orders who pays the clearinghouse's shortfalls, and a
    /// tranche's choice of strategy is its own risk (like Aave Umbrella's per-asset stakes). Rounding dust (a few
    /// units, which anyone calling `rebalance` after nudging the strategy's rounding could produce at will) is booked
    /// by the vault but gets no loss id, so that it cannot fill the loss table.
    function _bookStrategyResult(
        uint8 trancheId,
        ITrancheVault vault,
        IERC4626 strategy,
        uint256 gain,
        uint256 loss,
        uint256 priceBefore
    ) internal {
        if (gain > 0) emit EventsLib.StrategyYield(trancheId, address(strategy), gain);
        if (loss <= STRATEGY_LOSS_DUST) return;
        uint256 lossId = ++lossCount;
        emit EventsLib.TrancheLossAbsorbed(lossId, trancheId, loss, priceBefore, vault.sharePrice());
        emit EventsLib.StrategyLoss(lossId, trancheId, address(strategy), loss);
    }

    function _distribute(uint256 paid, uint256 amount) internal {
        uint256[3] memory weights;
        uint256 totalWeight;
        for (uint8 i; i < TRANCHE_COUNT; ++i) {
            weights[i] = _tranches[i].totalAssets() * _params[i].riskMultiplier;
            totalWeight += weights[i];
        }
        if (totalWeight == 0) {
            undistributedPremium = amount;
            emit EventsLib.PremiumHeld(paid, amount);
            return;
        }
        undistributedPremium = 0;
        uint256 left = amount;
        for (uint8 i; i < TRANCHE_COUNT; ++i) {
            if (weights[i] == 0) continue;
            uint256 part = i == _lastWeighted(weights) ? left : Math.mulDiv(amount, weights[i], totalWeight);
            // A part that rounds to nothing is skipped: booking it would only touch the tranche's vesting schedule.
            if (part == 0) continue;
            left -= part;
            ITrancheVault vault = _tranches[i];
            asset.safeTransfer(address(vault), part);
            vault.addPremium(part);
            emit EventsLib.TranchePremium(i, part, vault.vestingEnd());
        }
    }

    function _lastWeighted(uint256[3] memory weights) internal pure returns (uint8 last) {
        for (uint8 i; i < TRANCHE_COUNT; ++i) {
            if (weights[i] > 0) last = i;
        }
    }

    function _setDepositCap(uint8 trancheId, uint256 cap) internal {
        emit EventsLib.DepositCapSet(trancheId, _params[trancheId].depositCap, cap);
        _params[trancheId].depositCap = cap;
        _syncDepositLimits(trancheId);
    }

    /// @dev Deposits read the pause flag and the cap from the vault's own storage (no call here): every change of
    /// either is copied there in the same transaction. Before `initialize` there is no vault yet; it gets both then.
    function _syncDepositLimits(uint8 trancheId) internal {
        ITrancheVault vault = _tranches[trancheId];
        if (address(vault) != address(0)) vault.syncDepositLimits(depositsPaused, _params[trancheId].depositCap);
    }

    function _setCooldown(uint8 trancheId, uint256 value) internal {
        BoundsLib.check("cooldown", value, 0, MAX_COOLDOWN);
        emit EventsLib.CooldownSet(trancheId, _params[trancheId].cooldown, value);
        _params[trancheId].cooldown = value;
        if (address(governor) != address(0)) _checkExitBeforeExecution();
    }

    function _checkExitBeforeExecution() internal view {
        IGovernanceTimings g = governor;
        ExitBeforeExecution.check(
            g.votingDelay(), g.votingPeriod(), ITimelockDelay(g.timelock()).getMinDelay(), maxCooldown()
        );
    }

    function _setUnstakeWindow(uint8 trancheId, uint256 value) internal {
        BoundsLib.check("unstakeWindow", value, MIN_UNSTAKE_WINDOW, MAX_UNSTAKE_WINDOW);
        emit EventsLib.UnstakeWindowSet(trancheId, _params[trancheId].unstakeWindow, value);
        _params[trancheId].unstakeWindow = value;
    }

    function _setRiskMultiplier(uint8 trancheId, uint256 value) internal {
        BoundsLib.check("riskMultiplier", value, MIN_RISK_MULTIPLIER, MAX_RISK_MULTIPLIER);
        emit EventsLib.RiskMultiplierSet(trancheId, _params[trancheId].riskMultiplier, value);
        _params[trancheId].riskMultiplier = value;
    }
}
