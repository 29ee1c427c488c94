// Formatting shared by the programs (no Bedrock here).

/**
 * @param {string} label
 * @param {string | undefined} text
 */
export function printAnswer(label, text) {
  console.log(`[${label}] ${text ?? "(no text)"}`);
}
