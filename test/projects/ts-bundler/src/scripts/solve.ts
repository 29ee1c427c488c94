import { banner } from "../config";
import { solve } from "../services/reasoning";

console.log(banner("solve"));
console.log(await solve("What is 17 * 23?"));
