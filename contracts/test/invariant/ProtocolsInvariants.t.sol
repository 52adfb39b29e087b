// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {console} from "forge-std/console.sol";
import {TestStablecoin} from "../../src/TestStablecoin.sol";
import {TrancheVault} from "../../src/TrancheVault.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {IBackstopModule} from "../../src/interfaces/IBackstopModule.sol";
import {Clearinghouse} from "../../src/Clearinghouse.sol";
import {MockAggregator} from "../../src/mocks/MockAggregator.sol";
import {TwoProtocolsFixture} from "../utils/TwoProtocolsFixture.sol";

/// @notice Two protocols trading, moving prices, liquidating and drawing on one backstop, with governance moving
/// caps and removing the second, and the guardian suspending either (governance resuming it) at random. Ghost flags record what must never happen; the invariants read them.
contract ProtocolsHandler is Test {
    TestStablecoin internal usd;
    BackstopModule internal module;
    TrancheVault[3] internal vaults;
    Clearinghouse[2] internal houses;
    MockAggregator[][2] internal feeds;
    address internal keeper;
    address internal timelock;
    address internal guardian;
    address[3] internal traders = [makeAddr("pt1"), makeAddr("pt2"), makeAddr("pt3")];
    address internal lp = makeAddr("plp");

    bool public openBeyondCap;
    bool public waterfallOutOfOrder;
    bool public removedDrew;
    bool public suspendedDrew;
    bool public suspendedOpened;
    uint256 public opens;
    uint256 public suspensions;
    uint256 public resumes;
    uint256 public capRefusals;
    uint256 public covers;

    constructor(
        TestStablecoin usd_,
        BackstopModule module_,
        Clearinghouse[2] memory houses_,
        MockAggregator[][2] memory feeds_,
        address keeper_,
        address timelock_,
        address guardian_
    ) {
        usd = usd_;
        module = module_;
        houses = houses_;
        feeds = feeds_;
        keeper = keeper_;
        timelock = timelock_;
        guardian = guardian_;
        for (uint8 i; i < 3; ++i) {
            vaults[i] = TrancheVault(address(module_.tranche(i)));
        }
        deal(address(usd), lp, 1e30, true);
        vm.startPrank(lp);
        for (uint8 i; i < 3; ++i) {
            usd.approve(address(vaults[i]), type(uint256).max);
        }
        vm.stopPrank();
        for (uint256 t; t < 3; ++t) {
            deal(address(usd), traders[t], 1e30, true);
            vm.startPrank(traders[t]);
            usd.approve(address(houses_[0]), type(uint256).max);
            usd.approve(address(houses_[1]), type(uint256).max);
            vm.stopPrank();
        }
    }

    function deposit(uint8 trancheId, uint256 assets) external {
        vm.prank(lp);
        try vaults[trancheId % 3].deposit(bound(assets, 1e6, 500_000e6), lp) {} catch {}
    }

    function open(uint256 p, uint256 market, uint256 who, bool isLong, uint256 size) external {
        p %= 2;
        Clearinghouse house = houses[p];
        market %= house.marketCount();
        size = bound(size, 1e16, 200e18);
        (uint256 price,) = house.oraclePrice(market);
        uint256 notional = size * price / 1e30;
        if (notional == 0) return;
        uint256 margin = house.initialMargin(market, notional) * 2;
        bool suspended = module.protocolSuspended(p);
        vm.prank(traders[who % 3]);
        try house.openPosition(market, isLong, size, margin) {
            opens++;
            if (suspended) suspendedOpened = true;
            IBackstopModule.Protocol memory reg = module.protocol(p);
            if (module.protocolExposure(p) > reg.exposureCap) openBeyondCap = true;
        } catch (bytes memory reason) {
            if (bytes4(reason) == bytes4(keccak256("ExposureAboveCap(uint256,uint256)"))) capRefusals++;
        }
    }

    function movePrice(uint256 p, uint256 market, uint256 bps) external {
        p %= 2;
        market %= feeds[p].length;
        MockAggregator feed = feeds[p][market];
        (, int256 answer,,,) = feed.latestRoundData();
        // −30 % to +30 %
        int256 move = int256(bound(bps, 0, 6_000)) - 3_000;
        int256 next = answer + answer * move / 10_000;
        if (next <= 0) return;
        vm.prank(keeper);
        feed.updateAnswer(next);
    }

    function liquidate(uint256 p, uint256 market, uint256 who) external {
        p %= 2;
        Clearinghouse house = houses[p];
        market %= house.marketCount();
        uint256[3] memory before = _assets();
        try house.liquidate(traders[who % 3], market) returns (uint256 shortfall) {
            if (shortfall > 0) _checkWaterfall(before, p);
        } catch {}
    }

    function cover(uint256 p, uint256 amount) external {
        p %= 2;
        amount = bound(amount, 1, 50_000e6);
        uint256[3] memory before = _assets();
        IBackstopModule.Protocol memory reg = module.protocol(p);
        vm.prank(address(houses[p]));
        try module.cover(0, amount) {
            if (!reg.active) removedDrew = true;
            if (reg.suspended) suspendedDrew = true;
            _checkWaterfall(before, p);
        } catch {}
    }

    function setCap(uint256 cap) external {
        vm.prank(timelock);
        module.setExposureCap(1, bound(cap, 0, 500_000e6));
    }

    function removeSecond(uint256 dice) external {
        // rarely: most runs keep both protocols
        if (dice % 97 != 13 || !module.protocol(1).active) return;
        vm.prank(timelock);
        module.removeProtocol(1);
    }

    /// @dev The guardian or, less often, governance; refused on a removed or already suspended protocol.
    function suspend(uint256 p, uint256 who) external {
        p %= 2;
        vm.prank(who % 4 == 0 ? timelock : guardian);
        try module.suspendProtocol(p) {
            suspensions++;
        } catch {}
    }

    function resume(uint256 p) external {
        p %= 2;
        vm.prank(timelock);
        try module.resumeProtocol(p) {
            resumes++;
        } catch {}
    }

    function _assets() internal view returns (uint256[3] memory a) {
        for (uint8 i; i < 3; ++i) {
            a[i] = vaults[i].totalAssets();
        }
    }

    /// @dev A tranche may pay only once every tranche before it is empty.
    function _checkWaterfall(uint256[3] memory before, uint256) internal {
        covers++;
        uint256[3] memory afterAssets = _assets();
        for (uint8 k = 1; k < 3; ++k) {
            if (afterAssets[k] < before[k]) {
                for (uint8 i; i < k; ++i) {
                    if (afterAssets[i] != 0) waterfallOutOfOrder = true;
                }
            }
        }
    }
}

