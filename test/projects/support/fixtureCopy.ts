// Copies a fixture folder. A fixture project may be laid over another (its `overlay.json`: `{ "base": "<project>" }`,
// a sibling folder): the base's files first, then its own, which replace those of the same path. node_modules folders
// and the overlay.json itself are not copied.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const OVERLAY = 'overlay.json';

export function copyFixture(fixture: string, target: string): void {
  const copied = (source: string) => !source.split(/[\\/]/).includes('node_modules') && !(dirname(source) === fixture && basename(source) === OVERLAY);
  const base = baseOf(fixture);
  if (base) cpSync(base, target, { recursive: true, filter: copied });
  cpSync(fixture, target, { recursive: true, filter: copied });
}

/** The folder a fixture is laid over, if it is. */
export function baseOf(fixture: string): string | undefined {
  const overlay = join(fixture, OVERLAY);
  if (!existsSync(overlay)) return undefined;
  return join(dirname(fixture), (JSON.parse(readFileSync(overlay, 'utf8')) as { base: string }).base);
}
