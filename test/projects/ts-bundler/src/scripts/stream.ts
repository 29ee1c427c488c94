import { banner } from "../config";
import { replyStreaming } from "../services/chat";

console.log(banner("stream"));
let all = "";
await replyStreaming("Tell me about the Li River.", (text) => {
  all += text;
});
console.log(all);
