// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {BackstopModule} from "../../src/BackstopModule.sol";
import {BackstopLens} from "../../src/BackstopLens.sol";
import {IBackstopModule} from "../../src/interfaces/IBackstopModule.sol";
import {IClearinghouse} from "../../src/interfaces/IClearinghouse.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../src/libraries/EventsLib.sol";
import {TwoProtocolsFixture} from "../utils/TwoProtocolsFixture.sol";

/// @notice The registry of covered protocols: governance adds and removes clearinghouses, each with its own cap,
/// stress loss rates and premium share; all of them draw on one waterfall.
contract ProtocolsTest is TwoProtocolsFixture {
    address internal rogue = makeAddr("rogue");

    // ---------------------------------------------------------------- registry

    function test_initialize_registersProtocolZero_unnamedUncappedFullShare() public view {
        assertEq(module.protocolCount(), 2);
        IBackstopModule.Protocol memory p = module.protocol(P0);
        assertEq(p.clearinghouse, address(clearinghouse));
        assertEq(p.clearinghouse, module.clearinghouse());
        assertTrue(p.active);
        assertEq(p.exposureCap, type(uint256).max);
        assertEq(p.premiumShare, 1e18);
        assertEq(p.name, "");
        assertEq(module.protocolIdOf(address(clearinghouse)), P0);
        assertEq(module.protocolIdOf(address(clearinghouse2)), P1);
        assertEq(module.stressLossRate(ETH), module.protocolStressLossRate(P0, ETH));
    }

    function test_addProtocol_recordsItAndEmits() public {
        address third = makeAddr("third");
        vm.expectEmit(true, true, false, true, address(module));
        emit EventsLib.ProtocolAdded(2, third, "Third", 1_000e6);
        vm.expectEmit(true, false, false, true, address(module));
        emit EventsLib.PremiumShareSet(2, 0, 0.5e18);
        _gov(abi.encodeCall(BackstopModule.addProtocol, (third, "Third", 1_000e6, 0.5e18)));
        IBackstopModule.Protocol memory p = module.protocol(2);
        assertEq(p.clearinghouse, third);
        assertEq(p.name, "Third");
        assertEq(p.exposureCap, 1_000e6);
        assertEq(p.premiumShare, 0.5e18);
        assertTrue(p.active);
    }

    function test_registry_ownerOnly() public {
        _expectRegistryRefused(address(this));
        // the guardian cannot either
        _expectRegistryRefused(guardian);
    }

    function test_addProtocol_rejectsBadInput() public {
        _expectGovRevert(
            abi.encodeCall(BackstopModule.addProtocol, (address(0), "Zero", 0, 1e18)),
            abi.encodeWithSelector(ErrorsLib.ZeroAddress.selector)
        );
        _expectGovRevert(
            abi.encodeCall(BackstopModule.addProtocol, (address(clearinghouse2), "Again", 0, 1e18)),
            abi.encodeWithSelector(ErrorsLib.ProtocolAlreadyRegistered.selector, address(clearinghouse2), P1)
        );
        _expectGovRevert(
            abi.encodeCall(BackstopModule.addProtocol, (rogue, "", 0, 1e18)),
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "protocolNameLength", 0, 1, 32)
        );
        string memory long = "An overly long protocol name here"; // 33 bytes
        _expectGovRevert(
            abi.encodeCall(BackstopModule.addProtocol, (rogue, long, 0, 1e18)),
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "protocolNameLength", 33, 1, 32)
        );
        string memory markup = "Perp\n<b>";
        _expectGovRevert(
            abi.encodeCall(BackstopModule.addProtocol, (rogue, markup, 0, 1e18)),
            abi.encodeWithSelector(ErrorsLib.InvalidProtocolName.selector, markup)
        );
        _expectGovRevert(
            abi.encodeCall(BackstopModule.addProtocol, (rogue, "Rogue", 0, 1e18 + 1)),
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "premiumShare", 1e18 + 1, 0, 1e18)
        );
        _expectGovRevert(
            abi.encodeCall(BackstopModule.setProtocolStressLossRate, (P1, ETH2, 1e18 + 1)),
            abi.encodeWithSelector(ErrorsLib.ParameterOutOfBounds.selector, "stressLossRate", 1e18 + 1, 0, 1e18)
        );
        _expectGovRevert(
            abi.encodeCall(BackstopModule.setExposureCap, (7, 0)),
            abi.encodeWithSelector(ErrorsLib.UnknownProtocol.selector, 7)
        );
    }

    function test_addProtocol_registryIsBounded() public {
        uint256 max = module.MAX_PROTOCOLS();
        for (uint256 i = module.protocolCount(); i < max; ++i) {
            _gov(abi.encodeCall(BackstopModule.addProtocol, (address(uint160(0x1000 + i)), "P", 0, 1e18)));
        }
        _expectGovRevert(
            abi.encodeCall(BackstopModule.addProtocol, (rogue, "One more", 0, 1e18)),
            abi.encodeWithSelector(ErrorsLib.TooManyProtocols.selector, max)
        );
    }

    function test_stressLossRates_arePerProtocol() public {
        vm.expectEmit(true, true, false, true, address(module));
        emit EventsLib.ProtocolStressLossRateSet(P1, ETH2, 0.15e18, 0.3e18);
        _gov(abi.encodeCall(BackstopModule.setProtocolStressLossRate, (P1, ETH2, 0.3e18)));
        assertEq(module.protocolStressLossRate(P1, ETH2), 0.3e18);
        assertEq(module.stressLossRate(ETH), 0.12e18, "protocol 0's ETH is its own market");
        // protocol 0 keeps its setter and its event
        vm.expectEmit(true, false, false, true, address(module));
        emit EventsLib.StressLossRateSet(ETH, 0.12e18, 0.2e18);
        _gov(abi.encodeCall(BackstopModule.setStressLossRate, (ETH, 0.2e18)));
        assertEq(module.protocolStressLossRate(P0, ETH), 0.2e18);
        assertEq(module.protocolStressLossRate(P1, ETH2), 0.3e18);
    }

    // ---------------------------------------------------------------- one waterfall

    function test_coversFromEitherProtocol_drainOneWaterfallInOrder() public {
        _deposit(makeAddr("j"), 0, 100_000e6);
        _deposit(makeAddr("m"), 1, 200_000e6);
        _deposit(makeAddr("s"), 2, 400_000e6);

        vm.expectEmit(true, true, true, true, address(module));
        emit EventsLib.CoverRequested(1, P1, address(clearinghouse2), SOL2, 60_000e6);
        (uint256 id1, uint256 c1) = _coverFrom(clearinghouse2, SOL2, 60_000e6);
        assertEq(id1, 1);
        assertEq(c1, 60_000e6);
        assertEq(tranches[0].totalAssets(), 40_000e6);
        assertEq(usd.balanceOf(address(clearinghouse2)), 60_000e6, "the protocol that asked is paid");

        // protocol 0 continues where protocol 1 left the waterfall: Junior's rest, then Mezzanine
        vm.expectEmit(true, true, true, true, address(module));
        emit EventsLib.CoverRequested(2, P0, address(clearinghouse), ETH, 100_000e6);
        (uint256 id2, uint256 c2) = _coverFrom(clearinghouse, ETH, 100_000e6);
        assertEq(id2, 2);
        assertEq(c2, 100_000e6);
        assertEq(tranches[0].totalAssets(), 0);
        assertEq(tranches[1].totalAssets(), 140_000e6);
        assertEq(tranches[2].totalAssets(), 400_000e6);
        assertEq(usd.balanceOf(address(clearinghouse)), 100_000e6);

        // and protocol 1 again, past Mezzanine into Senior, and beyond into a deficit
        (uint256 id3, uint256 c3) = _coverFrom(clearinghouse2, ETH2, 600_000e6);
        assertEq(id3, 3);
        assertEq(c3, 540_000e6);
        assertEq(tranches[1].totalAssets(), 0);
        assertEq(tranches[2].totalAssets(), 0);
        assertEq(module.totalDeficit(), 60_000e6);
        assertEq(module.lossCount(), 3);
    }

    /// @dev The real path: a bad-debt liquidation on the second clearinghouse draws on the same tranches.
    function test_liquidationOnSecondProtocol_drawsTheWaterfall_andNamesIt() public {
        _deposit(makeAddr("j"), 0, 50_000e6);
        _deposit(makeAddr("m"), 1, 500_000e6);
        address whale = makeAddr("whale");
        _open2(whale, ETH2, true, 100e18, clearinghouse2.initialMargin(ETH2, 300_000e6)); // 300k at 10.x %
        _setPrice2(ETH2, 2_000e8); // −33 %: ~70k under water
        vm.expectEmit(true, true, true, false, address(module));
        emit EventsLib.CoverRequested(1, P1, address(clearinghouse2), ETH2, 0);
        uint256 shortfall = clearinghouse2.liquidate(whale, ETH2);
        assertGt(shortfall, 50_000e6, "past Junior");
        assertEq(tranches[0].totalAssets(), 0);
        assertEq(tranches[1].totalAssets(), 550_000e6 - shortfall);
        assertEq(module.lossCount(), 1);
        // protocol 0's clearinghouse paid nothing and received nothing
        assertEq(usd.balanceOf(address(clearinghouse)), 0);
    }

    // ---------------------------------------------------------------- who may draw

    function test_cover_unregisteredCallerReverts() public {
        _deposit(makeAddr("j"), 0, 100_000e6);
        vm.prank(rogue);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotClearinghouse.selector, rogue));
        module.cover(ETH, 1e6);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotClearinghouse.selector, rogue));
        module.protocolIdOf(rogue);
    }

    function test_removeProtocol_stopsCoverAndRequiredCapital_andOpens() public {
        _deposit(makeAddr("j"), 0, 1_000_000e6);
        _open2(makeAddr("t"), ETH2, true, 10e18, clearinghouse2.initialMargin(ETH2, 30_000e6));
        assertEq(module.protocolExposure(P1), 4_500e6); // 30k × 15 %
        assertEq(module.requiredCapital(), 4_500e6);

        vm.expectEmit(true, true, false, true, address(module));
        emit EventsLib.ProtocolRemoved(P1, address(clearinghouse2));
        _gov(abi.encodeCall(BackstopModule.removeProtocol, (P1)));

        assertFalse(module.protocol(P1).active);
        assertEq(module.requiredCapital(), 0, "a removed protocol no longer counts");
        assertEq(module.protocolExposure(P1), 4_500e6, "its exposure is still shown");
        assertEq(module.protocolIdOf(address(clearinghouse2)), P1);

        vm.prank(address(clearinghouse2));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotClearinghouse.selector, address(clearinghouse2)));
        module.cover(ETH2, 1e6);

        // new risk on it is refused; its traders can still leave
        _expectOpenRefused2();
        _fundHouse2(100_000e6);
        vm.prank(makeAddr("t"));
        clearinghouse2.closePosition(ETH2);
        assertEq(clearinghouse2.positionOf(makeAddr("t"), ETH2).size, 0);

        _expectGovRevert(
            abi.encodeCall(BackstopModule.removeProtocol, (P1)),
            abi.encodeWithSelector(ErrorsLib.ProtocolNotActive.selector, P1)
        );
        _expectGovRevert(
            abi.encodeCall(BackstopModule.addProtocol, (address(clearinghouse2), "Back", 0, 1e18)),
            abi.encodeWithSelector(ErrorsLib.ProtocolAlreadyRegistered.selector, address(clearinghouse2), P1)
        );
    }

    /// @dev Order within a block: a cover before the removal stands; one after it reverts, whoever sends it.
    function test_removeThenCover_inOneBlock_reverts_coverThenRemove_stands() public {
        _deposit(makeAddr("j"), 0, 100_000e6);
        (uint256 lossId,) = _coverFrom(clearinghouse2, ETH2, 10_000e6);
        assertEq(lossId, 1);
        _gov(abi.encodeCall(BackstopModule.removeProtocol, (P1)));
        assertEq(tranches[0].totalAssets(), 90_000e6, "the earlier loss stands");
        vm.prank(address(clearinghouse2));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotClearinghouse.selector, address(clearinghouse2)));
        module.cover(ETH2, 10_000e6);
        // the other protocol still draws
        _coverFrom(clearinghouse, ETH, 10_000e6);
        assertEq(tranches[0].totalAssets(), 80_000e6);
    }

    /// @dev A protocol added later draws at once: governance's delay, not the module, gives depositors time to leave.
    function test_addedProtocol_drawsAtOnce() public {
        _deposit(makeAddr("j"), 0, 100_000e6);
        _gov(abi.encodeCall(BackstopModule.addProtocol, (rogue, "Rogue", 0, 1e18)));
        vm.prank(rogue);
        (, uint256 covered) = module.cover(0, 5_000e6);
        assertEq(covered, 5_000e6);
    }

    // ---------------------------------------------------------------- required capital and caps

    function test_requiredCapital_sumsActiveProtocols() public {
        _deposit(makeAddr("j"), 0, 2_000_000e6);
        _open(makeAddr("a"), ETH, true, 100e18, clearinghouse.initialMargin(ETH, 300_000e6)); // 300k × 12 %
        _open2(makeAddr("b"), ETH2, false, 10e18, clearinghouse2.initialMargin(ETH2, 30_000e6)); // 30k × 15 %
        _open2(makeAddr("c"), SOL2, true, 100e18, clearinghouse2.initialMargin(SOL2, 15_000e6)); // 15k × 25 %
        assertEq(module.protocolExposure(P0), 36_000e6);
        assertEq(module.protocolExposure(P1), 4_500e6 + 3_750e6);
        assertEq(module.requiredCapital(), 36_000e6 + 8_250e6);
        assertEq(module.solvencyRatio(), Math.mulDiv(module.totalCapital(), 1e18, 44_250e6));
        (uint256 ratio, bool active, uint256 exposure, uint256 cap) = module.protocolRisk(address(clearinghouse2));
        assertEq(ratio, module.solvencyRatio());
        assertTrue(active);
        assertEq(exposure, 8_250e6);
        assertEq(cap, P1_CAP);
        (, active, exposure, cap) = module.protocolRisk(rogue);
        assertFalse(active);
        assertEq(exposure, 0);
        assertEq(cap, 0);
    }

    function test_exposureCap_refusesAnOpenAboveIt_priceMovesDoNot() public {
        _deposit(makeAddr("j"), 0, 2_000_000e6);
        // 300k ETH notional × 15 % = 45k of the 50k cap
        _open2(makeAddr("a"), ETH2, true, 100e18, clearinghouse2.initialMargin(ETH2, 300_000e6));
        // 10 more ETH would take it to 49.5k: fine; 20 more (54k) would not
        uint256 margin = clearinghouse2.initialMargin(ETH2, 60_000e6);
        _mintUsd(makeAddr("b"), 2 * margin);
        vm.startPrank(makeAddr("b"));
        usd.approve(address(clearinghouse2), 2 * margin);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ExposureAboveCap.selector, 54_000e6, P1_CAP));
        clearinghouse2.openPosition(ETH2, false, 20e18, margin);
        clearinghouse2.openPosition(ETH2, false, 10e18, margin);
        vm.stopPrank();
        assertEq(module.protocolExposure(P1), 49_500e6);
        // protocol 0 has no cap: the same notional there is fine
        _open(makeAddr("c"), ETH, true, 20e18, clearinghouse.initialMargin(ETH, 60_000e6));

        // a price rise takes exposure above the cap: nothing is undone, but no new risk is taken
        _setPrice2(ETH2, 3_300e8);
        assertGt(module.protocolExposure(P1), P1_CAP);
        uint256 small = clearinghouse2.initialMargin(SOL2, 150e6);
        _mintUsd(makeAddr("d"), 2 * small);
        vm.startPrank(makeAddr("d"));
        usd.approve(address(clearinghouse2), 2 * small);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ExposureAboveCap.selector, 54_450e6 + 37_500_000, P1_CAP));
        clearinghouse2.openPosition(SOL2, true, 1e18, small);
        vm.stopPrank();
        // governance raises the cap and opens resume
        _gov(abi.encodeCall(BackstopModule.setExposureCap, (P1, 100_000e6)));
        _open2(makeAddr("d"), SOL2, true, 1e18, small);
        assertEq(clearinghouse2.positionOf(makeAddr("d"), SOL2).size, 1e18);
    }

    // ---------------------------------------------------------------- premium share

    function test_premiumShare_splitsEachPremium_restStaysWithTheProtocol() public {
        _deposit(makeAddr("j"), 0, 2_000_000e6);
        uint256 houseBefore = clearinghouse2.houseLiquidity();
        uint256 premiumsBefore = module.totalPremiums();
        uint256 margin = clearinghouse2.initialMargin(ETH2, 30_000e6);
        _open2(makeAddr("a"), ETH2, true, 10e18, margin);
        (,, IClearinghouse.MarketParams memory params,,) = clearinghouse2.market(ETH2);
        uint256 gross = margin - usd.balanceOf(makeAddr("a")); // minted 2 × margin, posted margin, paid the fee
        assertGt(gross, 0, "the open charged a fee");
        assertGe(gross, Math.mulDiv(30_000e6, params.feeRate, 1e18), "at least the base rate");
        uint256 paid = Math.mulDiv(gross, P1_SHARE, 1e18, Math.Rounding.Ceil);
        assertEq(module.totalPremiums() - premiumsBefore, paid, "the backstop's part");
        assertEq(clearinghouse2.retainedPremium(), gross - paid, "the protocol's part");
        assertEq(clearinghouse2.houseLiquidity() - houseBefore, gross - paid, "kept as house liquidity");
        // protocol 0 pays all of its premium, as before
        _open(makeAddr("b"), ETH, true, 10e18, clearinghouse.initialMargin(ETH, 30_000e6));
        assertEq(clearinghouse.retainedPremium(), 0);
    }

    function test_premiumShare_setByGovernance_andRemovedProtocolPaysNothing() public {
        _deposit(makeAddr("j"), 0, 100_000e6);
        vm.expectEmit(true, false, false, true, address(module));
        emit EventsLib.PremiumShareSet(P1, P1_SHARE, 0.25e18);
        _gov(abi.encodeCall(BackstopModule.setPremiumShare, (P1, 0.25e18)));
        assertEq(_payAs(address(clearinghouse2), 1_000e6), 250e6);
        _gov(abi.encodeCall(BackstopModule.removeProtocol, (P1)));
        assertEq(_payAs(address(clearinghouse2), 1_000e6), 0, "no longer covered, no longer paying");
        // an unregistered payer pays everything, as payPremium
        assertEq(_payAs(rogue, 1_000e6), 1_000e6);
    }

    /// @dev A protocol that splits its premium into dust cannot round the backstop's part to nothing.
    function testFuzz_premiumShare_dustRoundsForTheBackstop(uint256 gross, uint256 share, uint8 pieces) public {
        _deposit(makeAddr("j"), 0, 100_000e6);
        share = bound(share, 1, 1e18);
        gross = bound(gross, 1, 1_000e6);
        uint256 n = bound(pieces, 1, 20);
        _gov(abi.encodeCall(BackstopModule.setPremiumShare, (P1, share)));
        uint256 inPieces;
        for (uint256 i; i < n; ++i) {
            inPieces += _payAs(address(clearinghouse2), gross);
        }
        uint256 atOnce = Math.mulDiv(gross * n, share, 1e18, Math.Rounding.Ceil);
        assertGe(inPieces, atOnce, "pieces never pay less than the whole");
        assertGe(inPieces * 1e18, gross * n * share, "never under the share");
        assertGt(inPieces, 0, "a positive share always pays something");
    }

    // ---------------------------------------------------------------- lens

    function test_lens_listsEveryProtocolWithItsMarkets() public {
        _deposit(makeAddr("j"), 0, 2_000_000e6);
        _open(makeAddr("a"), ETH, true, 100e18, clearinghouse.initialMargin(ETH, 300_000e6));
        _open2(makeAddr("b"), SOL2, false, 100e18, clearinghouse2.initialMargin(SOL2, 15_000e6));
        _gov(abi.encodeCall(BackstopModule.setProtocolName, (P0, "Perp One")));
        BackstopLens.Dashboard memory d = lens.getDashboard(address(0));
        assertEq(d.protocols.length, 2);
        assertEq(d.protocols[0].name, "Perp One");
        assertEq(d.protocols[0].clearinghouse, address(clearinghouse));
        assertEq(d.protocols[0].markets.length, 3);
        assertEq(d.protocols[0].exposure, 36_000e6);
        assertEq(d.protocols[1].name, "Perp Two");
        assertEq(d.protocols[1].exposureCap, P1_CAP);
        assertEq(d.protocols[1].premiumShare, P1_SHARE);
        assertEq(d.protocols[1].retainedPremium, clearinghouse2.retainedPremium());
        assertTrue(d.protocols[1].active);
        assertEq(d.protocols[1].markets.length, 2);
        assertEq(d.protocols[1].markets[SOL2].name, "SOL");
        assertEq(d.protocols[1].markets[SOL2].shortNotional, 15_000e6);
        assertEq(d.protocols[1].markets[SOL2].stressLossRate, 0.25e18);
        assertEq(d.protocols[1].markets[SOL2].price, 150e8);
        assertEq(d.protocols[1].exposure, 3_750e6);
        assertEq(d.protocols[0].exposure + d.protocols[1].exposure, d.module.requiredCapital);
    }

    // ---------------------------------------------------------------- helpers

    function _payAs(address payer, uint256 gross) internal returns (uint256 paid) {
        _mintUsd(payer, gross);
        vm.startPrank(payer);
        usd.approve(address(module), gross);
        uint256 before = module.totalPremiums();
        paid = module.payProtocolPremium(gross);
        vm.stopPrank();
        assertEq(module.totalPremiums() - before, paid);
    }
}
