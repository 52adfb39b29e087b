// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {AggregatorV3Interface} from "@chainlink/contracts/src/v0.8/shared/interfaces/AggregatorV3Interface.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {BackstopModule} from "./BackstopModule.sol";
import {IBackstopModule} from "./interfaces/IBackstopModule.sol";
import {Clearinghouse} from "./Clearinghouse.sol";
import {IClearinghouse} from "./interfaces/IClearinghouse.sol";
import {ITrancheVault} from "./interfaces/ITrancheVault.sol";
import {BackstopToken} from "./governance/BackstopToken.sol";
import {BackstopGovernor} from "./governance/BackstopGovernor.sol";
import {RiskSteward} from "./RiskSteward.sol";
import {PremiumCurveLib} from "./libraries/PremiumCurveLib.sol";

/// @title BackstopLens
/// @notice The whole dashboard state in one eth_call: module, tranches, markets, governance settings, the covered
/// protocols with their markets and, when a user is given, that user's balances, positions and cooldowns. Holds no state of its own beyond the addresses it reads.
contract BackstopLens {
    struct ModuleView {
        address module;
        address asset;
        uint8 assetDecimals;
        string assetSymbol;
        uint256 totalCapital;
        uint256 requiredCapital;
        uint256 solvencyRatio;
        uint256 solvencyThreshold;
        uint256 totalDeficit;
        uint256 lossCount;
        uint256 totalPremiums;
        uint256 undistributedPremium;
        uint256 premiumVestingPeriod;
        bool depositsPaused;
        address guardian;
        address owner;
    }

    struct TrancheView {
        uint8 id;
        address vault;
        string name;
        string symbol;
        uint8 shareDecimals;
        uint256 totalAssets;
        uint256 totalSupply;
        uint256 sharePrice;
        uint256 unvestedPremium;
        uint256 depositCap;
        uint256 cooldown;
        uint256 unstakeWindow;
        uint256 riskMultiplier;
        uint256 totalLossAbsorbed;
        uint256 totalPremiumReceived;
        /// @dev Productive capital: the strategy (zero address: none), the share kept idle (wad), idle assets and the
        /// strategy's value as recorded at the last report and live now, and all yield received; asset units.
        address strategy;
        uint256 bufferShare;
        uint256 idleAssets;
        uint256 strategyAssets;
        uint256 liveStrategyAssets;
        uint256 totalYieldReceived;
    }

    struct MarketView {
        uint256 id;
        string name;
        address oracle;
        int256 price;
        uint8 priceDecimals;
        uint256 priceUpdatedAt;
        uint256 longOpenInterest;
        uint256 shortOpenInterest;
        uint256 longNotional;
        uint256 shortNotional;
        uint256 stressLossRate;
        uint256 initialMarginRate;
        uint256 maintenanceMarginRate;
        uint256 feeRate;
        uint256 liquidationImpact;
        uint256 liquidityDepth;
        /// @dev What a close pays now, as a wad of notional: feeRate × the multiplier at the recorded utilisation.
        uint256 premiumRate;
    }

    /// @dev The premium curve in force and the risk steward that may move its volatility and the tranches'
    /// multipliers (all zero but `steward` when there is none). Steward arrays are indexed by RiskSteward's
    /// parameter number: 0–2 the tranches' risk multipliers, 3 the premium volatility.
    struct PremiumView {
        uint256 utilisation;
        uint256 utilisationAt;
        uint256 multiplier;
        uint256 liveUtilisation;
        uint256 liveMultiplier;
        uint256 volatility;
        uint256 kink;
        uint256 slope1;
        uint256 slope2;
        uint256 referenceVolatility;
        uint256 maxPremiumRate;
        address steward;
        address keeper;
        bool stewardPaused;
        uint256 maxStep;
        uint256 minInterval;
        uint256[4] stewardMin;
        uint256[4] stewardMax;
        uint256[4] stewardLastUpdateAt;
    }

    struct UserTrancheView {
        uint256 shares;
        uint256 assets;
        uint256 maxDeposit;
        uint256 maxWithdraw;
        uint256 maxRedeem;
        uint256 cooldownShares;
        uint256 cooldownEnd;
        uint256 windowEnd;
        /// @dev The most the request can pay (its value at request less the losses since) and what closing it now
        /// (cancel, a new request, moving its shares after it lapsed) forfeits: the premium its shares earned meanwhile.
        uint256 requestValue;
        uint256 forfeitable;
        uint256 allowance;
        /// @dev Assets a restarted (wiped) tranche owes the user for shares of its ended epoch, not yet paid out.
        uint256 settlement;
    }

    struct UserView {
        address account;
        uint256 assetBalance;
        uint256 permitNonce;
        uint256 votingPower;
        address delegate;
        uint256 governanceBalance;
        UserTrancheView[] tranches;
    }

    struct GovernanceView {
        address governor;
        address timelock;
        address token;
        uint256 votingDelay;
        uint256 votingPeriod;
        uint256 proposalThreshold;
        uint256 quorumNumerator;
        uint256 timelockDelay;
    }

    /// @dev One of a covered protocol's markets, as required capital counts it.
    struct ProtocolMarketView {
        uint256 id;
        string name;
        int256 price;
        uint8 priceDecimals;
        uint256 priceUpdatedAt;
        uint256 longNotional;
        uint256 shortNotional;
        uint256 stressLossRate;
    }

    /// @dev A covered protocol. `exposure` counts in required capital only while `active` and not `suspended`.
    /// `readable` is false when its clearinghouse's reads reverted (or ran out of their gas budget): `exposure`,
    /// `retainedPremium` and `markets` are then zero and empty.
    struct ProtocolView {
        uint256 id;
        address clearinghouse;
        string name;
        bool active;
        bool suspended;
        bool readable;
        uint256 exposure;
        uint256 exposureCap;
        uint256 premiumShare;
        uint256 retainedPremium;
        ProtocolMarketView[] markets;
    }

    struct Dashboard {
        uint256 blockNumber;
        uint256 timestamp;
        ModuleView module;
        TrancheView[] tranches;
        MarketView[] markets;
        GovernanceView governance;
        UserView user;
        PremiumView premium;
        ProtocolView[] protocols;
    }

    /// @notice The gas one protocol's clearinghouse reads may take; past it (or on a revert) the protocol is shown
    /// unreadable instead of failing the whole dashboard.
    uint256 public constant PROTOCOL_READ_GAS = 2_000_000;
    /// @notice The gas the module's required capital may take (it reads every counted protocol's clearinghouse).
    uint256 public constant REQUIRED_CAPITAL_READ_GAS = 4_000_000;
    uint256 internal constant WAD = 1e18;

    /// @notice The module read for capital, tranches and parameters.
    BackstopModule public immutable module;
    /// @notice The clearinghouse read for markets.
    Clearinghouse public immutable clearinghouse;
    /// @notice The governor read for voting settings and the token.
    BackstopGovernor public immutable governor;

    constructor(BackstopModule module_, Clearinghouse clearinghouse_, BackstopGovernor governor_) {
        module = module_;
        clearinghouse = clearinghouse_;
        governor = governor_;
    }

    // ---------------------------------------------------------------- external and public: views

    /// @notice Everything the dashboard shows; pass address(0) to skip the user section.
    /// @param user The connected account, or address(0).
    /// @return d The module, tranches, markets and governance settings, and the user's part when one is given.
    function getDashboard(address user) external view returns (Dashboard memory d) {
        d.blockNumber = block.number;
        d.timestamp = block.timestamp;
        d.module = _moduleView();
        d.tranches = new TrancheView[](module.TRANCHE_COUNT());
        for (uint8 i; i < d.tranches.length; ++i) {
            d.tranches[i] = _trancheView(i);
        }
        uint256 marketCount = clearinghouse.marketCount();
        d.markets = new MarketView[](marketCount);
        for (uint256 m; m < marketCount; ++m) {
            d.markets[m] = _marketView(m);
        }
        d.governance = _governanceView();
        if (user != address(0)) d.user = _userView(user);
        uint256 protocolCount = module.protocolCount();
        d.protocols = new ProtocolView[](protocolCount);
        for (uint256 p; p < protocolCount; ++p) {
            d.protocols[p] = _protocolView(p);
        }
        _readRequiredCapital(d.module, d.protocols);
        d.premium = _premiumView(d.module.solvencyRatio);
    }

    /// @notice One protocol's reads of its clearinghouse: its exposure as the module counts it, its retained premium
    /// and its markets. External so that `getDashboard` can call it with a gas budget and survive its failing.
    /// @param id The protocol.
    function protocolReadings(uint256 id)
        external
        view
        returns (uint256 exposure, uint256 retainedPremium, ProtocolMarketView[] memory markets)
    {
        Clearinghouse source = Clearinghouse(module.protocol(id).clearinghouse);
        exposure = module.protocolExposure(id);
        retainedPremium = source.retainedPremium();
        uint256 count = source.marketCount();
        markets = new ProtocolMarketView[](count);
        for (uint256 m; m < count; ++m) {
            markets[m] = _protocolMarketView(id, source, m);
        }
    }

    // ---------------------------------------------------------------- internal and private

    function _moduleView() internal view returns (ModuleView memory v) {
        IERC20Metadata asset = IERC20Metadata(address(module.asset()));
        v.module = address(module);
        v.asset = address(asset);
        v.assetDecimals = asset.decimals();
        v.assetSymbol = asset.symbol();
        v.totalCapital = module.totalCapital();
        v.solvencyThreshold = module.solvencyThreshold();
        v.totalDeficit = module.totalDeficit();
        v.lossCount = module.lossCount();
        v.totalPremiums = module.totalPremiums();
        v.undistributedPremium = module.undistributedPremium();
        v.premiumVestingPeriod = module.premiumVestingPeriod();
        v.depositsPaused = module.depositsPaused();
        v.guardian = module.guardian();
        v.owner = module.owner();
    }

    function _trancheView(uint8 id) internal view returns (TrancheView memory v) {
        ITrancheVault vault = module.tranche(id);
        IBackstopModule.TrancheParams memory p = module.trancheParams(id);
        v.id = id;
        v.vault = address(vault);
        v.name = vault.name();
        v.symbol = vault.symbol();
        v.shareDecimals = vault.decimals();
        v.totalAssets = vault.totalAssets();
        v.totalSupply = vault.totalSupply();
        v.sharePrice = vault.sharePrice();
        v.unvestedPremium = vault.unvestedPremium();
        v.depositCap = p.depositCap;
        v.cooldown = p.cooldown;
        v.unstakeWindow = p.unstakeWindow;
        v.riskMultiplier = p.riskMultiplier;
        v.totalLossAbsorbed = vault.totalLossAbsorbed();
        v.totalPremiumReceived = vault.totalPremiumReceived();
        v.strategy = address(vault.strategy());
        v.bufferShare = vault.bufferShare();
        v.idleAssets = vault.idleAssets();
        v.strategyAssets = vault.strategyAssets();
        v.liveStrategyAssets = vault.liveStrategyAssets();
        v.totalYieldReceived = vault.totalYieldReceived();
    }

    function _marketView(uint256 id) internal view returns (MarketView memory v) {
        (string memory name, address oracle, IClearinghouse.MarketParams memory p, uint256 longOI, uint256 shortOI) =
            clearinghouse.market(id);
        v.id = id;
        v.name = name;
        v.oracle = oracle;
        (, v.price,, v.priceUpdatedAt,) = AggregatorV3Interface(oracle).latestRoundData();
        v.priceDecimals = AggregatorV3Interface(oracle).decimals();
        v.longOpenInterest = longOI;
        v.shortOpenInterest = shortOI;
        (v.longNotional, v.shortNotional) = clearinghouse.openInterestNotional(id);
        v.stressLossRate = module.stressLossRate(id);
        v.initialMarginRate = p.initialMarginRate;
        v.maintenanceMarginRate = p.maintenanceMarginRate;
        v.feeRate = p.feeRate;
        v.liquidationImpact = p.liquidationImpact;
        v.liquidityDepth = p.liquidityDepth;
        v.premiumRate = clearinghouse.premiumRate(id);
    }

    /// @dev The module's required capital and solvency ratio. While a protocol that still counts cannot be read, the
    /// module's own `requiredCapital` reverts: the lens then sums the protocols it could read (a lower bound, which
    /// the unreadable protocol's `readable` = false says) and derives the ratio as the module does.
    function _readRequiredCapital(ModuleView memory v, ProtocolView[] memory protocols) internal view {
        uint256 required;
        try module.requiredCapital{gas: REQUIRED_CAPITAL_READ_GAS}() returns (uint256 r) {
            required = r;
        } catch {
            for (uint256 p; p < protocols.length; ++p) {
                if (protocols[p].active && !protocols[p].suspended) required += protocols[p].exposure;
            }
        }
        v.requiredCapital = required;
        v.solvencyRatio = required == 0 ? type(uint256).max : Math.mulDiv(v.totalCapital, WAD, required);
    }

    function _protocolView(uint256 id) internal view returns (ProtocolView memory v) {
        IBackstopModule.Protocol memory p = module.protocol(id);
        v.id = id;
        v.clearinghouse = p.clearinghouse;
        v.name = p.name;
        v.active = p.active;
        v.suspended = p.suspended;
        v.exposureCap = p.exposureCap;
        v.premiumShare = p.premiumShare;
        // The clearinghouse is another team's contract: its reverting or burning gas must not take the dashboard down.
        try this.protocolReadings{gas: PROTOCOL_READ_GAS}(id) returns (
            uint256 exposure, uint256 retainedPremium, ProtocolMarketView[] memory markets
        ) {
            (v.readable, v.exposure, v.retainedPremium, v.markets) = (true, exposure, retainedPremium, markets);
        } catch {}
    }

    function _protocolMarketView(uint256 protocolId, Clearinghouse source, uint256 id)
        internal
        view
        returns (ProtocolMarketView memory v)
    {
        (string memory name, address oracle,,,) = source.market(id);
        v.id = id;
        v.name = name;
        (, v.price,, v.priceUpdatedAt,) = AggregatorV3Interface(oracle).latestRoundData();
        v.priceDecimals = AggregatorV3Interface(oracle).decimals();
        (v.longNotional, v.shortNotional) = source.openInterestNotional(id);
        v.stressLossRate = module.protocolStressLossRate(protocolId, id);
    }

    function _premiumView(uint256 solvencyRatio) internal view returns (PremiumView memory v) {
        (v.utilisation, v.utilisationAt) = clearinghouse.utilisation();
        v.multiplier = clearinghouse.premiumMultiplierAt(v.utilisation);
        v.liveUtilisation = PremiumCurveLib.utilisationOf(solvencyRatio);
        v.liveMultiplier = clearinghouse.premiumMultiplierAt(v.liveUtilisation);
        v.volatility = clearinghouse.premiumVolatility();
        PremiumCurveLib.Curve memory c = clearinghouse.premiumCurve();
        (v.kink, v.slope1, v.slope2, v.referenceVolatility) = (c.kink, c.slope1, c.slope2, c.referenceVolatility);
        v.maxPremiumRate = PremiumCurveLib.MAX_PREMIUM_RATE;
        v.steward = clearinghouse.riskSteward();
        if (v.steward == address(0)) return v;
        RiskSteward steward = RiskSteward(v.steward);
        v.keeper = steward.keeper();
        v.stewardPaused = steward.paused();
        v.maxStep = steward.maxStep();
        v.minInterval = steward.minInterval();
        for (uint8 i; i < 4; ++i) {
            RiskSteward.Bounds memory b = steward.bounds(i);
            (v.stewardMin[i], v.stewardMax[i]) = (b.min, b.max);
            v.stewardLastUpdateAt[i] = steward.lastUpdateAt(i);
        }
    }

    function _governanceView() internal view returns (GovernanceView memory v) {
        address timelock = governor.timelock();
        v.governor = address(governor);
        v.timelock = timelock;
        v.token = address(governor.token());
        v.votingDelay = governor.votingDelay();
        v.votingPeriod = governor.votingPeriod();
        v.proposalThreshold = governor.proposalThreshold();
        v.quorumNumerator = governor.quorumNumerator();
        v.timelockDelay = TimelockController(payable(timelock)).getMinDelay();
    }

    function _userView(address user) internal view returns (UserView memory v) {
        IERC20Metadata asset = IERC20Metadata(address(module.asset()));
        BackstopToken token = BackstopToken(address(governor.token()));
        v.account = user;
        v.assetBalance = asset.balanceOf(user);
        v.permitNonce = IERC20Permit(address(asset)).nonces(user);
        v.votingPower = token.getVotes(user);
        v.delegate = token.delegates(user);
        v.governanceBalance = token.balanceOf(user);
        uint8 count = module.TRANCHE_COUNT();
        v.tranches = new UserTrancheView[](count);
        for (uint8 i; i < count; ++i) {
            v.tranches[i] = _userTrancheView(module.tranche(i), user, asset);
        }
    }

    function _userTrancheView(ITrancheVault vault, address user, IERC20Metadata asset)
        internal
        view
        returns (UserTrancheView memory v)
    {
        v.shares = vault.balanceOf(user);
        v.assets = vault.convertToAssets(v.shares);
        v.maxDeposit = vault.maxDeposit(user);
        v.maxWithdraw = vault.maxWithdraw(user);
        v.maxRedeem = vault.maxRedeem(user);
        (v.cooldownShares, v.cooldownEnd, v.windowEnd) = vault.cooldownOf(user);
        if (v.windowEnd != 0) {
            v.requestValue = vault.requestValueOf(user);
            v.forfeitable = vault.forfeitableOf(user);
        }
        v.allowance = asset.allowance(user, address(vault));
        v.settlement = vault.settlementOf(user);
    }
}
