import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/*
 * The docs stay true (issue 13): every relative link in docs/ and the README names a page that
 * exists and, with `#anchor`, a heading of that page.
 */
const ROOT = join(__dirname, "..");
const pages = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");

function anchors(page: string): Set<string> {
  const text = readFileSync(join(ROOT, page), "utf8").replace(/```[\s\S]*?```/g, "");
  return new Set([...text.matchAll(/^#+ (.+)$/gm)].map((m) => anchor(m[1] ?? "")));
}

describe("the links in the docs", () => {
  it.each(pages)("%s links only to pages and headings that exist", (page) => {
    const text = readFileSync(join(ROOT, page), "utf8").replace(/```[\s\S]*?```/g, "");
    const dir = page.includes("/") ? page.slice(0, page.lastIndexOf("/")) : "";
    const broken: string[] = [];
    for (const [, target = ""] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      const [file = "", hash] = target.split("#");
      const linked = file === "" ? page : join(dir, file);
      if (!pages.includes(linked) && !file.endsWith("/")) {
        if (!linked.endsWith(".md")) continue; // source files, images: not checked here
        broken.push(target);
        continue;
      }
      if (hash !== undefined && linked.endsWith(".md") && !anchors(linked).has(hash)) {
        broken.push(target);
      }
    }
    expect(broken).toEqual([]);
  });
});
