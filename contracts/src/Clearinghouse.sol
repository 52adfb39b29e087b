// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {AggregatorV3Interface} from "@chainlink/contracts/src/v0.8/shared/interfaces/AggregatorV3Interface.sol";
import {IBackstopModule} from "./interfaces/IBackstopModule.sol";
import {IClearinghouse} from "./interfaces/IClearinghouse.sol";
import {IOpenInterestSource} from "./interfaces/IOpenInterestSource.sol";
import {IBackstopRiskView} from "./interfaces/IBackstopRiskView.sol";
import {ErrorsLib} from "./libraries/ErrorsLib.sol";
import {EventsLib} from "./libraries/EventsLib.sol";
import {BoundsLib} from "./libraries/BoundsLib.sol";
import {PremiumCurveLib} from "./libraries/PremiumCurveLib.sol";

/// @title Clearinghouse
/// @notice A small perpetual-futures venue with isolated margin per (trader, market). It is the counterparty of every
/// position, paying profits from its house liquidity. Anyone may liquidate a position below maintenance margin at the
/// oracle price less a square-root slippage; negative equity after the close is covered by the backstop module in the
/// same transaction. A premium on traded notional is paid to the module: each market's base rate times a multiplier
/// that follows the backstop's utilisation and market volatility (PremiumCurveLib).
/// Margin grows with size (it covers the position's own liquidation slippage), the slippage a liquidation charges is
/// limited to the equity left at the mark (the backstop pays only what the price move itself lost), new positions are
/// refused while the backstop is below its solvency threshold, and once the deployer has handed over ownership every
/// change that could expose depositors to a new oracle or looser margins waits out the longest exit first.
contract Clearinghouse is IClearinghouse, Ownable {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using SafeCast for int256;

    struct Market {
        string name;
        AggregatorV3Interface oracle;
        uint64 oracleMaxAge; // seconds, in the oracle's slot; a price older than min(this, maxPriceAge) is refused
        uint8 oracleDecimals; // read once when the feed is set (Chainlink feeds never change theirs)
        MarketParams params;
        uint256 longOpenInterest; // base units, 18 decimals
        uint256 shortOpenInterest;
    }

    /// @dev What a staged change does once its delay has passed.
    enum MarketChangeKind {
        AddMarket,
        SetOracle,
        SetParams,
        SetSequencerUptimeFeed
    }

    struct PendingChange {
        uint64 announcedAt;
        uint64 readyAt;
    }

    /// @dev A liquidation's prices and outcome.
    struct Settlement {
        uint256 markPrice;
        uint256 notional;
        uint256 executionPrice;
        int256 equity;
    }

    uint256 internal constant WAD = 1e18;
    /// @inheritdoc IClearinghouse
    uint256 public constant MAX_SLIPPAGE = 0.5e18;
    /// @inheritdoc IClearinghouse
    uint256 public constant MAX_FEE_RATE = 0.01e18;
    /// @inheritdoc IClearinghouse
    uint256 public constant MIN_MAINTENANCE_MARGIN_RATE = 0.005e18;
    /// @inheritdoc IClearinghouse
    uint256 public constant MAX_MARGIN_RATE = 1e18;
    /// @inheritdoc IClearinghouse
    uint256 public constant MAX_LIQUIDATION_IMPACT = 1e18;
    /// @inheritdoc IClearinghouse
    uint256 public constant MIN_PRICE_AGE = 1 minutes;
    /// @inheritdoc IClearinghouse
    uint256 public constant MAX_PRICE_AGE = 7 days;
    /// @inheritdoc IClearinghouse
    uint256 public constant MAX_SEQUENCER_GRACE_PERIOD = 1 days;
    /// @inheritdoc IClearinghouse
    uint256 public constant MARKET_CHANGE_MARGIN = 1 days;
    /// @inheritdoc IClearinghouse
    uint256 public constant MAX_BAD_DEBT_REWARD_UNITS = 10_000;

    /// @inheritdoc IClearinghouse
    uint256 public constant MIN_KINK = 0.05e18;
    /// @inheritdoc IClearinghouse
    uint256 public constant MAX_KINK = 0.95e18;
    /// @inheritdoc IClearinghouse
    uint256 public constant MAX_SLOPE1 = 10e18;
    /// @inheritdoc IClearinghouse
    uint256 public constant MAX_SLOPE2 = 18e18;
    /// @inheritdoc IClearinghouse
    uint256 public constant MIN_VOLATILITY = 0.05e18;
    /// @inheritdoc IClearinghouse
    uint256 public constant MAX_VOLATILITY = 5e18;

    /// @inheritdoc IClearinghouse
    IERC20 public immutable asset;
    /// @inheritdoc IClearinghouse
    IBackstopModule public immutable module;
    /// @dev 10**(36 − asset decimals): converts base size (1e18) × price (wad) into asset units.
    uint256 internal immutable _notionalScale;
    /// @dev 10**asset decimals.
    uint256 internal immutable _unit;

    Market[] internal _markets;
    mapping(address trader => mapping(uint256 marketId => Position)) internal _positions;
    /// @inheritdoc IClearinghouse
    uint256 public totalMargin;
    // One slot, as every open and liquidation reads all three.
    /// @inheritdoc IClearinghouse
    AggregatorV3Interface public sequencerUptimeFeed;
    /// @dev Global ceiling on price age (seconds); each market's own `oracleMaxAge` may be shorter.
    uint64 internal _maxPriceAge;
    /// @dev Bad-debt keeper reward ceiling in whole asset units.
    uint32 internal _maxBadDebtRewardUnits;
    /// @inheritdoc IClearinghouse
    uint256 public sequencerGracePeriod;
    /// @inheritdoc IClearinghouse
    bool public launched;
    /// @inheritdoc IClearinghouse
    uint256 public marketChangeNonce;
    /// @inheritdoc IClearinghouse
    mapping(bytes32 changeId => PendingChange) public pendingMarketChanges;
    PremiumCurveLib.Curve internal _premiumCurve;
    // One slot: every open writes the utilisation it measured, every close prices at it.
    uint64 internal _premiumVolatility;
    uint64 internal _utilisation;
    uint40 internal _utilisationAt;
    /// @inheritdoc IClearinghouse
    address public riskSteward;
    /// @inheritdoc IClearinghouse
    uint256 public retainedPremium;

    constructor(IERC20 asset_, IBackstopModule module_, address initialOwner) Ownable(initialOwner) {
        if (address(asset_) == address(0) || address(module_) == address(0)) revert ErrorsLib.ZeroAddress();
        asset = asset_;
        module = module_;
        uint8 decimals = IERC20Metadata(address(asset_)).decimals();
        _notionalScale = 10 ** (36 - decimals);
        _unit = 10 ** decimals;
        _maxPriceAge = uint64(1 days);
        _maxBadDebtRewardUnits = 1_000;
        // Flat until governance sets a curve: every utilisation pays the markets' base rates.
        _premiumCurve = PremiumCurveLib.Curve({kink: 0.8e18, slope1: 0, slope2: 0, referenceVolatility: 0.5e18});
        _premiumVolatility = 0.5e18;
    }

    // ---------------------------------------------------------------- external and public: state-changing

    /// @inheritdoc IClearinghouse
    function addMarket(string calldata name, AggregatorV3Interface oracle, MarketParams calldata params, uint256 oracleMaxAge)
        external
        onlyOwner
    {
        _checkOracle(oracle, oracleMaxAge);
        _checkParams(params);
        if (!launched) return _addMarket(name, oracle, params, oracleMaxAge);
        _announce(MarketChangeKind.AddMarket, abi.encode(name, oracle, params, oracleMaxAge));
    }

    /// @inheritdoc IClearinghouse
    function setMarketOracle(uint256 marketId, AggregatorV3Interface oracle, uint256 oracleMaxAge) external onlyOwner {
        _market(marketId);
        _checkOracle(oracle, oracleMaxAge);
        if (!launched) return _setMarketOracle(marketId, oracle, oracleMaxAge);
        _announce(MarketChangeKind.SetOracle, abi.encode(marketId, oracle, oracleMaxAge));
    }

    /// @inheritdoc IClearinghouse
    function setMarketParams(uint256 marketId, MarketParams calldata params) external onlyOwner {
        Market storage m = _market(marketId);
        _checkParams(params);
        if (!launched || _onlyTightens(m.params, params)) return _setMarketParams(marketId, params);
        _announce(MarketChangeKind.SetParams, abi.encode(marketId, params));
    }

    /// @inheritdoc IClearinghouse
    function setSequencerUptimeFeed(AggregatorV3Interface feed, uint256 gracePeriod) external onlyOwner {
        BoundsLib.check("sequencerGracePeriod", gracePeriod, 0, MAX_SEQUENCER_GRACE_PERIOD);
        if (!launched) return _setSequencerUptimeFeed(feed, gracePeriod);
        _announce(MarketChangeKind.SetSequencerUptimeFeed, abi.encode(feed, gracePeriod));
    }

    /// @inheritdoc IClearinghouse
    function executeMarketChange(uint256 nonce, bytes calldata action) external {
        bytes32 id = keccak256(abi.encode(nonce, action));
        PendingChange memory c = pendingMarketChanges[id];
        if (c.readyAt == 0) revert ErrorsLib.UnknownMarketChange(id);
        // A cooldown raised since the announcement lengthens the wait too.
        uint256 readyAt = Math.max(c.readyAt, c.announcedAt + marketChangeDelay());
        if (block.timestamp < readyAt) revert ErrorsLib.MarketChangeNotReady(id, readyAt);
        delete pendingMarketChanges[id];
        (MarketChangeKind kind, bytes memory args) = abi.decode(action, (MarketChangeKind, bytes));
        if (kind == MarketChangeKind.AddMarket) {
            (string memory name, AggregatorV3Interface oracle, MarketParams memory params, uint256 age) =
                abi.decode(args, (string, AggregatorV3Interface, MarketParams, uint256));
            _addMarket(name, oracle, params, age);
        } else if (kind == MarketChangeKind.SetOracle) {
            (uint256 marketId, AggregatorV3Interface oracle, uint256 age) =
                abi.decode(args, (uint256, AggregatorV3Interface, uint256));
            _setMarketOracle(marketId, oracle, age);
        } else if (kind == MarketChangeKind.SetParams) {
            (uint256 marketId, MarketParams memory params) = abi.decode(args, (uint256, MarketParams));
            _setMarketParams(marketId, params);
        } else {
            (AggregatorV3Interface feed, uint256 grace) = abi.decode(args, (AggregatorV3Interface, uint256));
            _setSequencerUptimeFeed(feed, grace);
        }
        emit EventsLib.MarketChangeExecuted(id, msg.sender);
    }

    /// @inheritdoc IClearinghouse
    function cancelMarketChange(bytes32 changeId) external {
        if (msg.sender != owner() && msg.sender != IBackstopRiskView(address(module)).guardian()) {
            revert ErrorsLib.NotGuardianOrOwner(msg.sender);
        }
        if (pendingMarketChanges[changeId].readyAt == 0) revert ErrorsLib.UnknownMarketChange(changeId);
        delete pendingMarketChanges[changeId];
        emit EventsLib.MarketChangeCancelled(changeId, msg.sender);
    }

    /// @inheritdoc IClearinghouse
    function setMaxPriceAge(uint256 value) external onlyOwner {
        BoundsLib.check("maxPriceAge", value, MIN_PRICE_AGE, MAX_PRICE_AGE);
        emit EventsLib.MaxPriceAgeSet(_maxPriceAge, value);
        _maxPriceAge = uint64(value);
    }

    /// @inheritdoc IClearinghouse
    function setMaxBadDebtReward(uint256 wholeUnits) external onlyOwner {
        BoundsLib.check("maxBadDebtReward", wholeUnits, 0, MAX_BAD_DEBT_REWARD_UNITS);
        emit EventsLib.MaxBadDebtRewardSet(maxBadDebtReward(), wholeUnits * _unit);
        _maxBadDebtRewardUnits = uint32(wholeUnits);
    }

    /// @inheritdoc IClearinghouse
    function setPremiumCurve(PremiumCurveLib.Curve calldata curve) external onlyOwner {
        BoundsLib.check("kink", curve.kink, MIN_KINK, MAX_KINK);
        BoundsLib.check("slope1", curve.slope1, 0, MAX_SLOPE1);
        BoundsLib.check("slope2", curve.slope2, 0, MAX_SLOPE2);
        BoundsLib.check("referenceVolatility", curve.referenceVolatility, MIN_VOLATILITY, MAX_VOLATILITY);
        _premiumCurve = curve;
        emit EventsLib.PremiumCurveSet(curve.kink, curve.slope1, curve.slope2, curve.referenceVolatility);
    }

    /// @inheritdoc IClearinghouse
    function setPremiumVolatility(uint256 volatility) external {
        if (msg.sender != owner() && msg.sender != riskSteward) revert ErrorsLib.NotOwnerOrRiskSteward(msg.sender);
        BoundsLib.check("premiumVolatility", volatility, MIN_VOLATILITY, MAX_VOLATILITY);
        emit EventsLib.PremiumVolatilitySet(msg.sender, _premiumVolatility, volatility);
        _premiumVolatility = uint64(volatility);
    }

    /// @inheritdoc IClearinghouse
    function setRiskSteward(address steward) external onlyOwner {
        emit EventsLib.RiskStewardSet(riskSteward, steward);
        riskSteward = steward;
    }

    /// @inheritdoc IClearinghouse
    function refreshUtilisation() external returns (uint256) {
        (uint256 u,) = _measureUtilisation(false);
        return u;
    }

    /// @inheritdoc IClearinghouse
    function fundHouse(uint256 amount) external {
        if (amount == 0) revert ErrorsLib.ZeroAmount();
        asset.safeTransferFrom(msg.sender, address(this), amount);
        emit EventsLib.HouseFunded(msg.sender, amount);
    }

    /// @inheritdoc IClearinghouse
    function openPosition(uint256 marketId, bool isLong, uint256 size, uint256 margin) external {
        Market storage m = _market(marketId);
        if (size == 0 || margin == 0) revert ErrorsLib.ZeroAmount();
        Position storage p = _positions[msg.sender][marketId];
        if (p.size != 0) revert ErrorsLib.PositionAlreadyOpen(msg.sender, marketId);
        _requireSequencerUp();
        uint256 price = _price(marketId, m);
        uint256 notional = _notional(size, price);
        uint256 required = initialMargin(marketId, notional);
        if (margin < required) revert ErrorsLib.InsufficientMargin(required, margin);

        _positions[msg.sender][marketId] = Position(size, isLong, price, margin);
        totalMargin += margin;
        if (isLong) m.longOpenInterest += size;
        else m.shortOpenInterest += size;
        // Measured with this position's open interest in: a trader pays for the utilisation they add.
        (, uint256 multiplier) = _measureUtilisation(true);
        uint256 fee = Math.mulDiv(notional, PremiumCurveLib.rate(m.params.feeRate, multiplier), WAD);
        asset.safeTransferFrom(msg.sender, address(this), margin + fee);
        _payPremium(fee);
        emit EventsLib.PositionOpened(msg.sender, marketId, isLong, size, price, margin, fee);
    }

    /// @inheritdoc IClearinghouse
    function closePosition(uint256 marketId) external {
        Market storage m = _market(marketId);
        Position memory p = _position(msg.sender, marketId);
        uint256 price = _price(marketId, m);
        int256 pnl = _pnl(p, price);
        uint256 fee = Math.mulDiv(_notional(p.size, price), _premiumRate(m.params.feeRate), WAD);
        int256 equity = p.margin.toInt256() + pnl - fee.toInt256();
        if (equity < 0) revert ErrorsLib.NegativeEquity(equity);
        uint256 payout = uint256(equity);

        _removePosition(m, msg.sender, marketId, p);
        uint256 available = houseLiquidity();
        // Margin is already off the books: the house pays the payout and the fee from what it holds.
        if (payout + fee > available) revert ErrorsLib.InsufficientHouseLiquidity(payout + fee, available);
        _payPremium(fee);
        asset.safeTransfer(msg.sender, payout);
        emit EventsLib.PositionClosed(msg.sender, marketId, price, pnl, fee, payout);
    }

    /// @inheritdoc IClearinghouse
    function addMargin(uint256 marketId, uint256 amount) external {
        _market(marketId);
        if (amount == 0) revert ErrorsLib.ZeroAmount();
        Position storage p = _positions[msg.sender][marketId];
        if (p.size == 0) revert ErrorsLib.NoPosition(msg.sender, marketId);
        asset.safeTransferFrom(msg.sender, address(this), amount);
        p.margin += amount;
        totalMargin += amount;
        emit EventsLib.MarginChanged(msg.sender, marketId, amount.toInt256(), p.margin);
    }

    /// @inheritdoc IClearinghouse
    function liquidate(address trader, uint256 marketId) external returns (uint256 shortfall) {
        Market storage m = _market(marketId);
        Position memory p = _position(trader, marketId);
        _requireSequencerUp();
        Settlement memory s = _liquidationSettlement(marketId, m, p);
        _removePosition(m, trader, marketId, p);

        uint256 lossId;
        if (s.equity < 0) {
            shortfall = uint256(-s.equity);
            (lossId,) = module.cover(marketId, shortfall);
            // At most half the margin the trader forfeited, so liquidating one's own position never pays; the house
            // holds that margin now, so the backstop pays nothing towards it.
            uint256 reward = Math.min(
                Math.min(Math.mulDiv(s.notional, m.params.liquidationFeeRate, WAD), p.margin / 2), maxBadDebtReward()
            );
            // No event of its own (gas): the token's Transfer to the liquidator in this transaction shows it.
            if (reward > 0) asset.safeTransfer(msg.sender, reward);
        } else {
            uint256 equity = uint256(s.equity);
            // The position's margin is off the books, so this is what the house holds; other traders' margin is
            // never paid out (equity can exceed margin only if governance raised maintenance on a winning position).
            uint256 available = houseLiquidity();
            if (equity > available) revert ErrorsLib.InsufficientHouseLiquidity(equity, available);
            uint256 reward = Math.min(equity, Math.mulDiv(s.notional, m.params.liquidationFeeRate, WAD));
            if (reward > 0) asset.safeTransfer(msg.sender, reward);
            if (equity > reward) asset.safeTransfer(trader, equity - reward);
        }
        emit EventsLib.Liquidation(
            trader, marketId, msg.sender, p.size, p.isLong, s.markPrice, s.executionPrice, s.equity, shortfall, lossId
        );
    }

    // ---------------------------------------------------------------- external and public: views

    /// @inheritdoc IClearinghouse
    function marketChangeDelay() public view returns (uint256 delay) {
        for (uint8 i; i < 3; ++i) {
            delay = Math.max(delay, module.cooldown(i) + module.unstakeWindow(i));
        }
        delay += MARKET_CHANGE_MARGIN;
    }

    /// @inheritdoc IClearinghouse
    function maxPriceAge() external view returns (uint256) {
        return _maxPriceAge;
    }

    /// @inheritdoc IClearinghouse
    function maxBadDebtReward() public view returns (uint256) {
        return _maxBadDebtRewardUnits * _unit;
    }

    /// @inheritdoc IClearinghouse
    function premiumCurve() external view returns (PremiumCurveLib.Curve memory) {
        return _premiumCurve;
    }

    /// @inheritdoc IClearinghouse
    function premiumVolatility() external view returns (uint256) {
        return _premiumVolatility;
    }

    /// @inheritdoc IClearinghouse
    function utilisation() external view returns (uint256, uint256) {
        return (_utilisation, _utilisationAt);
    }

    /// @inheritdoc IClearinghouse
    function premiumMultiplierAt(uint256 utilisation_) public view returns (uint256) {
        return PremiumCurveLib.multiplier(_premiumCurve, utilisation_, _premiumVolatility);
    }

    /// @inheritdoc IClearinghouse
    function premiumRate(uint256 marketId) external view returns (uint256) {
        return _premiumRate(_market(marketId).params.feeRate);
    }

    /// @inheritdoc IClearinghouse
    function houseLiquidity() public view returns (uint256) {
        return asset.balanceOf(address(this)) - totalMargin;
    }

    /// @inheritdoc IClearinghouse
    function initialMargin(uint256 marketId, uint256 notional) public view returns (uint256) {
        MarketParams storage params = _market(marketId).params;
        uint256 slip = _slippage(params, notional);
        uint256 excess = slip > params.maintenanceMarginRate ? slip - params.maintenanceMarginRate : 0;
        return Math.mulDiv(notional, params.initialMarginRate + excess, WAD, Math.Rounding.Ceil);
    }

    /// @inheritdoc IClearinghouse
    function maintenanceMargin(uint256 marketId, uint256 notional) public view returns (uint256) {
        MarketParams storage params = _market(marketId).params;
        return Math.mulDiv(notional, Math.max(params.maintenanceMarginRate, _slippage(params, notional)), WAD);
    }

    /// @inheritdoc IClearinghouse
    function liquidationPrice(uint256 marketId, bool isLong, uint256 markPrice, uint256 notional)
        public
        view
        returns (uint256)
    {
        uint256 slip = liquidationSlippage(marketId, notional);
        return isLong ? Math.mulDiv(markPrice, WAD - slip, WAD) : Math.mulDiv(markPrice, WAD + slip, WAD);
    }

    /// @inheritdoc IClearinghouse
    function liquidationSlippage(uint256 marketId, uint256 notional) public view returns (uint256) {
        return _slippage(_market(marketId).params, notional);
    }

    /// @inheritdoc IOpenInterestSource
    function marketCount() external view returns (uint256) {
        return _markets.length;
    }

    /// @inheritdoc IClearinghouse
    function market(uint256 marketId)
        external
        view
        returns (string memory name, address oracle, MarketParams memory params, uint256 longOI, uint256 shortOI)
    {
        Market storage m = _market(marketId);
        return (m.name, address(m.oracle), m.params, m.longOpenInterest, m.shortOpenInterest);
    }

    /// @inheritdoc IClearinghouse
    function positionOf(address trader, uint256 marketId) external view returns (Position memory) {
        return _positions[trader][marketId];
    }

    /// @inheritdoc IClearinghouse
    function oraclePrice(uint256 marketId) public view returns (uint256 price, uint256 updatedAt) {
        Market storage m = _market(marketId);
        (, int256 answer,, uint256 at,) = m.oracle.latestRoundData();
        if (answer <= 0) return (0, at);
        return (_toWad(uint256(answer), m.oracleDecimals), at);
    }

    /// @inheritdoc IClearinghouse
    function priceMaxAge(uint256 marketId) public view returns (uint256) {
        return Math.min(_market(marketId).oracleMaxAge, _maxPriceAge);
    }

    /// @inheritdoc IOpenInterestSource
    function openInterestNotional(uint256 marketId) external view returns (uint256 longNotional, uint256 shortNotional) {
        Market storage m = _market(marketId);
        (uint256 price,) = oraclePrice(marketId);
        return (_notional(m.longOpenInterest, price), _notional(m.shortOpenInterest, price));
    }

    /// @inheritdoc IClearinghouse
    function accountHealth(address trader, uint256 marketId) external view returns (int256 equity, uint256 maintenance) {
        Market storage m = _market(marketId);
        Position memory p = _positions[trader][marketId];
        if (p.size == 0) return (0, 0);
        (uint256 price,) = oraclePrice(marketId);
        equity = p.margin.toInt256() + _pnl(p, price);
        uint256 notional = _notional(p.size, price);
        maintenance = Math.mulDiv(notional, Math.max(m.params.maintenanceMarginRate, _slippage(m.params, notional)), WAD);
    }

    // ---------------------------------------------------------------- internal and private

    function _announce(MarketChangeKind kind, bytes memory args) internal {
        uint256 nonce = ++marketChangeNonce;
        bytes memory action = abi.encode(kind, args);
        bytes32 id = keccak256(abi.encode(nonce, action));
        uint256 readyAt = block.timestamp + marketChangeDelay();
        pendingMarketChanges[id] = PendingChange(uint64(block.timestamp), uint64(readyAt));
        emit EventsLib.MarketChangeAnnounced(id, nonce, uint8(kind), action, readyAt);
    }

    function _addMarket(string memory name, AggregatorV3Interface oracle, MarketParams memory params, uint256 age)
        internal
    {
        uint256 marketId = _markets.length;
        Market storage m = _markets.push();
        m.name = name;
        emit EventsLib.MarketAdded(marketId, name, address(oracle));
        _setMarketOracle(marketId, oracle, age);
        _setMarketParams(marketId, params);
    }

    function _setMarketOracle(uint256 marketId, AggregatorV3Interface oracle, uint256 age) internal {
        Market storage m = _markets[marketId];
        m.oracle = oracle;
        m.oracleMaxAge = uint64(age);
        m.oracleDecimals = oracle.decimals();
        emit EventsLib.MarketOracleSet(marketId, address(oracle), age);
    }

    function _setSequencerUptimeFeed(AggregatorV3Interface feed, uint256 gracePeriod) internal {
        sequencerUptimeFeed = feed;
        sequencerGracePeriod = gracePeriod;
        emit EventsLib.SequencerUptimeFeedSet(address(feed), gracePeriod);
    }

    function _checkOracle(AggregatorV3Interface oracle, uint256 age) internal pure {
        if (address(oracle) == address(0)) revert ErrorsLib.ZeroAddress();
        BoundsLib.check("oracleMaxAge", age, MIN_PRICE_AGE, MAX_PRICE_AGE);
    }

    function _onlyTightens(MarketParams storage a, MarketParams calldata b) internal view returns (bool) {
        return b.initialMarginRate >= a.initialMarginRate && b.maintenanceMarginRate >= a.maintenanceMarginRate
            && b.liquidationFeeRate >= a.liquidationFeeRate && b.liquidationImpact >= a.liquidationImpact
            && b.liquidityDepth <= a.liquidityDepth;
    }

    function _checkParams(MarketParams memory p) internal pure {
        BoundsLib.check("maintenanceMarginRate", p.maintenanceMarginRate, MIN_MAINTENANCE_MARGIN_RATE, MAX_MARGIN_RATE);
        BoundsLib.check("initialMarginRate", p.initialMarginRate, p.maintenanceMarginRate, MAX_MARGIN_RATE);
        BoundsLib.check("feeRate", p.feeRate, 0, MAX_FEE_RATE);
        BoundsLib.check("liquidationFeeRate", p.liquidationFeeRate, 0, p.maintenanceMarginRate);
        BoundsLib.check("liquidationImpact", p.liquidationImpact, 0, MAX_LIQUIDATION_IMPACT);
        BoundsLib.check("liquidityDepth", p.liquidityDepth, 1, type(uint128).max);
    }

    /// @dev The first transfer (in the constructor) sets the deployer; any later one ends the bootstrap.
    function _transferOwnership(address newOwner) internal override {
        if (owner() != address(0)) launched = true;
        super._transferOwnership(newOwner);
    }

    function _setMarketParams(uint256 marketId, MarketParams memory p) internal {
        _checkParams(p);
        _markets[marketId].params = p;
        emit EventsLib.MarketParametersSet(
            marketId,
            p.initialMarginRate,
            p.maintenanceMarginRate,
            p.feeRate,
            p.liquidationFeeRate,
            p.liquidationImpact,
            p.liquidityDepth
        );
    }

    function _liquidationSettlement(uint256 marketId, Market storage m, Position memory p)
        internal
        view
        returns (Settlement memory s)
    {
        s.markPrice = _price(marketId, m);
        s.notional = _notional(p.size, s.markPrice);
        int256 markEquity = p.margin.toInt256() + _pnl(p, s.markPrice);
        uint256 slip = _slippage(m.params, s.notional);
        uint256 maintenance = Math.mulDiv(s.notional, Math.max(m.params.maintenanceMarginRate, slip), WAD);
        if (markEquity >= maintenance.toInt256()) revert ErrorsLib.NotLiquidatable(markEquity, maintenance);
        s.executionPrice = p.isLong ? Math.mulDiv(s.markPrice, WAD - slip, WAD) : Math.mulDiv(s.markPrice, WAD + slip, WAD);
        s.equity = p.margin.toInt256() + _pnl(p, s.executionPrice);
        if (s.equity >= 0) return s;
        // The slippage is the house's price for taking the position over; it is never charged beyond the equity
        // left at the mark, so it cannot turn into a draw on the backstop.
        if (markEquity <= 0) {
            s.equity = markEquity;
            s.executionPrice = s.markPrice;
        } else {
            s.equity = 0;
            uint256 move = Math.mulDiv(uint256(markEquity), _notionalScale, p.size);
            s.executionPrice = p.isLong ? s.markPrice - move : s.markPrice + move;
        }
    }

    function _slippage(MarketParams storage params, uint256 notional) internal view returns (uint256) {
        uint256 depthFraction = Math.mulDiv(notional, WAD, params.liquidityDepth);
        uint256 slip = Math.mulDiv(params.liquidationImpact, Math.sqrt(depthFraction * WAD), WAD);
        return Math.min(slip, MAX_SLIPPAGE);
    }

    function _market(uint256 marketId) internal view returns (Market storage) {
        if (marketId >= _markets.length) revert ErrorsLib.UnknownMarket(marketId);
        return _markets[marketId];
    }

    function _position(address trader, uint256 marketId) internal view returns (Position memory p) {
        p = _positions[trader][marketId];
        if (p.size == 0) revert ErrorsLib.NoPosition(trader, marketId);
    }

    function _price(uint256 marketId, Market storage m) internal view returns (uint256) {
        (, int256 answer,, uint256 updatedAt,) = m.oracle.latestRoundData();
        if (answer <= 0) revert ErrorsLib.InvalidPrice(marketId, answer);
        uint256 maxAge = Math.min(m.oracleMaxAge, _maxPriceAge);
        if (block.timestamp > updatedAt + maxAge) revert ErrorsLib.StalePrice(marketId, updatedAt, maxAge);
        return _toWad(uint256(answer), m.oracleDecimals);
    }

    function _toWad(uint256 answer, uint8 decimals) internal pure returns (uint256) {
        return decimals <= 18 ? answer * 10 ** (18 - decimals) : answer / 10 ** (decimals - 18);
    }

    /// @dev Chainlink's L2 pattern: answer 0 means up; `startedAt` is when that status began.
    function _requireSequencerUp() internal view {
        AggregatorV3Interface feed = sequencerUptimeFeed;
        if (address(feed) == address(0)) return;
        (, int256 answer, uint256 startedAt,,) = feed.latestRoundData();
        if (answer != 0 || startedAt == 0) revert ErrorsLib.SequencerDown();
        uint256 graceEnd = startedAt + sequencerGracePeriod;
        if (block.timestamp <= graceEnd) revert ErrorsLib.SequencerGracePeriodNotOver(graceEnd);
    }

    /// @dev Utilisation at fresh prices (every market with open interest must have one), recorded for the closes
    /// that follow. With `requireSolvent` (an open: new risk) it reverts unless this clearinghouse is an active
    /// covered protocol whose exposure stays within its cap and the backstop covers its required capital at the
    /// threshold.
    function _measureUtilisation(bool requireSolvent) internal returns (uint256 u, uint256 multiplier) {
        uint256 count = _markets.length;
        for (uint256 i; i < count; ++i) {
            Market storage m = _markets[i];
            if (m.longOpenInterest != 0 || m.shortOpenInterest != 0) _price(i, m);
        }
        IBackstopRiskView risk = IBackstopRiskView(address(module));
        (uint256 ratio, bool covered, uint256 exposure, uint256 cap) = risk.protocolRisk(address(this));
        if (requireSolvent) {
            if (!covered) revert ErrorsLib.ProtocolNotCovered(address(this));
            if (exposure > cap) revert ErrorsLib.ExposureAboveCap(exposure, cap);
            uint256 threshold = risk.solvencyThreshold();
            if (ratio < threshold) revert ErrorsLib.SolvencyBelowThreshold(ratio, threshold);
        }
        u = PremiumCurveLib.utilisationOf(ratio);
        multiplier = PremiumCurveLib.multiplier(_premiumCurve, u, _premiumVolatility);
        if (u != _utilisation) emit EventsLib.UtilisationMeasured(u, multiplier);
        _utilisation = uint64(u);
        _utilisationAt = uint40(block.timestamp);
    }

    /// @dev The rate a close pays: at the utilisation last measured, with the curve and volatility in force.
    function _premiumRate(uint256 feeRate) internal view returns (uint256) {
        return PremiumCurveLib.rate(feeRate, PremiumCurveLib.multiplier(_premiumCurve, _utilisation, _premiumVolatility));
    }

    function _notional(uint256 size, uint256 price) internal view returns (uint256) {
        return Math.mulDiv(size, price, _notionalScale);
    }

    function _pnl(Position memory p, uint256 price) internal view returns (int256) {
        int256 move = price.toInt256() - p.entryPrice.toInt256();
        int256 value = (p.size.toInt256() * move) / _notionalScale.toInt256();
        return p.isLong ? value : -value;
    }

    function _removePosition(Market storage m, address trader, uint256 marketId, Position memory p) internal {
        delete _positions[trader][marketId];
        totalMargin -= p.margin;
        if (p.isLong) m.longOpenInterest -= p.size;
        else m.shortOpenInterest -= p.size;
    }

    /// @dev The module pulls its part (the protocol's premium share); the rest stays here as house liquidity.
    function _payPremium(uint256 fee) internal {
        if (fee == 0) return;
        asset.forceApprove(address(module), fee);
        uint256 paid = module.payProtocolPremium(fee);
        if (paid < fee) retainedPremium += fee - paid;
    }
}
