// Prompts shared by the programs.
export const SYSTEM_PROMPT = "You answer questions about Chinese geography.";

export function llama3Prompt(question: string): string {
  return `<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n${SYSTEM_PROMPT}<|eot_id|>`
    + `<|start_header_id|>user<|end_header_id|>\n${question}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n`;
}

export function show(label: string, value: string | number | undefined): void {
  console.log(`${label} => ${value ?? "-"}`);
}