/// @notice With two protocols on one module: one waterfall in order, no open beyond a cap, a removed or suspended
/// protocol never draws nor opens, and required capital is the sum of the active, unsuspended protocols' exposures.
contract ProtocolsInvariants is TwoProtocolsFixture {
    ProtocolsHandler internal handler;

    function setUp() public override {
        super.setUp();
        MockAggregator[][2] memory feeds;
        feeds[0] = new MockAggregator[](3);
        feeds[1] = new MockAggregator[](2);
        for (uint256 i; i < 3; ++i) {
            feeds[0][i] = oracles[i];
        }
        for (uint256 i; i < 2; ++i) {
            feeds[1][i] = oracles2[i];
        }
        handler = new ProtocolsHandler(
            usd, module, [clearinghouse, clearinghouse2], feeds, keeper, address(timelock), guardian
        );
        _deposit(makeAddr("base"), 0, 200_000e6);
        _deposit(makeAddr("base"), 1, 400_000e6);
        _deposit(makeAddr("base"), 2, 800_000e6);
        _fundHouse(10_000_000e6);
        bytes4[] memory selectors = new bytes4[](12);
        selectors[0] = handler.deposit.selector;
        selectors[1] = handler.open.selector;
        selectors[2] = handler.open.selector;
        selectors[3] = handler.open.selector;
        selectors[4] = handler.movePrice.selector;
        selectors[5] = handler.movePrice.selector;
        selectors[6] = handler.liquidate.selector;
        selectors[7] = handler.cover.selector;
        selectors[8] = handler.setCap.selector;
        selectors[9] = handler.removeSecond.selector;
        selectors[10] = handler.suspend.selector;
        selectors[11] = handler.resume.selector;
        targetSelector(StdInvariant.FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    function invariant_waterfallInOrderWhicheverProtocolDraws() public view {
        assertFalse(handler.waterfallOutOfOrder(), "a tranche paid before an earlier one was empty");
    }

    function invariant_noOpenLeavesAProtocolBeyondItsCap() public view {
        assertFalse(handler.openBeyondCap(), "an open left its protocol's exposure above the cap");
    }

    function invariant_removedProtocolNeverDraws() public view {
        assertFalse(handler.removedDrew(), "a removed protocol drew on the waterfall");
    }

    function invariant_suspendedProtocolNeverDrawsNorOpens() public view {
        assertFalse(handler.suspendedDrew(), "a suspended protocol drew on the waterfall");
        assertFalse(handler.suspendedOpened(), "a suspended protocol's clearinghouse accepted an open");
    }

    function invariant_requiredCapitalIsTheSumOverCountedProtocols() public view {
        uint256 sum;
        for (uint256 p; p < module.protocolCount(); ++p) {
            IBackstopModule.Protocol memory reg = module.protocol(p);
            if (reg.active && !reg.suspended) sum += module.protocolExposure(p);
        }
        assertEq(module.requiredCapital(), sum);
    }

    /// @dev Logs (with -vv) how much the last run exercised.
    function afterInvariant() external view {
        console.log("opens", handler.opens());
        console.log("cap refusals", handler.capRefusals());
        console.log("covers", handler.covers());
        console.log("suspensions", handler.suspensions());
        console.log("resumes", handler.resumes());
    }
}
