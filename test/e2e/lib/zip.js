// Just enough of the ZIP format to list a .vsix and read a file from it (no dependency, no unzip binary).
const fs = require('fs');
const zlib = require('zlib');

/** Map of entry name -> { method, compressedSize, localHeaderOffset }, from the central directory. */
function listZip(file) {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const nameLength = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, { method: buf.readUInt16LE(at + 10), compressedSize: buf.readUInt32LE(at + 20), localHeaderOffset: buf.readUInt32LE(at + 42) });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  const read = (name) => {
    const entry = entries.get(name);
    if (!entry) return undefined;
    const start = entry.localHeaderOffset + 30 + buf.readUInt16LE(entry.localHeaderOffset + 26) + buf.readUInt16LE(entry.localHeaderOffset + 28);
    const data = buf.subarray(start, start + entry.compressedSize);
    return (entry.method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
  };
  return { names: [...entries.keys()], read };
}

module.exports = { listZip };
