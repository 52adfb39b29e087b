import { expect, test, type Page } from '@playwright/test';
import { createPublicClient, http, parseUnits, type Address, type Hex } from 'viem';
import { backstopGovernorAbi, backstopLensAbi, backstopModuleAbi } from '../lib/chain/abis.generated';
import { effectAccountFrom, effectStateFromJson } from '../lib/governance/effectState';
import { proposalEffectToJson } from '../lib/governance/effectJson';
import { effectRows } from '../lib/governance/effectRows';
import { proposalEffect } from '../lib/governance/proposalEffect';
import type { ProposalEffectPayload } from '../lib/governance/proposalEffectPayload';
import {
  applyCoverCall,
  requiredCapital,
  requiredCapitalOfProtocols,
  solvencyRatio,
} from '../lib/governance/solvencyMath';
import { riskInputsFromChain } from '../lib/risk';
import { chainStateFromPayload, type RiskInputsPayload } from '../lib/risk/worker/inputsPayload';
import { readDeployment } from '../scripts/lib/deployment';
import { DEPLOYMENT_FILE } from './support/deploymentFile';
import { expectNoSeriousViolations } from './support/axe';
import { connectDevWallet } from './support/devWallet';
import { tabTo } from './support/keyboard';

// e2e/support/globalSetup.ts points these at its own seeded chain; the defaults fit a running `npm start`.
const rpcUrl = process.env.BACKSTOP_RPC_URL ?? 'http://127.0.0.1:8545';
const deployment = readDeployment(DEPLOYMENT_FILE);
const chain = createPublicClient({ transport: http(rpcUrl) });
const targets = {
  module: deployment.contracts.module,
  clearinghouse: deployment.contracts.clearinghouse,
  steward: deployment.contracts.riskSteward,
};

/** Anvil #1 votes in the seed and holds Senior (and what Junior's restart settled); no other spec moves its deposits. */
const HOLDER = 1;
const wad = (n: string) => parseUnits(n, 18);

type Answer = ProposalEffectPayload & {
  inputs?: {
    calls: { targets: string[]; calldatas: string[] };
    state: Parameters<typeof effectStateFromJson>[0];
    risk: Omit<RiskInputsPayload, 'lossRecord'>;
  };
};

/** The seeded proposal with this title (scripts/lib/seed/plan-governance.ts). */
async function seededProposal(title: string): Promise<string> {
  const created = await chain.getContractEvents({
    address: deployment.contracts.governor,
    abi: backstopGovernorAbi,
    eventName: 'ProposalCreated',
    fromBlock: BigInt(deployment.deployBlock),
  });
  const found = created.find((e) => e.args.description?.startsWith(`# ${title}`));
  expect(found?.args.proposalId, `the seed has "${title}"`).toBeDefined();
  return String(found!.args.proposalId);
}

/** What the page's effect table shows: per row its raw values and its three cells' text, and the block. */
async function shownEffect(page: Page) {
  const block = await page.getByTestId('effect-block').getAttribute('data-block');
  const rows = await page
    .getByTestId('effect-table')
    .locator('tr[data-testid^="effect-"]')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        key: tr.getAttribute('data-testid')!.slice('effect-'.length),
        before: tr.getAttribute('data-before'),
        after: tr.getAttribute('data-after'),
        cells: Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? ''),
      })),
    );
  return { block, rows };
}

/** The rows the page must show for a route answer (the same lib formatting, not hard-coded numbers). */
function expectedRows(answer: Answer) {
  return effectRows(answer).map((r) => ({
    key: r.key,
    before: r.before ?? '',
    after: r.after ?? '',
    cells: [r.beforeText, r.afterText, r.changeText],
  }));
}

