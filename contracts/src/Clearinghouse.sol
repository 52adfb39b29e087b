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
import {IOpenInterestSource} from "./interfaces/IOpenInterestSource.sol";
import {ErrorsLib} from "./libraries/ErrorsLib.sol";
import {EventsLib} from "./libraries/EventsLib.sol";

/// @title Clearinghouse
/// @notice A small perpetual-futures venue with isolated margin per (trader, market). It is the counterparty of every
/// position, paying profits from its house liquidity. Anyone may liquidate a position below maintenance margin at the
/// oracle price less a square-root slippage; negative equity after the close is covered by the backstop module in the
/// same transaction. A fee on traded notional is paid to the module as premium.
contract Clearinghouse is IOpenInterestSource, Ownable {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using SafeCast for int256;

    struct MarketParams {
        uint256 initialMarginRate; // wad
        uint256 maintenanceMarginRate; // wad
        uint256 feeRate; // wad of notional, per open and per close
        uint256 liquidationFeeRate; // wad of notional, paid to the liquidator out of remaining equity
        uint256 liquidationImpact; // wad: slippage = impact × sqrt(notional / liquidityDepth)
        uint256 liquidityDepth; // asset units
    }

    struct Market {
        string name;
        AggregatorV3Interface oracle;
        MarketParams params;
        uint256 longOpenInterest; // base units, 18 decimals
        uint256 shortOpenInterest;
    }

    struct Position {
        uint256 size; // base units, 18 decimals
        bool isLong;
        uint256 entryPrice; // wad: asset value of one whole base unit, 18 decimals
        uint256 margin; // asset units
    }

    uint256 internal constant WAD = 1e18;
    uint256 public constant MAX_SLIPPAGE = 0.5e18;
    uint256 public constant MAX_FEE_RATE = 0.01e18;
    uint256 public constant MIN_MAINTENANCE_MARGIN_RATE = 0.005e18;
    uint256 public constant MAX_MARGIN_RATE = 1e18;
    uint256 public constant MAX_LIQUIDATION_IMPACT = 1e18;
    uint256 public constant MIN_PRICE_AGE = 1 minutes;
    uint256 public constant MAX_PRICE_AGE = 7 days;

    IERC20 public immutable asset;
    IBackstopModule public immutable module;
    /// @dev 10**(36 − asset decimals): converts base size (1e18) × price (wad) into asset units.
    uint256 internal immutable _notionalScale;

    Market[] internal _markets;
    mapping(address trader => mapping(uint256 marketId => Position)) internal _positions;
    uint256 public totalMargin;
    uint256 public maxPriceAge;

    constructor(IERC20 asset_, IBackstopModule module_, address initialOwner) Ownable(initialOwner) {
        if (address(asset_) == address(0) || address(module_) == address(0)) revert ErrorsLib.ZeroAddress();
        asset = asset_;
        module = module_;
        _notionalScale = 10 ** (36 - IERC20Metadata(address(asset_)).decimals());
        maxPriceAge = 1 days;
    }

    // ---------------------------------------------------------------- governance

    function addMarket(string calldata name, AggregatorV3Interface oracle, MarketParams calldata params)
        external
        onlyOwner
        returns (uint256 marketId)
    {
        if (address(oracle) == address(0)) revert ErrorsLib.ZeroAddress();
        marketId = _markets.length;
        Market storage m = _markets.push();
        m.name = name;
        m.oracle = oracle;
        emit EventsLib.MarketAdded(marketId, name, address(oracle));
        _setMarketParams(marketId, params);
    }

    function setMarketParams(uint256 marketId, MarketParams calldata params) external onlyOwner {
        _market(marketId);
        _setMarketParams(marketId, params);
    }

    function setMaxPriceAge(uint256 value) external onlyOwner {
        if (value < MIN_PRICE_AGE || value > MAX_PRICE_AGE) {
            revert ErrorsLib.ParameterOutOfBounds("maxPriceAge", value, MIN_PRICE_AGE, MAX_PRICE_AGE);
        }
        emit EventsLib.MaxPriceAgeSet(maxPriceAge, value);
        maxPriceAge = value;
    }

    function _setMarketParams(uint256 marketId, MarketParams calldata p) internal {
        _bound("maintenanceMarginRate", p.maintenanceMarginRate, MIN_MAINTENANCE_MARGIN_RATE, MAX_MARGIN_RATE);
        _bound("initialMarginRate", p.initialMarginRate, p.maintenanceMarginRate, MAX_MARGIN_RATE);
        _bound("feeRate", p.feeRate, 0, MAX_FEE_RATE);
        _bound("liquidationFeeRate", p.liquidationFeeRate, 0, p.maintenanceMarginRate);
        _bound("liquidationImpact", p.liquidationImpact, 0, MAX_LIQUIDATION_IMPACT);
        _bound("liquidityDepth", p.liquidityDepth, 1, type(uint128).max);
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

    function _bound(string memory name, uint256 value, uint256 min, uint256 max) internal pure {
        if (value < min || value > max) revert ErrorsLib.ParameterOutOfBounds(name, value, min, max);
    }

    // ---------------------------------------------------------------- house liquidity

    /// @notice Adds liquidity that pays traders' profits; anyone may fund it.
    function fundHouse(uint256 amount) external {
        if (amount == 0) revert ErrorsLib.ZeroAmount();
        asset.safeTransferFrom(msg.sender, address(this), amount);
        emit EventsLib.HouseFunded(msg.sender, amount);
    }

    /// @notice Assets held beyond traders' posted margin.
    function houseLiquidity() public view returns (uint256) {
        return asset.balanceOf(address(this)) - totalMargin;
    }

    // ---------------------------------------------------------------- trading

    /// @notice Opens a position of `size` base units at the oracle price, posting `margin` and paying the fee on top.
    function openPosition(uint256 marketId, bool isLong, uint256 size, uint256 margin) external {
        Market storage m = _market(marketId);
        if (size == 0 || margin == 0) revert ErrorsLib.ZeroAmount();
        Position storage p = _positions[msg.sender][marketId];
        if (p.size != 0) revert ErrorsLib.PositionAlreadyOpen(msg.sender, marketId);
        uint256 price = _price(marketId, m);
        uint256 notional = _notional(size, price);
        uint256 required = Math.mulDiv(notional, m.params.initialMarginRate, WAD, Math.Rounding.Ceil);
        if (margin < required) revert ErrorsLib.InsufficientMargin(required, margin);
        uint256 fee = Math.mulDiv(notional, m.params.feeRate, WAD);

        asset.safeTransferFrom(msg.sender, address(this), margin + fee);
        _positions[msg.sender][marketId] = Position(size, isLong, price, margin);
        totalMargin += margin;
        if (isLong) m.longOpenInterest += size;
        else m.shortOpenInterest += size;
        _payPremium(fee);
        emit EventsLib.PositionOpened(msg.sender, marketId, isLong, size, price, margin, fee);
    }

    /// @notice Closes the caller's position at the oracle price and pays out margin + PnL − fee.
    function closePosition(uint256 marketId) external {
        Market storage m = _market(marketId);
        Position memory p = _position(msg.sender, marketId);
        uint256 price = _price(marketId, m);
        int256 pnl = _pnl(p, price);
        uint256 fee = Math.mulDiv(_notional(p.size, price), m.params.feeRate, WAD);
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

    // ---------------------------------------------------------------- liquidation

    /// @notice Liquidates `trader`'s position in `marketId` if its equity is below maintenance margin. It closes at
    /// the oracle price moved against the position by impact × sqrt(notional / depth); negative equity is drawn from
    /// the backstop module in this transaction.
    function liquidate(address trader, uint256 marketId) external returns (uint256 shortfall) {
        Market storage m = _market(marketId);
        Position memory p = _position(trader, marketId);
        Settlement memory s = _liquidationSettlement(marketId, m, p);
        _removePosition(m, trader, marketId, p);

        uint256 lossId;
        if (s.equity < 0) {
            shortfall = uint256(-s.equity);
            (lossId,) = module.cover(marketId, shortfall);
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

    struct Settlement {
        uint256 markPrice;
        uint256 notional;
        uint256 executionPrice;
        int256 equity;
    }

    function _liquidationSettlement(uint256 marketId, Market storage m, Position memory p)
        internal
        view
        returns (Settlement memory s)
    {
        s.markPrice = _price(marketId, m);
        s.notional = _notional(p.size, s.markPrice);
        int256 markEquity = p.margin.toInt256() + _pnl(p, s.markPrice);
        uint256 maintenance = Math.mulDiv(s.notional, m.params.maintenanceMarginRate, WAD);
        if (markEquity >= maintenance.toInt256()) revert ErrorsLib.NotLiquidatable(markEquity, maintenance);
        s.executionPrice = liquidationPrice(marketId, p.isLong, s.markPrice, s.notional);
        s.equity = p.margin.toInt256() + _pnl(p, s.executionPrice);
    }

    /// @notice The price a liquidation of `notional` closes at: the mark moved against the position by the slippage.
    function liquidationPrice(uint256 marketId, bool isLong, uint256 markPrice, uint256 notional)
        public
        view
        returns (uint256)
    {
        uint256 slip = liquidationSlippage(marketId, notional);
        return isLong ? Math.mulDiv(markPrice, WAD - slip, WAD) : Math.mulDiv(markPrice, WAD + slip, WAD);
    }

    /// @notice Square-root market impact of closing `notional` (asset units), as a wad, capped at MAX_SLIPPAGE.
    function liquidationSlippage(uint256 marketId, uint256 notional) public view returns (uint256) {
        MarketParams memory params = _market(marketId).params;
        uint256 depthFraction = Math.mulDiv(notional, WAD, params.liquidityDepth);
        uint256 slip = Math.mulDiv(params.liquidationImpact, Math.sqrt(depthFraction * WAD), WAD);
        return Math.min(slip, MAX_SLIPPAGE);
    }

    // ---------------------------------------------------------------- views

    function marketCount() external view returns (uint256) {
        return _markets.length;
    }

    function market(uint256 marketId)
        external
        view
        returns (string memory name, address oracle, MarketParams memory params, uint256 longOI, uint256 shortOI)
    {
        Market storage m = _market(marketId);
        return (m.name, address(m.oracle), m.params, m.longOpenInterest, m.shortOpenInterest);
    }

    function positionOf(address trader, uint256 marketId) external view returns (Position memory) {
        return _positions[trader][marketId];
    }

    /// @notice Oracle price as a wad (asset value of one whole base unit) with its update time; no staleness check.
    function oraclePrice(uint256 marketId) public view returns (uint256 price, uint256 updatedAt) {
        Market storage m = _market(marketId);
        (, int256 answer,, uint256 at,) = m.oracle.latestRoundData();
        if (answer <= 0) return (0, at);
        return (uint256(answer) * 10 ** (18 - m.oracle.decimals()), at);
    }

    function openInterestNotional(uint256 marketId) external view returns (uint256 longNotional, uint256 shortNotional) {
        Market storage m = _market(marketId);
        (uint256 price,) = oraclePrice(marketId);
        return (_notional(m.longOpenInterest, price), _notional(m.shortOpenInterest, price));
    }

    /// @notice Equity at the oracle price (margin + unrealised PnL) and the maintenance margin it is held against.
    function accountHealth(address trader, uint256 marketId) external view returns (int256 equity, uint256 maintenance) {
        Market storage m = _market(marketId);
        Position memory p = _positions[trader][marketId];
        if (p.size == 0) return (0, 0);
        (uint256 price,) = oraclePrice(marketId);
        equity = p.margin.toInt256() + _pnl(p, price);
        maintenance = Math.mulDiv(_notional(p.size, price), m.params.maintenanceMarginRate, WAD);
    }

    // ---------------------------------------------------------------- internals

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
        if (block.timestamp > updatedAt + maxPriceAge) revert ErrorsLib.StalePrice(marketId, updatedAt, maxPriceAge);
        return uint256(answer) * 10 ** (18 - m.oracle.decimals());
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

    function _payPremium(uint256 fee) internal {
        if (fee == 0) return;
        asset.forceApprove(address(module), fee);
        module.payPremium(fee);
    }
}
