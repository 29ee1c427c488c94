/**
 * Documents that "Migrate this file" found held back by their migration group (packageGroup.ts), per version: their
 * diagnostics and code actions then show the file-migration findings as not fixable, with the reason. Learnt on the
 * explicit resolve only (the check reads the package's files); a new version of the document forgets it.
 */
export class HeldBackDocuments {
  private readonly held = new Map<string, { version: number; reason: string }>();

  /** Records the outcome of a group check; true when that changes what the document's diagnostics say. */
  record(uri: string, version: number, reason: string | undefined): boolean {
    const before = this.reasonFor(uri, version);
    if (reason === undefined) this.held.delete(uri);
    else this.held.set(uri, { version, reason });
    return before !== reason;
  }

  reasonFor(uri: string, version: number): string | undefined {
    const entry = this.held.get(uri);
    return entry && entry.version === version ? entry.reason : undefined;
  }

  forget(uri: string): void {
    this.held.delete(uri);
  }
}
