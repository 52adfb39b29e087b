// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IBackstopModule} from "./interfaces/IBackstopModule.sol";
import {IOpenInterestSource} from "./interfaces/IOpenInterestSource.sol";
import {TrancheVault} from "./TrancheVault.sol";
import {ErrorsLib} from "./libraries/ErrorsLib.sol";
import {EventsLib} from "./libraries/EventsLib.sol";
import {IExitTimings, IGovernanceTimings, ITimelockDelay} from "./interfaces/IGovernanceTimings.sol";
import {ExitBeforeExecution} from "./governance/ExitBeforeExecution.sol";

/// @title BackstopModule
/// @notice The hub of the backstop: the tranche registry, the loss waterfall (Junior → Mezzanine → Senior), premium
/// distribution by capital × risk multiplier, and every risk parameter. Owned by the governance timelock.
contract BackstopModule is IBackstopModule, IExitTimings, Ownable {
    using SafeERC20 for IERC20;

    struct TrancheParams {
        uint256 depositCap;
        uint256 cooldown;
        uint256 unstakeWindow;
        uint256 riskMultiplier; // wad
    }

    uint8 public constant TRANCHE_COUNT = 3;
    uint8 public constant JUNIOR = 0;
    uint8 public constant MEZZANINE = 1;
    uint8 public constant SENIOR = 2;
    uint256 internal constant WAD = 1e18;

    // Bounds governance must stay within; the app validates proposals against the same numbers.
    uint256 public constant MAX_COOLDOWN = 60 days;
    uint256 public constant MIN_UNSTAKE_WINDOW = 1 hours;
    uint256 public constant MAX_UNSTAKE_WINDOW = 30 days;
    uint256 public constant MIN_RISK_MULTIPLIER = 0.1e18;
    uint256 public constant MAX_RISK_MULTIPLIER = 10e18;
    uint256 public constant MAX_VESTING_PERIOD = 60 days;
    uint256 public constant MAX_STRESS_LOSS_RATE = 1e18;
    uint256 public constant MIN_SOLVENCY_THRESHOLD = 0.5e18;
    uint256 public constant MAX_SOLVENCY_THRESHOLD = 5e18;

    IERC20 public immutable asset;
    address public clearinghouse;
    TrancheVault[3] internal _tranches;
    TrancheParams[3] internal _params;

    uint256 public premiumVestingPeriod;
    uint256 public solvencyThreshold;
    address public guardian;
    bool public depositsPaused;
    /// @notice The governor whose proposals the owner (its timelock) executes; bound once by `bindGovernor`.
    IGovernanceTimings public governor;
    mapping(uint256 marketId => uint256) public stressLossRate;

    uint256 public lossCount;
    uint256 public totalDeficit;
    uint256 public totalPremiums;
    uint256 public undistributedPremium;

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

    /// @notice Wires the three vaults and the clearinghouse once; the deployer then hands ownership to the timelock.
    function initialize(TrancheVault[3] calldata tranches_, address clearinghouse_, TrancheParams[3] calldata params_)
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

    /// @notice Binds the governor once, after which no cooldown may grow so long that a proposal could execute
    /// before a depositor who asked to leave when it was made can leave (see ExitBeforeExecution). Reverts with
    /// GovernancePathTooShort if the governor's timings already break that rule.
    function bindGovernor(IGovernanceTimings governor_) external onlyOwner {
        if (address(governor) != address(0)) revert ErrorsLib.AlreadyInitialized();
        if (address(governor_) == address(0)) revert ErrorsLib.ZeroAddress();
        governor = governor_;
        _checkExitBeforeExecution();
        emit EventsLib.GovernorBound(address(governor_));
    }

    // ---------------------------------------------------------------- views

    function tranche(uint8 trancheId) public view validTranche(trancheId) returns (TrancheVault) {
        return _tranches[trancheId];
    }

    function trancheParams(uint8 trancheId) external view validTranche(trancheId) returns (TrancheParams memory) {
        return _params[trancheId];
    }

    function depositCap(uint8 trancheId) external view validTranche(trancheId) returns (uint256) {
        return _params[trancheId].depositCap;
    }

    function cooldown(uint8 trancheId) external view validTranche(trancheId) returns (uint256) {
        return _params[trancheId].cooldown;
    }

    function unstakeWindow(uint8 trancheId) external view validTranche(trancheId) returns (uint256) {
        return _params[trancheId].unstakeWindow;
    }

    /// @notice The longest cooldown over the three tranches: what a depositor waits at most before the window opens.
    function maxCooldown() public view returns (uint256 longest) {
        for (uint8 i; i < TRANCHE_COUNT; ++i) {
            longest = Math.max(longest, _params[i].cooldown);
        }
    }

    /// @notice votingDelay + votingPeriod + timelock delay of the bound governor: the shortest time from a proposal
    /// to its execution; 0 before a governor is bound.
    function governancePath() public view returns (uint256) {
        IGovernanceTimings g = governor;
        if (address(g) == address(0)) return 0;
        return g.votingDelay() + g.votingPeriod() + ITimelockDelay(g.timelock()).getMinDelay();
    }

    function riskMultiplier(uint8 trancheId) external view validTranche(trancheId) returns (uint256) {
        return _params[trancheId].riskMultiplier;
    }

    /// @notice Capital that can absorb losses now: the tranches' vested assets.
    function totalCapital() public view returns (uint256 capital) {
        for (uint8 i; i < TRANCHE_COUNT; ++i) {
            if (address(_tranches[i]) != address(0)) capital += _tranches[i].totalAssets();
        }
    }

    /// @notice Σ over markets of open interest (both sides, at the oracle price) × the market's stress loss rate.
    function requiredCapital() public view returns (uint256 required) {
        if (clearinghouse == address(0)) return 0;
        IOpenInterestSource source = IOpenInterestSource(clearinghouse);
        uint256 count = source.marketCount();
        for (uint256 m; m < count; ++m) {
            (uint256 longNotional, uint256 shortNotional) = source.openInterestNotional(m);
            required += Math.mulDiv(longNotional + shortNotional, stressLossRate[m], WAD);
        }
    }

    /// @notice Backstop capital / required capital as a wad; type(uint256).max when nothing is required.
    function solvencyRatio() external view returns (uint256) {
        uint256 required = requiredCapital();
        if (required == 0) return type(uint256).max;
        return Math.mulDiv(totalCapital(), WAD, required);
    }

    // ---------------------------------------------------------------- losses

    /// @notice Pays `shortfall` to the clearinghouse from Junior until empty, then Mezzanine, then Senior, in this
    /// transaction. What the tranches cannot pay is recorded as a deficit (a socialised loss).
    function cover(uint256 marketId, uint256 shortfall)
        external
        onlyClearinghouse
        returns (uint256 lossId, uint256 covered)
    {
        if (shortfall == 0) revert ErrorsLib.ZeroAmount();
        lossId = ++lossCount;
        uint256 remaining = shortfall;
        for (uint8 i; i < TRANCHE_COUNT && remaining > 0; ++i) {
            TrancheVault vault = _tranches[i];
            uint256 take = Math.min(remaining, vault.totalAssets());
            if (take == 0) continue;
            uint256 priceBefore = vault.sharePrice();
            vault.absorbLoss(take, msg.sender);
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

    // ---------------------------------------------------------------- premiums

    /// @notice Pulls `amount` of premium from the caller and splits it across tranches by capital × risk multiplier;
    /// each part vests linearly in its tranche. Held back while no tranche has capital.
    function payPremium(uint256 amount) external {
        if (amount == 0) revert ErrorsLib.ZeroAmount();
        asset.safeTransferFrom(msg.sender, address(this), amount);
        totalPremiums += amount;
        emit EventsLib.PremiumPaid(msg.sender, amount);
        _distribute(amount, amount + undistributedPremium);
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
            TrancheVault vault = _tranches[i];
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

    // ---------------------------------------------------------------- guardian

    /// @notice Pauses or resumes deposits; the guardian or governance. Withdrawals in their window are never paused.
    function setDepositsPaused(bool paused) external {
        if (msg.sender != guardian && msg.sender != owner()) revert ErrorsLib.NotGuardianOrOwner(msg.sender);
        depositsPaused = paused;
        emit EventsLib.DepositsPausedSet(msg.sender, paused);
    }

    // ---------------------------------------------------------------- governance (timelock) setters

    function setDepositCap(uint8 trancheId, uint256 cap) external onlyOwner validTranche(trancheId) {
        _setDepositCap(trancheId, cap);
    }

    /// @notice Sets a tranche's cooldown. Besides its bounds, the longest cooldown plus a day must stay shorter than
    /// the governance path (GovernancePathTooShort otherwise), so depositors can always leave before a proposal runs.
    function setCooldown(uint8 trancheId, uint256 value) external onlyOwner validTranche(trancheId) {
        _setCooldown(trancheId, value);
    }

    /// @notice Sets a tranche's unstake window. It does not enter the exit-before-execution rule: the window opens
    /// when the cooldown ends, which the rule bounds; its length (at least MIN_UNSTAKE_WINDOW) is how long a
    /// depositor then has to withdraw.
    function setUnstakeWindow(uint8 trancheId, uint256 value) external onlyOwner validTranche(trancheId) {
        _setUnstakeWindow(trancheId, value);
    }

    function setRiskMultiplier(uint8 trancheId, uint256 value) external onlyOwner validTranche(trancheId) {
        _setRiskMultiplier(trancheId, value);
    }

    function setPremiumVestingPeriod(uint256 value) external onlyOwner {
        _checkBounds("premiumVestingPeriod", value, 0, MAX_VESTING_PERIOD);
        emit EventsLib.PremiumVestingPeriodSet(premiumVestingPeriod, value);
        premiumVestingPeriod = value;
    }

    function setStressLossRate(uint256 marketId, uint256 value) external onlyOwner {
        _checkBounds("stressLossRate", value, 0, MAX_STRESS_LOSS_RATE);
        emit EventsLib.StressLossRateSet(marketId, stressLossRate[marketId], value);
        stressLossRate[marketId] = value;
    }

    function setSolvencyThreshold(uint256 value) external onlyOwner {
        _checkBounds("solvencyThreshold", value, MIN_SOLVENCY_THRESHOLD, MAX_SOLVENCY_THRESHOLD);
        emit EventsLib.SolvencyThresholdSet(solvencyThreshold, value);
        solvencyThreshold = value;
    }

    function setGuardian(address newGuardian) external onlyOwner {
        emit EventsLib.GuardianSet(guardian, newGuardian);
        guardian = newGuardian;
    }

    /// @notice Restarts a wiped tranche in a new share epoch: what is left on its books, vested or still vesting, is
    /// settled on the pre-wipe holders (each claims its part), the share count starts again from zero and deposits
    /// reopen at the initial price. Reverts with `TrancheNotWiped` unless a loss took its share price under the floor.
    function startNewEpoch(uint8 trancheId) external onlyOwner validTranche(trancheId) {
        _tranches[trancheId].startNewEpoch();
    }

    function _setDepositCap(uint8 trancheId, uint256 cap) internal {
        emit EventsLib.DepositCapSet(trancheId, _params[trancheId].depositCap, cap);
        _params[trancheId].depositCap = cap;
    }

    function _setCooldown(uint8 trancheId, uint256 value) internal {
        _checkBounds("cooldown", value, 0, MAX_COOLDOWN);
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
        _checkBounds("unstakeWindow", value, MIN_UNSTAKE_WINDOW, MAX_UNSTAKE_WINDOW);
        emit EventsLib.UnstakeWindowSet(trancheId, _params[trancheId].unstakeWindow, value);
        _params[trancheId].unstakeWindow = value;
    }

    function _setRiskMultiplier(uint8 trancheId, uint256 value) internal {
        _checkBounds("riskMultiplier", value, MIN_RISK_MULTIPLIER, MAX_RISK_MULTIPLIER);
        emit EventsLib.RiskMultiplierSet(trancheId, _params[trancheId].riskMultiplier, value);
        _params[trancheId].riskMultiplier = value;
    }

    function _checkBounds(string memory name, uint256 value, uint256 min, uint256 max) internal pure {
        if (value < min || value > max) revert ErrorsLib.ParameterOutOfBounds(name, value, min, max);
    }
}
