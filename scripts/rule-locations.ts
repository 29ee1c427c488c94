// Writes, under each rule's heading in docs/rules.md, where the rule is detected and where it is fixed: the engine
// files whose detectors and fixes declare it (`rules: [...]`, or `servingRules([...], ...)` for a function). Run
// `npm run docs:rules` after adding or moving a detector or fix; test/unit/docs.test.ts fails while the lines are stale.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { allRules } from '../server/src/engine/rules';
import type { RuleId } from '../server/src/engine/types';

const ROOT = join(__dirname, '..');
const ENGINE = join(ROOT, 'server', 'src', 'engine');
export const RULES_DOC = join(ROOT, 'docs', 'rules.md');

export interface RuleLocations {
  /** Engine-relative paths of the files whose detectors declare the rule. */
  detectedIn: string[];
  /** Engine-relative paths of the files whose fixes declare it. */
  fixedIn: string[];
}

// Fixes live under a fixes/ folder or in a file named for them (packageJson/packageJsonFixes.ts); the rest detects.
const isFixFile = (path: string) => path.split('/').includes('fixes') || /Fix(es)?\.ts$/.test(basename(path));
// The migration note is an optional TODO comment, not a rewrite: the docs say so beside its file.
const NOTE_FILE = 'fixes/support/migrationNote.ts';

/** Every rule with the files that declare it, from the exported detectors and fixes of every engine module. */
export function ruleLocations(): Map<RuleId, RuleLocations> {
  const locations = new Map<RuleId, RuleLocations>(allRules().map((rule) => [rule.id, { detectedIn: [], fixedIn: [] }]));
  for (const file of engineFiles(ENGINE)) {
    const path = relative(ENGINE, file).split('\\').join('/');
    // Every engine module is loaded to read its declarations: the engine is pure, loading runs nothing.
    const exported = require(file) as Record<string, unknown>;
    for (const value of Object.values(exported)) {
      const rules = (value !== null && (typeof value === 'object' || typeof value === 'function')) ? (value as { rules?: unknown }).rules : undefined;
      if (!Array.isArray(rules)) continue;
      for (const rule of rules as RuleId[]) {
        const entry = locations.get(rule);
        if (!entry) throw new Error(`${path} declares unknown rule '${rule}'`);
        const list = isFixFile(path) ? entry.fixedIn : entry.detectedIn;
        if (!list.includes(path)) list.push(path);
      }
    }
  }
  return locations;
}

/** docs/rules.md with each rule's "Detected in" and "Fixed in" lines (re)written right under its heading. */
export function withRuleLocations(doc: string, locations = ruleLocations()): string {
  let result = doc;
  for (const [rule, { detectedIn, fixedIn }] of locations) {
    const heading = `## \`${rule}\`\n\n`;
    const at = result.indexOf(heading);
    if (at < 0) continue; // docs.test.ts reports a rule without a section
    const bodyStart = at + heading.length;
    let rest = result.slice(bodyStart);
    while (/^- \*\*(Detected|Fixed) in:\*\*/.test(rest)) rest = rest.slice(rest.indexOf('\n') + 1);
    const lines = [
      `- **Detected in:** ${detectedIn.map(link).join(', ') || 'no detector'}`,
      `- **Fixed in:** ${fixedIn.map((path) => path === NOTE_FILE ? `${link(path)} (migration note only)` : link(path)).join(', ') || 'no fix'}`,
    ];
    result = result.slice(0, bodyStart) + lines.join('\n') + '\n' + rest;
  }
  return result;
}

function link(path: string): string {
  return `[${path}](../server/src/engine/${path})`;
}

function engineFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return engineFiles(path);
    return entry.endsWith('.ts') && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

if (require.main === module) {
  const doc = readFileSync(RULES_DOC, 'utf8');
  const updated = withRuleLocations(doc);
  if (updated !== doc) writeFileSync(RULES_DOC, updated);
  console.log(updated === doc ? 'docs/rules.md is up to date' : 'docs/rules.md: rule locations rewritten');
}
