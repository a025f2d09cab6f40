/**
 * axe-core in the page under test: the npm package's script is injected into the page (no
 * download), run against WCAG 2.0–2.2 A and AA rules, and its violations returned as lines.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** "impact rule: help (n nodes: selectors)" per violation, prefixed with where it was found. */
export async function runAxe(page: Page, where: string): Promise<string[]> {
  // Needs a context opened with bypassCSP: the page's script-src 'self' refuses inline scripts.
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(c: Document, o: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
        .run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
        .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }))),
    TAGS,
  );
  return violations.map(
    (v) => `${where}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")})`,
  );
}

export function seriousViolations(lines: string[]): string[] {
  return lines.filter((line) => / (serious|critical) /.test(line));
}
