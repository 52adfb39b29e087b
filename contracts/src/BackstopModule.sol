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
    uint256 public constant MAX_PROTOCOLS = 8;
    /// @inheritdoc IBackstopModule
    uint256 public constant MAX_PROTOCOL_NAME_LENGTH = 32;

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
    Protocol[] internal _protocols;
    /// @dev A registered clearinghouse's protocol id plus one; 0 for an address never registered.
    mapping(address clearinghouse => uint256) internal _protocolIdPlusOne;
    mapping(uint256 protocolId => mapping(uint256 marketId => uint256)) internal _stressLossRates;

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
        _addProtocol(clearinghouse_, "", type(uint256).max, WAD);
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
    function cover(uint256 marketId, uint256 shortfall) external returns (uint256 lossId, uint256 covered) {
        uint256 protocolId = _activeProtocolId(msg.sender);
        if (shortfall == 0) revert ErrorsLib.ZeroAmount();
        lossId = ++lossCount;
        emit EventsLib.CoverRequested(lossId, protocolId, msg.sender, marketId, shortfall);
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
        _takePremium(amount);
    }

    /// @inheritdoc IBackstopModule
    function payProtocolPremium(uint256 gross) external returns (uint256 paid) {
        if (gross == 0) revert ErrorsLib.ZeroAmount();
        uint256 idPlusOne = _protocolIdPlusOne[msg.sender];
        if (idPlusOne == 0) {
            _takePremium(gross);
            return gross;
        }
        Protocol storage p = _protocols[idPlusOne - 1];
        // Rounded up: splitting a premium into dust cannot round the backstop's part away.
        if (p.active) paid = Math.mulDiv(gross, p.premiumShare, WAD, Math.Rounding.Ceil);
        emit EventsLib.ProtocolPremiumPaid(idPlusOne - 1, gross, paid);
        if (paid > 0) _takePremium(paid);
    }

    /// @inheritdoc IBackstopModule
    function addProtocol(address clearinghouse_, string calldata name, uint256 exposureCap, uint256 premiumShare)
        external
        onlyOwner
        returns (uint256 protocolId)
    {
        if (clearinghouse == address(0)) revert ErrorsLib.NotInitialized();
        if (clearinghouse_ == address(0)) revert ErrorsLib.ZeroAddress();
        _checkProtocolName(name);
        return _addProtocol(clearinghouse_, name, exposureCap, premiumShare);
    }

    /// @inheritdoc IBackstopModule
    function removeProtocol(uint256 protocolId) external onlyOwner {
        Protocol storage p = _protocol(protocolId);
        if (!p.active) revert ErrorsLib.ProtocolNotActive(protocolId);
        p.active = false;
        emit EventsLib.ProtocolRemoved(protocolId, p.clearinghouse);
    }

    /// @inheritdoc IBackstopModule
    function suspendProtocol(uint256 protocolId) external {
        if (msg.sender != guardian && msg.sender != owner()) revert ErrorsLib.NotGuardianOrOwner(msg.sender);
        Protocol storage p = _protocol(protocolId);
        if (!p.active) revert ErrorsLib.ProtocolNotActive(protocolId);
        if (p.suspended) revert ErrorsLib.ProtocolIsSuspended(protocolId);
        p.suspended = true;
        emit EventsLib.ProtocolSuspended(protocolId, msg.sender);
    }

    /// @inheritdoc IBackstopModule
    function resumeProtocol(uint256 protocolId) external onlyOwner {
        Protocol storage p = _protocol(protocolId);
        if (!p.active) revert ErrorsLib.ProtocolNotActive(protocolId);
        if (!p.suspended) revert ErrorsLib.ProtocolNotSuspended(protocolId);
        p.suspended = false;
        emit EventsLib.ProtocolResumed(protocolId);
    }

    /// @inheritdoc IBackstopModule
    function setProtocolName(uint256 protocolId, string calldata name) external onlyOwner {
        Protocol storage p = _protocol(protocolId);
        _checkProtocolName(name);
        p.name = name;
        emit EventsLib.ProtocolNameSet(protocolId, name);
    }

    /// @inheritdoc IBackstopModule
    function setExposureCap(uint256 protocolId, uint256 cap) external onlyOwner {
        Protocol storage p = _protocol(protocolId);
        emit EventsLib.ExposureCapSet(protocolId, p.exposureCap, cap);
        p.exposureCap = cap;
    }

    /// @inheritdoc IBackstopModule
    function setPremiumShare(uint256 protocolId, uint256 share) external onlyOwner {
        Protocol storage p = _protocol(protocolId);
        _setPremiumShare(protocolId, p, share);
    }

    /// @inheritdoc IBackstopModule
    function setProtocolStressLossRate(uint256 protocolId, uint256 marketId, uint256 value) external onlyOwner {
        _protocol(protocolId);
        _setStressLossRate(protocolId, marketId, value);
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
        _setStressLossRate(0, marketId, value);
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
        (required,) = _requiredCapital(address(0));
    }

    /// @inheritdoc IBackstopRiskView
    function solvencyRatio() external view returns (uint256) {
        return _solvencyRatio(requiredCapital());
    }

    /// @inheritdoc IBackstopRiskView
    function protocolRisk(address clearinghouse_)
        external
        view
        returns (uint256 ratio, bool active, uint256 exposure, uint256 cap)
    {
        uint256 required;
        (required, exposure) = _requiredCapital(clearinghouse_);
        ratio = _solvencyRatio(required);
        uint256 idPlusOne = _protocolIdPlusOne[clearinghouse_];
        if (idPlusOne == 0) return (ratio, false, exposure, 0);
        Protocol storage p = _protocols[idPlusOne - 1];
        return (ratio, p.active && !p.suspended, exposure, p.exposureCap);
    }

    /// @inheritdoc IBackstopModule
    function stressLossRate(uint256 marketId) external view returns (uint256) {
        return _stressLossRates[0][marketId];
    }

    /// @inheritdoc IBackstopModule
    function protocolStressLossRate(uint256 protocolId, uint256 marketId) external view returns (uint256) {
        return _stressLossRates[protocolId][marketId];
    }

    /// @inheritdoc IBackstopModule
    function protocolCount() external view returns (uint256) {
        return _protocols.length;
    }

    /// @inheritdoc IBackstopModule
    function protocol(uint256 protocolId) external view returns (Protocol memory) {
        return _protocol(protocolId);
    }

    /// @inheritdoc IBackstopModule
    function protocolSuspended(uint256 protocolId) external view returns (bool) {
        return _protocol(protocolId).suspended;
    }

    /// @inheritdoc IBackstopModule
    function protocolIdOf(address clearinghouse_) external view returns (uint256) {
        uint256 idPlusOne = _protocolIdPlusOne[clearinghouse_];
        if (idPlusOne == 0) revert ErrorsLib.NotClearinghouse(clearinghouse_);
        return idPlusOne - 1;
    }

    /// @inheritdoc IBackstopModule
    function protocolExposure(uint256 protocolId) external view returns (uint256) {
        return _exposure(protocolId, _protocol(protocolId).clearinghouse);
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

    function _takePremium(uint256 amount) internal {
        asset.safeTransferFrom(msg.sender, address(this), amount);
        totalPremiums += amount;
        emit EventsLib.PremiumPaid(msg.sender, amount);
        _distribute(amount, amount + undistributedPremium);
    }

    function _addProtocol(address clearinghouse_, string memory name, uint256 exposureCap, uint256 premiumShare)
        internal
        returns (uint256 protocolId)
    {
        protocolId = _protocols.length;
        if (protocolId >= MAX_PROTOCOLS) revert ErrorsLib.TooManyProtocols(MAX_PROTOCOLS);
        uint256 existing = _protocolIdPlusOne[clearinghouse_];
        if (existing != 0) revert ErrorsLib.ProtocolAlreadyRegistered(clearinghouse_, existing - 1);
        Protocol storage p = _protocols.push();
        p.clearinghouse = clearinghouse_;
        p.active = true;
        p.name = name;
        p.exposureCap = exposureCap;
        _protocolIdPlusOne[clearinghouse_] = protocolId + 1;
        emit EventsLib.ProtocolAdded(protocolId, clearinghouse_, name, exposureCap);
        _setPremiumShare(protocolId, p, premiumShare);
    }

    function _setPremiumShare(uint256 protocolId, Protocol storage p, uint256 share) internal {
        BoundsLib.check("premiumShare", share, 0, WAD);
        emit EventsLib.PremiumShareSet(protocolId, p.premiumShare, share);
        p.premiumShare = share;
    }

    function _setStressLossRate(uint256 protocolId, uint256 marketId, uint256 value) internal {
        BoundsLib.check("stressLossRate", value, 0, MAX_STRESS_LOSS_RATE);
        uint256 old = _stressLossRates[protocolId][marketId];
        // Protocol 0 keeps the event it always had, so readers of a single-protocol backstop see no change.
        if (protocolId == 0) emit EventsLib.StressLossRateSet(marketId, old, value);
        else emit EventsLib.ProtocolStressLossRateSet(protocolId, marketId, old, value);
        _stressLossRates[protocolId][marketId] = value;
    }

    /// @dev Printable ASCII only, 1 to MAX_PROTOCOL_NAME_LENGTH bytes: the name is shown to depositors as is.
    function _checkProtocolName(string memory name) internal pure {
        bytes memory b = bytes(name);
        BoundsLib.check("protocolNameLength", b.length, 1, MAX_PROTOCOL_NAME_LENGTH);
        for (uint256 i; i < b.length; ++i) {
            if (b[i] < 0x20 || b[i] > 0x7e) revert ErrorsLib.InvalidProtocolName(name);
        }
    }

    function _protocol(uint256 protocolId) internal view returns (Protocol storage) {
        if (protocolId >= _protocols.length) revert ErrorsLib.UnknownProtocol(protocolId);
        return _protocols[protocolId];
    }

    /// @dev The caller's protocol id; only an active protocol that is not suspended may draw on the waterfall.
    function _activeProtocolId(address caller) internal view returns (uint256 protocolId) {
        uint256 idPlusOne = _protocolIdPlusOne[caller];
        if (idPlusOne == 0) revert ErrorsLib.NotClearinghouse(caller);
        protocolId = idPlusOne - 1;
        Protocol storage p = _protocols[protocolId];
        if (!p.active) revert ErrorsLib.NotClearinghouse(caller);
        if (p.suspended) revert ErrorsLib.ProtocolIsSuspended(protocolId);
    }

    /// @dev Σ over active, unsuspended protocols of their exposure, and the exposure of `target` (whatever its state)
    /// on the way. No other protocol's clearinghouse is called: one that reverts stops blocking once suspended.
    function _requiredCapital(address target) internal view returns (uint256 required, uint256 targetExposure) {
        uint256 count = _protocols.length;
        for (uint256 id; id < count; ++id) {
            Protocol storage p = _protocols[id];
            address source = p.clearinghouse;
            bool counted = p.active && !p.suspended;
            if (!counted && source != target) continue;
            uint256 exposure = _exposure(id, source);
            if (counted) required += exposure;
            if (source == target) targetExposure = exposure;
        }
    }

    /// @dev Σ over the protocol's markets of open interest (both sides, at the oracle price) × its stress loss rate.
    function _exposure(uint256 protocolId, address source) internal view returns (uint256 exposure) {
        uint256 count = IOpenInterestSource(source).marketCount();
        mapping(uint256 => uint256) storage rates = _stressLossRates[protocolId];
        for (uint256 m; m < count; ++m) {
            (uint256 longNotional, uint256 shortNotional) = IOpenInterestSource(source).openInterestNotional(m);
            exposure += Math.mulDiv(longNotional + shortNotional, rates[m], WAD);
        }
    }

    function _solvencyRatio(uint256 required) internal view returns (uint256) {
        if (required == 0) return type(uint256).max;
        return Math.mulDiv(totalCapital(), WAD, required);
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
