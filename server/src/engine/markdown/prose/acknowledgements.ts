// Phrases that say something is not available (English and Chinese). A sentence with one of them that
// names a Bedrock service already tells the reader; it is not flagged again.
const UNAVAILABLE = new RegExp([
  /\bnot\s+(?:yet\s+)?(?:available|supported|offered|launched|present)\b/.source,
  /\b(?:isn't|aren't|is\s+not|are\s+not)\s+(?:yet\s+)?(?:available|supported|offered)\b/.source,
  /\bunavailable\b/.source,
  /\bunsupported\b/.source,
  /\b(?:does|do)(?:\s+not|n't)\s+(?:exist|support)\b/.source,
  /\bno\s+Bedrock\b/.source,
  /\bcannot\s+be\s+used\b/.source,
  '不可用', '无法使用', '不能使用', '不支持', '不提供', '没有提供', '未提供', '尚未提供', '未上线', '尚未上线', '没有上线',
  '不存在', '无法访问', '无法连接', '无法在中国区域', '中国区域没有', '中国区没有', '暂不可用', '暂未开放', '未开放',
].join('|'), 'i');

export function saysUnavailable(sentence: string): boolean {
  return UNAVAILABLE.test(sentence);
}

/** Sentence boundaries in prose: Chinese and English end punctuation, and line breaks. */
export function sentenceRanges(text: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const match of text.matchAll(/[。！？；!?;\n]|\.(?=\s|$)/g)) {
    const end = (match.index ?? 0) + match[0].length;
    ranges.push({ start, end });
    start = end;
  }
  if (start < text.length) ranges.push({ start, end: text.length });
  return ranges;
}
