export function line(source: string, text: string): void {
  console.log(`${source}: ${text}`);
}
