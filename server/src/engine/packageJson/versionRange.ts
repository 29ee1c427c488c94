import type { PackageJsonDependencies } from './dependencySections';

interface SimpleRange {
  operator: '' | '^' | '~';
  version: [number, number, number];
}

/**
 * The range to give `@aws-sdk/client-sagemaker-runtime`. Every AWS SDK v3 client is released with the same
 * version, so: the highest `major.minor.patch` among the file's `@aws-sdk/*` ranges, written with the operator
 * (`^`, `~` or none) of the Bedrock runtime entry (else of that highest range). Without any such range, the
 * runtime entry's own range when it is a plain tag or wildcard, else `^3.0.0`.
 */
export function sageMakerRuntimeRange(dependencies: PackageJsonDependencies, runtimeRange: string | undefined): string {
  let highest: SimpleRange | undefined;
  for (const entry of dependencies.sections.flatMap((section) => section.entries)) {
    if (!entry.name.startsWith('@aws-sdk/') || entry.version === undefined) continue;
    const parsed = parseSimpleRange(entry.version);
    if (parsed && (!highest || compareVersions(parsed.version, highest.version) > 0)) highest = parsed;
  }
  const own = runtimeRange === undefined ? undefined : parseSimpleRange(runtimeRange);
  if (highest) return `${own?.operator ?? highest.operator}${highest.version.join('.')}`;
  if (runtimeRange !== undefined && isTagOrWildcard(runtimeRange)) return runtimeRange;
  return '^3.0.0';
}

/** `^3.700.0`, `~3.700.0`, `3.700.0` (pre-releases, unions and protocols such as `workspace:` are not simple). */
export function parseSimpleRange(range: string): SimpleRange | undefined {
  const trimmed = range.trim();
  const operator = trimmed.startsWith('^') || trimmed.startsWith('~') ? (trimmed[0] as '^' | '~') : '';
  const parts = trimmed.slice(operator.length).split('.');
  if (parts.length !== 3 || !parts.every(isDigits)) return undefined;
  return { operator, version: parts.map(Number) as [number, number, number] };
}

function isDigits(part: string): boolean {
  return part.length > 0 && [...part].every((ch) => ch >= '0' && ch <= '9');
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** `*`, `latest`, `3.x`...: ranges that resolve the same for every v3 client. */
function isTagOrWildcard(range: string): boolean {
  const trimmed = range.trim();
  if (trimmed === '' || trimmed.includes(':') || trimmed.includes('/') || trimmed.includes(' ')) return false;
  return trimmed === '*' || trimmed === 'latest' || trimmed.split('.').every((part) => isDigits(part) || part === 'x' || part === '*');
}
