import { isAscii } from "node:buffer";
import { readFileSync } from "node:fs";

/**
 * A file's text, as `readFileSync(file, "utf8")` gives it, read faster when the file is large
 * and ASCII (a cache file, a module pack): Node 20 decodes a file read as UTF-8 at about
 * 100 MB/s (24 ms for the 2 MB canonical cache of 1,000 tables), while bytes checked to be
 * ASCII become a string without decoding (16 ms in all). For small files both cost the same.
 */
export function readText(file: string): string {
  const bytes = readFileSync(file);
  return bytes.toString(isAscii(bytes) ? "latin1" : "utf8");
}
