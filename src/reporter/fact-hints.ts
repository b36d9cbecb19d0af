import type { FactsFile } from '../contract/index.ts';
// Which fact a hand-typed figure probably is, so the warning can say what to write instead:
// "181.5 million yuan" → :fact[imports-2024], "$25.8 million" → :fact[imports-2024]{as=usd}.

/** Written figures are rounded; within half a percent counts as the same figure. */
const TOLERANCE = 0.005;

function near(written: number, exact: number): boolean {
  return exact !== 0 && Math.abs(written - exact) <= Math.abs(exact) * TOLERANCE;
}

/** The directives that would print a figure close to `value`, best first. */
export function factsMatching(value: number, facts: Readonly<FactsFile>, dollars: boolean): string[] {
  const matches: string[] = [];
  for (const fact of Object.values(facts)) {
    const usd = fact.usd?.value;
    if (!dollars && near(value, fact.value)) matches.push(`:fact[${fact.key}]`);
    else if (usd !== undefined && near(value, usd)) matches.push(`:fact[${fact.key}]{as=usd}`);
  }
  return matches.sort();
}