test('a proposal page shows its effect before → after, equal to the JSON route and to the model on the changed inputs', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const id = await seededProposal('Raise the ETH stress loss rate to 15%');
  const answers: Answer[] = [];
  page.on('response', async (response) => {
    if (!response.url().includes(`/api/proposals/${id}/effect`) || response.status() !== 200) return;
    answers.push((await response.json().catch(() => null)) as Answer);
  });

  await page.goto(`/governance/${id}`);
  await connectDevWallet(page, HOLDER);
  await expect(page.getByTestId('effect-account-expectedLoss')).toBeVisible();

  // 1. What the page shows is the route's answer for the block it names, cell for cell (it polls: wait for a match).
  let answer: Answer | undefined;
  await expect
    .poll(async () => {
      const shown = await shownEffect(page);
      const candidate = answers.find((a) => a.blockNumber === shown.block && a.account !== null);
      if (!candidate) return `no route answer for block ${shown.block ?? '?'} yet`;
      const expected = expectedRows(candidate);
      if (JSON.stringify(shown.rows) !== JSON.stringify(expected)) return { shown: shown.rows, expected };
      answer = candidate;
      return 'equal';
    })
    .toBe('equal');

  // 2. The route's answer is lib/governance/proposalEffect run on the inputs it names.
  const response = await page.request.get(`/api/proposals/${id}/effect?account=${answer!.account!.address}&inputs=1`);
  expect(response.status()).toBe(200);
  const full = (await response.json()) as Answer;
  const inputs = full.inputs!;
  const state = effectStateFromJson(inputs.state);
  const local = proposalEffectToJson(
    proposalEffect({
      state,
      model: riskInputsFromChain(chainStateFromPayload(inputs.risk as RiskInputsPayload)).inputs,
      actions: inputs.calls.targets.map((target, i) => ({
        target: target as Address,
        calldata: inputs.calls.calldatas[i] as Hex,
      })),
      targets,
      account: {
        address: full.account!.address,
        tranches: full.account!.tranches.map((t) => ({ shares: BigInt(t.shares), assets: BigInt(t.assets) })),
      },
    }),
  );
  const { actions: localActions, ...localFigures } = local;
  const { actions: routeActions, ...routeFigures } = full;
  expect(routeFigures).toMatchObject(JSON.parse(JSON.stringify(localFigures)) as Record<string, unknown>);
  expect(routeActions.map(({ words: _words, ...a }) => a)).toEqual(localActions);

  // 3. Its "before" is the chain's own figure at that block, its "after" the contract's formula with ETH at 15 %.
  const blockNumber = BigInt(full.blockNumber);
  const onChain = await chain.readContract({
    address: deployment.contracts.lens,
    abi: backstopLensAbi,
    functionName: 'getDashboard',
    args: [full.account!.address],
    blockNumber,
  });
  expect(full.requiredCapital.before).toBe(onChain.module.requiredCapital.toString());
  expect(full.solvencyRatio.before).toBe(onChain.module.solvencyRatio.toString());
  expect(effectAccountFrom(onChain.user, full.account!.address)?.tranches.map((t) => t.assets.toString())).toEqual(
    full.account!.tranches.map((t) => t.assets),
  );
  // Two protocols each count: "before" equal to the chain is the sum, not protocol 0's part.
  const active = state.protocols!.filter((p) => p.active);
  expect(active.length).toBeGreaterThanOrEqual(2);
  for (const p of active) expect(requiredCapital(p.markets)).toBeGreaterThan(0n);
  const raised = applyCoverCall(state.protocols!, { functionName: 'setStressLossRate', args: [0n, wad('0.15')] })!;
  const after = requiredCapitalOfProtocols(raised);
  expect(full.requiredCapital.after).toBe(after.toString());
  expect(full.solvencyRatio.after).toBe(solvencyRatio(onChain.module.totalCapital, after).toString());
  expect(BigInt(full.solvencyRatio.after)).toBeLessThan(BigInt(full.solvencyRatio.before));
  expect(full.actions).toEqual([expect.objectContaining({ kind: 'modelled', call: 'stressLossRate:0' })]);
  expect(
    full.account!.tranches.some((t) => BigInt(t.assets) > 0n),
    'the holder holds a tranche',
  ).toBe(true);
});

test('the route refuses a bad id or account, and says when a proposal is unknown', async ({ request }) => {
  expect((await request.get('/api/proposals/12abc/effect')).status()).toBe(400);
  expect((await request.get('/api/proposals/1/effect?account=0x1234')).status()).toBe(400);
  const unknown = await request.get(`/api/proposals/${'9'.repeat(70)}/effect`);
  expect(unknown.status()).toBe(404);
  expect(((await unknown.json()) as { error: string }).error).toContain('No proposal');
});

test('in the new-proposal form, a stress loss rate typed in moves the after column', async ({ page }) => {
  await page.goto('/governance/new');
  await connectDevWallet(page, HOLDER);
  await page.getByTestId('template-select').selectOption('stressLossRate:0');
  await page.getByTestId('template-add').click();
  const required = page.getByTestId('effect-requiredCapital');
  // Prefilled with the value in force: nothing changes yet.
  await expect(required).toHaveAttribute('data-changed', 'false');

  await page.getByTestId('action-0-field-0').fill('20');
  await expect
    .poll(async () => {
      const block = await page.getByTestId('effect-block').getAttribute('data-block');
      const shownAfter = await required.getAttribute('data-after');
      if (!block || !shownAfter) return 'not shown yet';
      const lens = await chain.readContract({
        address: deployment.contracts.lens,
        abi: backstopLensAbi,
        functionName: 'getDashboard',
        args: ['0x0000000000000000000000000000000000000000'],
        blockNumber: BigInt(block),
      });
      const protocols = lens.protocols.map((p) => ({
        id: Number(p.id),
        active: p.active,
        suspended: p.suspended,
        markets: p.markets.map((m) => ({ ...m, id: Number(m.id) })),
      }));
      const raised = applyCoverCall(protocols, { functionName: 'setStressLossRate', args: [0n, wad('0.2')] })!;
      const after = requiredCapitalOfProtocols(raised).toString();
      return shownAfter === after ? 'matches' : `${shownAfter} at block ${block}`;
    })
    .toBe('matches');
  await expect(required).toHaveAttribute('data-changed', 'true');
  // The risk model does not read the stress loss rate: Junior's P(loss) stays.
  await expect(page.getByTestId('effect-tranche-0-probabilityOfLoss')).toHaveAttribute('data-changed', 'false');
  await expect(page.getByTestId('effect-tranche-0-probabilityOfLoss')).not.toHaveAttribute('data-before', '');
  // The block is accessible and its table reachable from the keyboard (a named scroll region, a tab stop).
  await expectNoSeriousViolations(page, 'new proposal with its effect');
  const region = page.getByRole('region', { name: 'Effect if executed, before and after' });
  await tabTo(page, region); // and its focus can be seen
  const stress = await chain.readContract({
    address: deployment.contracts.module,
    abi: backstopModuleAbi,
    functionName: 'stressLossRate',
    args: [0n],
  });
  expect(stress).not.toBe(wad('0.2'));
});
