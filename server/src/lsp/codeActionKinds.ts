/**
 * Whether a client's `context.only` filter asks for actions of `kind`. Kinds are hierarchical: `source`
 * includes `source.fixAll`, which includes `source.fixAll.bedrockToSagemaker`. No filter means every kind.
 */
export function isKindRequested(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((requested) => requested === kind || kind.startsWith(`${requested}.`));
}
