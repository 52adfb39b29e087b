// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IBackstopModule} from "./interfaces/IBackstopModule.sol";
import {IClearinghouse} from "./interfaces/IClearinghouse.sol";
import {ErrorsLib} from "./libraries/ErrorsLib.sol";
import {EventsLib} from "./libraries/EventsLib.sol";
import {BoundsLib} from "./libraries/BoundsLib.sol";

/// @title RiskSteward
/// @notice Lets a keeper move a few risk parameters without a vote, in small steps governance sets: the tranches'
/// risk multipliers (the premium split) and the volatility the premium curve scales by. Each update stays within
/// ±`maxStep` of the value in force, at most once per `minInterval` per parameter, and inside the range governance
/// gave the parameter. Governance (the owner) sets all of these, names the keeper, can pause the steward, can set any
/// parameter itself at any time, and can revoke the steward on the module and the clearinghouse. After Aave's risk
/// stewards, fed by a risk oracle.
contract RiskSteward is Ownable {
    /// @notice Parameters 0–2 are the Junior, Mezzanine and Senior risk multipliers; this one is the premium volatility.
    uint8 public constant PREMIUM_VOLATILITY = 3;
    /// @notice How many parameters the steward moves.
    uint8 public constant PARAM_COUNT = 4;
    /// @notice The largest step governance may allow, as a wad fraction of the current value (50 %).
    uint256 public constant MAX_STEP_LIMIT = 0.5e18;
    /// @notice The shortest interval between two updates of one parameter governance may allow.
    uint256 public constant MIN_INTERVAL_LIMIT = 1 hours;
    /// @notice The longest interval governance may set.
    uint256 public constant MAX_INTERVAL_LIMIT = 30 days;
    uint256 internal constant WAD = 1e18;

    /// @notice A parameter's range, as wads.
    struct Bounds {
        uint128 min;
        uint128 max;
    }

    /// @notice The module whose risk multipliers the steward sets.
    IBackstopModule public immutable module;
    /// @notice The clearinghouse whose premium volatility the steward sets.
    IClearinghouse public immutable clearinghouse;
    /// @notice The only account that may update.
    address public keeper;
    /// @notice While paused, no update goes through.
    bool public paused;
    /// @notice The largest step, as a wad fraction of the value in force.
    uint64 public maxStep;
    /// @notice The shortest time between two updates of one parameter, in seconds.
    uint64 public minInterval;
    Bounds[PARAM_COUNT] internal _bounds;
    uint256[PARAM_COUNT] internal _lastUpdateAt;

    modifier validParam(uint8 param) {
        if (param >= PARAM_COUNT) revert ErrorsLib.UnknownStewardParameter(param);
        _;
    }

    /// @param module_ The backstop module.
    /// @param clearinghouse_ The clearinghouse.
    /// @param initialOwner Governance (the timelock), or the deployer until it hands over.
    /// @param keeper_ The keeper.
    /// @param maxStep_ The largest step, as a wad fraction.
    /// @param minInterval_ The shortest interval, in seconds.
    /// @param bounds_ Each parameter's range.
    constructor(
        IBackstopModule module_,
        IClearinghouse clearinghouse_,
        address initialOwner,
        address keeper_,
        uint256 maxStep_,
        uint256 minInterval_,
        Bounds[PARAM_COUNT] memory bounds_
    ) Ownable(initialOwner) {
        if (address(module_) == address(0) || address(clearinghouse_) == address(0)) revert ErrorsLib.ZeroAddress();
        module = module_;
        clearinghouse = clearinghouse_;
        _setKeeper(keeper_);
        _setLimits(maxStep_, minInterval_);
        for (uint8 i; i < PARAM_COUNT; ++i) {
            _setBounds(i, bounds_[i].min, bounds_[i].max);
        }
    }

    // ---------------------------------------------------------------- governance

    /// @notice Names the keeper (address 0: none). Owner only.
    function setKeeper(address keeper_) external onlyOwner {
        _setKeeper(keeper_);
    }

    /// @notice Pauses or resumes every update. Owner only.
    function setPaused(bool paused_) external onlyOwner {
        paused = paused_;
        emit EventsLib.StewardPausedSet(paused_);
    }

    /// @notice Sets how far (a wad fraction of the value in force, at most MAX_STEP_LIMIT) and how often (seconds,
    /// within [MIN_INTERVAL_LIMIT, MAX_INTERVAL_LIMIT]) the keeper may move each parameter. Owner only.
    function setLimits(uint256 maxStep_, uint256 minInterval_) external onlyOwner {
        _setLimits(maxStep_, minInterval_);
    }

    /// @notice Sets the range the keeper may move a parameter in; it must lie within the bounds the module or the
    /// clearinghouse itself enforces. Owner only.
    function setBounds(uint8 param, uint256 min, uint256 max) external onlyOwner validParam(param) {
        _setBounds(param, min, max);
    }

    // ---------------------------------------------------------------- keeper

    /// @notice Moves one parameter to `value`: within its range, within one step of the value in force, and no
    /// sooner than `minInterval` after the steward last moved it. Keeper only.
    /// @param param 0–2 a tranche's risk multiplier, 3 the premium volatility.
    /// @param value The new value, as a wad.
    function update(uint8 param, uint256 value) external validParam(param) {
        if (msg.sender != keeper) revert ErrorsLib.NotKeeper(msg.sender);
        if (paused) revert ErrorsLib.StewardPaused();
        Bounds memory b = _bounds[param];
        BoundsLib.check(_name(param), value, b.min, b.max);
        uint256 current = currentValue(param);
        uint256 step = Math.mulDiv(current, maxStep, WAD);
        uint256 move = value > current ? value - current : current - value;
        if (move > step) revert ErrorsLib.StewardStepTooLarge(param, current, value, step);
        uint256 next = nextUpdateAt(param);
        if (block.timestamp < next) revert ErrorsLib.StewardTooSoon(param, next);
        _lastUpdateAt[param] = block.timestamp;
        if (param == PREMIUM_VOLATILITY) clearinghouse.setPremiumVolatility(value);
        else module.setRiskMultiplier(param, value);
        emit EventsLib.StewardUpdate(param, current, value);
    }

    // ---------------------------------------------------------------- views

    /// @notice The parameter's value in force, read from the module or the clearinghouse.
    function currentValue(uint8 param) public view validParam(param) returns (uint256) {
        return param == PREMIUM_VOLATILITY ? clearinghouse.premiumVolatility() : module.riskMultiplier(param);
    }

    /// @notice The range the keeper may move the parameter in.
    function bounds(uint8 param) external view validParam(param) returns (Bounds memory) {
        return _bounds[param];
    }

    /// @notice When the steward last moved the parameter (unix seconds; 0: never).
    function lastUpdateAt(uint8 param) external view validParam(param) returns (uint256) {
        return _lastUpdateAt[param];
    }

    /// @notice The earliest time the keeper may move the parameter again (unix seconds).
    function nextUpdateAt(uint8 param) public view validParam(param) returns (uint256) {
        uint256 last = _lastUpdateAt[param];
        return last == 0 ? 0 : last + minInterval;
    }

    // ---------------------------------------------------------------- internal

    function _setKeeper(address keeper_) internal {
        emit EventsLib.StewardKeeperSet(keeper, keeper_);
        keeper = keeper_;
    }

    function _setLimits(uint256 maxStep_, uint256 minInterval_) internal {
        BoundsLib.check("maxStep", maxStep_, 0, MAX_STEP_LIMIT);
        BoundsLib.check("minInterval", minInterval_, MIN_INTERVAL_LIMIT, MAX_INTERVAL_LIMIT);
        maxStep = uint64(maxStep_);
        minInterval = uint64(minInterval_);
        emit EventsLib.StewardLimitsSet(maxStep_, minInterval_);
    }

    function _setBounds(uint8 param, uint256 min, uint256 max) internal {
        (uint256 floor, uint256 ceiling) = param == PREMIUM_VOLATILITY
            ? (clearinghouse.MIN_VOLATILITY(), clearinghouse.MAX_VOLATILITY())
            : (module.MIN_RISK_MULTIPLIER(), module.MAX_RISK_MULTIPLIER());
        BoundsLib.check("stewardMin", min, floor, ceiling);
        BoundsLib.check("stewardMax", max, min, ceiling);
        _bounds[param] = Bounds(uint128(min), uint128(max));
        emit EventsLib.StewardBoundsSet(param, min, max);
    }

    function _name(uint8 param) internal pure returns (bytes32) {
        if (param == 0) return "juniorRiskMultiplier";
        if (param == 1) return "mezzanineRiskMultiplier";
        if (param == 2) return "seniorRiskMultiplier";
        return "premiumVolatility";
    }
}
