// Output helpers shared by the programs (no Bedrock here).
"use strict";

/**
 * @param {string} name
 * @param {unknown} value
 */
function report(name, value) {
  console.log(`${name}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
}

module.exports = { report };
