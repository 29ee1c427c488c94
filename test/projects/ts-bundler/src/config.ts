export const REGION = "us-east-1";

export function banner(name: string): string {
  return `== ${name} ==`;
}
