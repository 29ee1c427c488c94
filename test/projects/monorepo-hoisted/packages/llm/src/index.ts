export { summarize } from "./summarize.js";
export { complete } from "./complete.js";
