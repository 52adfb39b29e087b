import type { Change, ProposalEffect } from './proposalEffect';

const str = (c: Change<bigint>): Change<string> => ({ before: c.before.toString(), after: c.after.toString() });
const strOrNull = (c: Change<bigint> | null): Change<string> | null => (c ? str(c) : null);

/**
 * A ProposalEffect as the JSON of GET /api/proposals/:id/effect (docs/interfaces.md): amounts and wads as decimal
 * strings of raw integers, probabilities and APRs as fractions. The page and the new-proposal form draw this form.
 */
export function proposalEffectToJson(effect: ProposalEffect) {
  return {
    blockNumber: effect.blockNumber.toString(),
    timestamp: effect.timestamp,
    assetDecimals: effect.assetDecimals,
    assetSymbol: effect.assetSymbol,
    horizonHours: effect.horizonHours,
    actions: effect.actions,
    complete: effect.complete,
    totalCapital: effect.totalCapital.toString(),
    requiredCapital: str(effect.requiredCapital),
    solvencyRatio: str(effect.solvencyRatio),
    solvencyThreshold: str(effect.solvencyThreshold),
    newPositionsAllowed: effect.newPositionsAllowed,
    utilisation: strOrNull(effect.utilisation),
    premiumMultiplier: strOrNull(effect.premiumMultiplier),
    tranches: effect.tranches.map((t) => ({
      id: t.id,
      name: t.name,
      capital: t.capital.toString(),
      probabilityOfLoss: t.probabilityOfLoss,
      expectedLoss: strOrNull(t.expectedLoss),
      fairApr: t.fairApr,
      premiumShare: str(t.premiumShare),
    })),
    account: effect.account
      ? {
          address: effect.account.address,
          tranches: effect.account.tranches.map((t) => ({
            id: t.id,
            shares: t.shares.toString(),
            assets: t.assets.toString(),
            probabilityOfLoss: t.probabilityOfLoss,
            expectedLoss: strOrNull(t.expectedLoss),
          })),
          probabilityOfLoss: effect.account.probabilityOfLoss,
          expectedLoss: strOrNull(effect.account.expectedLoss),
          premiumShare: str(effect.account.premiumShare),
        }
      : null,
    modelError: effect.modelError,
  };
}

export type ProposalEffectJson = ReturnType<typeof proposalEffectToJson>;
