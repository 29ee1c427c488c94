import { banner } from "../config";
import { reply } from "../services/chat";

const answer = await reply("What is the population of Chongqing?");
console.log(banner("ask"));
console.log(answer.text);
console.log(`tokens: ${answer.tokens}`);
