// Printing shared by the programs: what a user would look at in a result.
export function show(label: string, value: unknown): void {
  console.log(`${label} => ${typeof value === "string" ? value : JSON.stringify(value)}`);
}
