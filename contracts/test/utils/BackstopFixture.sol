// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {AggregatorV3Interface} from "@chainlink/contracts/src/v0.8/shared/interfaces/AggregatorV3Interface.sol";
import {TestStablecoin} from "../../src/TestStablecoin.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";
import {ITrancheVault} from "../../src/interfaces/ITrancheVault.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {IBackstopModule} from "../../src/interfaces/IBackstopModule.sol";
import {Clearinghouse} from "../../src/Clearinghouse.sol";
import {IClearinghouse} from "../../src/interfaces/IClearinghouse.sol";
import {BackstopLens} from "../../src/BackstopLens.sol";
import {MockAggregator} from "../../src/mocks/MockAggregator.sol";
import {BackstopToken} from "../../src/governance/BackstopToken.sol";
import {BackstopGovernor} from "../../src/governance/BackstopGovernor.sol";
import {BackstopTimelock} from "../../src/governance/BackstopTimelock.sol";
import {IGovernanceTimings} from "../../src/interfaces/IGovernanceTimings.sol";
import {RiskSteward} from "../../src/RiskSteward.sol";
import {PremiumCurveLib} from "../../src/libraries/PremiumCurveLib.sol";

/// @notice Deploys the whole system the way the deploy script does (same defaults, ownership handed to the
/// timelock, deployer left with no admin role) and offers small helpers for tests.
abstract contract BackstopFixture is Test {
    uint256 internal constant ETH = 0;
    uint256 internal constant BTC = 1;
    uint256 internal constant SOL = 2;

    address internal deployer = makeAddr("deployer");
    address internal guardian = makeAddr("guardian");
    address internal keeper = makeAddr("keeper");
    address internal voter = makeAddr("voter");
    address internal riskKeeper = makeAddr("riskKeeper");

    // The premium curve and the steward's limits the deploy script sets (scripts/lib/seed/params.ts).
    uint64 internal constant KINK = 0.8e18;
    uint64 internal constant SLOPE1 = 1e18;
    uint64 internal constant SLOPE2 = 4e18;
    uint64 internal constant REFERENCE_VOLATILITY = 0.6e18;
    uint256 internal constant STEWARD_MAX_STEP = 0.1e18;
    uint256 internal constant STEWARD_MIN_INTERVAL = 6 hours;

    // Governance timings: 1 + 3 + 5 = 9 days from proposal to execution, longer than the 7-day cooldowns plus a day.
    uint48 internal constant VOTING_DELAY = 1 days;
    uint32 internal constant VOTING_PERIOD = 3 days;
    uint256 internal constant TIMELOCK_DELAY = 5 days;

    TestStablecoin internal usd;
    BackstopModule internal module;
    TrancheVault[3] internal tranches;
    Clearinghouse internal clearinghouse;
    MockAggregator[3] internal oracles;
    BackstopToken internal token;
    BackstopTimelock internal timelock;
    BackstopGovernor internal governor;
    BackstopLens internal lens;
    RiskSteward internal steward;

    function setUp() public virtual {
        vm.warp(1_700_000_000);
        vm.startPrank(deployer);
        usd = new TestStablecoin();
        module = new BackstopModule(IERC20(address(usd)), deployer, guardian);
        tranches[0] = new TrancheVault(IERC20(address(usd)), "Backstop Junior", "bsJUN", module, 0);
        tranches[1] = new TrancheVault(IERC20(address(usd)), "Backstop Mezzanine", "bsMEZ", module, 1);
        tranches[2] = new TrancheVault(IERC20(address(usd)), "Backstop Senior", "bsSEN", module, 2);
        clearinghouse = new Clearinghouse(IERC20(address(usd)), module, deployer);
        module.initialize(_vaults(tranches), address(clearinghouse), _defaultTrancheParams());

        oracles[ETH] = new MockAggregator(8, "ETH / USD", keeper, 3_000e8);
        oracles[BTC] = new MockAggregator(8, "BTC / USD", keeper, 60_000e8);
        oracles[SOL] = new MockAggregator(8, "SOL / USD", keeper, 150e8);
        clearinghouse.addMarket("ETH", AggregatorV3Interface(address(oracles[ETH])), _marketParams(0.1e18, 0.05e18, 0.1e18, 5_000_000e6), 1 days);
        clearinghouse.addMarket("BTC", AggregatorV3Interface(address(oracles[BTC])), _marketParams(0.1e18, 0.05e18, 0.08e18, 10_000_000e6), 1 days);
        clearinghouse.addMarket("SOL", AggregatorV3Interface(address(oracles[SOL])), _marketParams(0.2e18, 0.1e18, 0.15e18, 1_000_000e6), 1 days);
        module.setStressLossRate(ETH, 0.12e18);
        module.setStressLossRate(BTC, 0.1e18);
        module.setStressLossRate(SOL, 0.2e18);
        clearinghouse.setPremiumCurve(PremiumCurveLib.Curve(KINK, SLOPE1, SLOPE2, REFERENCE_VOLATILITY));
        clearinghouse.setPremiumVolatility(REFERENCE_VOLATILITY);

        address[] memory none = new address[](0);
        timelock = new BackstopTimelock(TIMELOCK_DELAY, none, none, deployer, module);
        address[] memory holders = new address[](1);
        uint256[] memory amounts = new uint256[](1);
        (holders[0], amounts[0]) = (voter, 200_000e18);
        // The voter's 200k are minted delegated; the other 800k are the treasury, held by the timelock.
        token = new BackstopToken(holders, amounts, address(timelock), 1_000_000e18);
        governor = new BackstopGovernor(token, timelock, module, VOTING_DELAY, VOTING_PERIOD, 10_000e18, 4);
        timelock.grantRole(timelock.PROPOSER_ROLE(), address(governor));
        timelock.grantRole(timelock.CANCELLER_ROLE(), address(governor));
        timelock.grantRole(timelock.CANCELLER_ROLE(), guardian);
        timelock.grantRole(timelock.EXECUTOR_ROLE(), address(0));
        steward = new RiskSteward(
            module, clearinghouse, address(timelock), riskKeeper, STEWARD_MAX_STEP, STEWARD_MIN_INTERVAL, _stewardBounds()
        );
        module.setRiskSteward(address(steward));
        clearinghouse.setRiskSteward(address(steward));
        module.bindGovernor(IGovernanceTimings(address(governor)));
        module.transferOwnership(address(timelock));
        clearinghouse.transferOwnership(address(timelock));
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE(), deployer);
        lens = new BackstopLens(module, clearinghouse, governor);
        vm.stopPrank();
    }

    /// @dev The module takes its vaults by interface; arrays of contract types do not convert implicitly.
    function _vaults(TrancheVault[3] memory t) internal pure returns (ITrancheVault[3] memory v) {
        for (uint256 i; i < 3; ++i) {
            v[i] = t[i];
        }
    }

    function _defaultTrancheParams() internal pure returns (IBackstopModule.TrancheParams[3] memory p) {
        p[0] = IBackstopModule.TrancheParams(2_000_000e6, 7 days, 2 days, 3e18);
        p[1] = IBackstopModule.TrancheParams(4_000_000e6, 7 days, 2 days, 1.5e18);
        p[2] = IBackstopModule.TrancheParams(8_000_000e6, 7 days, 2 days, 1e18);
    }

    function _stewardBounds() internal pure returns (RiskSteward.Bounds[4] memory b) {
        b[0] = RiskSteward.Bounds(1.5e18, 6e18);
        b[1] = RiskSteward.Bounds(0.75e18, 3e18);
        b[2] = RiskSteward.Bounds(0.5e18, 2e18);
        b[3] = RiskSteward.Bounds(0.2e18, 2e18);
    }

    function _marketParams(uint256 im, uint256 mm, uint256 impact, uint256 depth)
        internal
        pure
        returns (IClearinghouse.MarketParams memory)
    {
        return IClearinghouse.MarketParams({
            initialMarginRate: im,
            maintenanceMarginRate: mm,
            feeRate: 0.0005e18,
            liquidationFeeRate: 0.01e18,
            liquidationImpact: impact,
            liquidityDepth: depth
        });
    }

    // ---------------------------------------------------------------- helpers

    function _mintUsd(address to, uint256 amount) internal {
        deal(address(usd), to, usd.balanceOf(to) + amount, true);
    }

    function _deposit(address user, uint8 trancheId, uint256 assets) internal returns (uint256 shares) {
        _mintUsd(user, assets);
        vm.startPrank(user);
        usd.approve(address(tranches[trancheId]), assets);
        shares = tranches[trancheId].deposit(assets, user);
        vm.stopPrank();
    }

    /// @dev Draws `shortfall` on the backstop as the clearinghouse does after a bad-debt liquidation.
    function _cover(uint256 shortfall) internal returns (uint256 lossId, uint256 covered) {
        vm.prank(address(clearinghouse));
        return module.cover(ETH, shortfall);
    }

    /// @dev Pays `amount` of premium into the module from a payer minted just that much.
    function _payPremium(uint256 amount) internal virtual {
        address premiumPayer = makeAddr("premiumPayer");
        _mintUsd(premiumPayer, amount);
        vm.startPrank(premiumPayer);
        usd.approve(address(module), amount);
        module.payPremium(amount);
        vm.stopPrank();
    }

    /// @dev Makes the module report itself solvent, and the clearinghouse an uncapped covered protocol, whatever the
    /// capital (what the clearinghouse reads on every open and refresh).
    function _mockSolvent() internal {
        vm.mockCall(address(module), abi.encodeWithSignature("solvencyRatio()"), abi.encode(type(uint256).max));
        vm.mockCall(
            address(module),
            abi.encodeWithSignature("protocolRisk(address)", address(clearinghouse)),
            abi.encode(type(uint256).max, true, uint256(0), type(uint256).max)
        );
    }

    function _setPrice(uint256 marketId, int256 price) internal {
        vm.prank(keeper);
        oracles[marketId].updateAnswer(price);
    }

    function _fundHouse(uint256 amount) internal {
        _fundHouseOf(clearinghouse, amount);
    }

    /// @dev Adds `amount` to a clearinghouse's house liquidity, from a funder minted for it.
    function _fundHouseOf(Clearinghouse target, uint256 amount) internal {
        address funder = makeAddr("houseFunder");
        _mintUsd(funder, amount);
        vm.startPrank(funder);
        usd.approve(address(target), amount);
        target.fundHouse(amount);
        vm.stopPrank();
    }

    /// @dev Opens a position posting `margin`, minting the margin and fee to the trader first.
    function _open(address trader, uint256 marketId, bool isLong, uint256 size, uint256 margin) internal {
        _mintUsd(trader, margin * 2);
        vm.startPrank(trader);
        usd.approve(address(clearinghouse), margin * 2);
        clearinghouse.openPosition(marketId, isLong, size, margin);
        vm.stopPrank();
    }

    /// @dev Moves BSG out of the treasury (what a passed proposal transferring it does).
    function _grantBsg(address to, uint256 amount) internal {
        vm.prank(address(timelock));
        token.transfer(to, amount);
    }

    /// @dev Executes a call as the timelock (what a passed proposal does).
    function _asTimelock(address target, bytes memory data) internal {
        vm.prank(address(timelock));
        (bool ok, bytes memory ret) = target.call(data);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
    }
}
