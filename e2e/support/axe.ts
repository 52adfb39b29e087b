import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** WCAG 2.1 A and AA: what the issue asks every page to pass. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);
/** Enough nodes per rule to find the component; the full result is attached to the test. */
const NODES_SHOWN = 5;

/**
 * Runs axe on the page as it is now and lists each serious or critical violation: rule id, impact, help text and the
 * elements it hit (with axe's reason, e.g. the contrast ratio it measured). An empty list means the page passes.
 */
async function seriousViolations(page: Page, label: string): Promise<string[]> {
  await transitionsSettled(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  await test
    .info()
    .attach(`axe ${label}`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  const blocking = results.violations.filter((violation) => violation.impact && BLOCKING_IMPACTS.has(violation.impact));
  return blocking.map((violation) => {
    const nodes = violation.nodes.slice(0, NODES_SHOWN).map((node) => {
      const why = node.failureSummary?.split('\n').slice(1).join(' ').trim();
      return `    ${node.target.join(' ')}${why ? ` — ${why}` : ''}`;
    });
    const more = violation.nodes.length > NODES_SHOWN ? [`    … and ${violation.nodes.length - NODES_SHOWN} more`] : [];
    return [`${violation.id} (${violation.impact}): ${violation.help} [${violation.helpUrl}]`, ...nodes, ...more].join(
      '\n',
    );
  });
}

/**
 * A colour-scheme switch (or a hover) starts CSS colour transitions, and RainbowKit's buttons transition every
 * property: axe must not sample a colour halfway between two themes, as it did twice (contrast 4.39 and 3.22 on a
 * connect-button label). getAnimations() brings styles up to date first, so transitions just triggered are counted.
 */
async function transitionsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
  );
}

/** Fails the test (softly, so every scan of a test reports) on any serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const report = await seriousViolations(page, label);
  expect.soft(report, `serious or critical axe violations on ${label}:\n${report.join('\n')}`).toEqual([]);
}
