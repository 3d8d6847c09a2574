#!/usr/bin/env python3
"""Extract 中国气象报 articles from a mirror of github:bladescepter/cmnrag.

Usage:
    python corpus/extract/cmnrag.py MIRROR_GIT_DIR -o corpus/real/cmnrag.jsonl.gz \
        [--max-articles 1200]

Input: the bare git directory of the fetched repository (no work tree needed).
Articles live at ``cmnrag/YYYYMM/YYYYMMDD/<N>版/<NN>-<title>.md``; each file has a
YAML-ish front matter (title, subtitle, author, date, page "一版".."四版", theme =
page name, image = picture news, column) and a body whose lines are paragraphs
(leading indentation of ASCII spaces, NBSP or U+3000 marks a paragraph start).
The source is a cleaned e-paper API dump, so structure is only partly marked:

* byline: a standalone first line such as "本报记者 郭笑羽" / "本报通讯 员 …" or a
  line consisting only of the article's author names becomes ``byline``; a
  byline run into the lead ("本报讯通讯 员 次旦久美 报道7月1日，…") stays in the
  first paragraph, as printed.
* section heads ("h"): a short standalone line with no sentence punctuation and no
  final punctuation; or such a short phrase glued to the end of the previous
  paragraph after its final 。！？ (the dump lost the line break before some
  heads) -- the glued head is split off only under strict conditions.
* captions: every paragraph of a picture-news item (front matter ``image: true``),
  and in other articles paragraphs starting 图为 / ①… or ending in a photo credit.
* notes: credit-only lines (图/…, 文/…, …供图, 本版策划：…, 数据来源：…), whole
  paragraphs in （…）, and a closing "<org><date>" signature line.
* kicker (引题) is not recorded by the source: always null.  ``subtitle`` comes from
  the front matter (副题), leading dashes removed.
* the source split 要闻简报 boxes into one file per item (``NN-1-…``, ``NN-2-…``)
  with made-up titles; these are merged back into one 要闻简报 record.
* picture-news titles the source made up from the caption (``图片：…`` or the
  first 30 characters of the text) are replaced by null.

Provenance: repo, path and the last commit touching that path (one ``git log
--name-only`` pass).  Blind-set dates are excluded for every paper.  Whole issues
are chosen evenly over the date range up to --max-articles.  Output: gzip
(mtime=0) JSON lines sorted by (date, page, seq), deterministic bytes.
"""

import argparse
import gzip
import html
import json
import re
import subprocess
import sys

REPO = "bladescepter/cmnrag"
PAPER = "中国气象报"
SLUG = "zgqxb"
SOURCE = "cmnrag"

BLIND_DATES = {
    "2026-06-02", "2026-06-05", "2026-08-04", "2026-08-05", "2026-08-10",
    "2025-01-02", "2025-12-22", "2026-06-12",
    "2026-04-28", "2026-04-30", "2026-05-01",
    "2026-06-01", "2026-07-17",
}

PAGE_NUM = {"一版": "1", "二版": "2", "三版": "3", "四版": "4", "五版": "5",
            "六版": "6", "七版": "7", "八版": "8"}

PATH_RE = re.compile(
    r"^cmnrag/(\d{6})/(\d{8})/([^/]+)/(\d+)(?:-(\d+))?-([^/]*)\.md$")
WS = " \t\xa0\u3000\r"

# --- block classification ---------------------------------------------------
# a line ending in one of these is a broken-off sentence, not a head
CONTINUES = set("的与和及或在了是把被对从为向将其之而并且")
FINAL_PUNCT = set("。！？!?…；;，,、：:—-）)」』》】")
CREDIT_LINE = re.compile(
    r"^(?:图/|文/|制图/|制图：|摄影/|摄影：|图片来源[：:]|数据来源[：:]|本版策划[：:]|"
    r"本版编辑[：:]|责任编辑[：:]|其余图片|图[：:]|图/文|新华社记者.{1,12}摄$"
    r"|[^①-⑳▲▼◀▶“”]{2,20}供图$)")
CREDIT_END = re.compile(
    r"(?:图/\s*文?\s*[\u4e00-\u9fff·]{2,16}(?:文/[\u4e00-\u9fff·]{2,12})?"
    r"|图片来源[：:][^。，]{2,24}|[\u4e00-\u9fff]{2,24}供图|记者\s*[\u4e00-\u9fff·]{2,8}摄)$")
CAPTION_START = re.compile(r"^(?:图为|[①②③④⑤⑥⑦⑧⑨⑩▲▼◀▶]|上图|下图|左图|右图)")
BYLINE_RE = re.compile(
    r"^(?:本报|新华社|《[^》]+》)\s*(?:实习|特约)?\s*(?:记者|通\s*讯\s*员|评论员|调研组|采访组)")
SIGNATURE = re.compile(r"^[\u4e00-\u9fff]{2,24}\d{4}年\d{1,2}月\d{1,2}日$")


def balanced(s):
    return (s.count("“") == s.count("”") and s.count("（") == s.count("）")
            and s.count("《") == s.count("》"))


def is_credit_line(s):
    return len(s) <= 80 and "。" not in s and bool(CREDIT_LINE.search(s))


def is_note(s, is_last):
    if is_credit_line(s):
        return True
    if s.startswith("（") and s.endswith("）") and balanced(s) and s.find("）") == len(s) - 1:
        return True
    if re.fullmatch(r"[（(](?:上接|下转)第.{1,3}版[）)]", s):
        return True
    if is_last and SIGNATURE.match(s):
        return True
    return False


def looks_like_head(s):
    """Short line without sentence punctuation and without a final stop."""
    if not (2 <= len(s) <= 30):
        return False
    if any(c in s for c in "。！？!?；;"):
        return False
    last = s[-1]
    if last in FINAL_PUNCT:
        return False
    if last in "”’\"" and s.startswith(("“", "‘", "\"")):
        return False
    if not balanced(s) or is_credit_line(s) or CREDIT_END.search(s):
        return False
    if s.startswith(("·", "•")) or last in CONTINUES or re.search(r"\d{5}", s):
        return False
    return True


def split_glued_head(s, next_line):
    """'…正文。小标题' -> ('…正文。', '小标题') when unmistakable, else None."""
    if not s or s[-1] in FINAL_PUNCT:
        return None
    m = None
    for m in re.finditer(r"[。！？!?][”’\"）)]*", s):
        pass
    if m is None:
        return None
    head, tail = s[:m.end()], s[m.end():]
    note = re.match(r"[（(][^（）()]{1,20}[）)]", tail)
    if note:  # …传播。（刘根强）宝丰: the brief's reporters close it, the next brief's place heads what follows
        head, tail = head + note.group(0), tail[note.end():]
    if not (2 <= len(tail) <= 20) or len(head) < 10:
        return None
    if tail[-1] in "”’" and not tail.startswith(("“", "‘")) and balanced(tail):
        tail_ok = looks_like_head(tail[:-1] + "x")  # a head may end in a quoted word
    else:
        tail_ok = looks_like_head(tail)
    if not tail_ok or tail[0] in "，,、：:“":
        return None
    if any(len(seg) < 3 for seg in re.split(r"[，,]", tail)) and re.search(r"[，,]", tail):
        return None
    if not next_line or re.match(r"[A-Za-z]", next_line) or (re.match(r"\d", next_line) and re.search(r"[A-Za-z0-9]$", tail)):
        return None  # 风云四号 / B星…, 达1 / 21.1万…: a name or a figure the line break cut; a date opens the text (7月10日…)
    return head, tail


def is_name_line(s, authors):
    if not authors or len(s) > 40 or not re.fullmatch(r"[\u4e00-\u9fff·、，, ]+", s):
        return False
    rest = s
    for a in sorted(authors, key=len, reverse=True):
        if a and a in rest:
            rest = rest.replace(a, "")
    return re.sub(r"[、，, ]", "", rest) == ""


def parse_front_matter(text):
    m = re.match(r"---\n(.*?)\n---\n?(.*)\Z", text, re.S)
    if not m:
        return None, text
    fm, body = m.group(1), m.group(2)
    meta, key = {}, None
    for line in fm.split("\n"):
        km = re.match(r"^([A-Za-z_]+):\s?(.*)$", line)
        if km:
            key = km.group(1)
            val = km.group(2).strip()
            meta[key] = val if val else []
        elif key and re.match(r"^\s+-\s?", line):
            item = re.sub(r"^\s+-\s?", "", line).strip()
            if not isinstance(meta.get(key), list):
                meta[key] = [meta[key]] if meta.get(key) else []
            if item:
                meta[key].append(item)
    return meta, body


def clean_text(s):
    if re.search(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);", s):
        s = html.unescape(s)
    s = re.sub(r"<[^>]+>", "", s)
    return s.strip(WS)


def body_lines(body):
    out = []
    for line in body.split("\n"):
        s = clean_text(line)
        if not s or s.lower() == "null":
            continue
        m = re.match(r"^[（(]上接第.{1,3}版[）)]", s)
        if m and len(s) > m.end():
            # a jump line run into the following paragraph or head
            out.append(m.group(0))
            s = s[m.end():].strip(WS)
        out.append(s)
    return out


def as_list(v):
    if isinstance(v, list):
        return v
    return [x for x in str(v or "").split() if x]


def classify(lines, meta):
    """Return (byline, blocks) for the body lines of one article."""
    is_image = str(meta.get("image", "")).strip() == "true"
    if is_image and lines and lines[0].startswith("本报讯"):
        is_image = False  # a news brief the source flagged as picture news
    authors = as_list(meta.get("author"))
    byline = None
    if len(lines) > 1:
        first = lines[0]
        if (len(first) <= 60 and not re.search(r"[，。！？：]", first)
                and (BYLINE_RE.match(first) or is_name_line(first, authors))):
            byline, lines = first, lines[1:]
    blocks = []
    n = len(lines)
    for i, s in enumerate(lines):
        last = i == n - 1
        if is_note(s, last):
            blocks.append(["note", s])
        elif is_image:
            blocks.append(["caption", s])
        elif CAPTION_START.match(s) and len(s) <= 200 and n > 1 and (
                s.startswith("图为") or CREDIT_END.search(s)):
            blocks.append(["caption", s])
        elif CREDIT_END.search(s) and len(s) <= 150 and n > 1:
            blocks.append(["caption", s])
        elif n > 2 and not last and looks_like_head(s):
            blocks.append(["h", s])
        else:
            nxt = lines[i + 1] if not last else None
            g = split_glued_head(s, nxt) if (n > 2 and not last) else None
            if g:
                blocks.append(["p", g[0]])
                blocks.append(["h", g[1]])
            else:
                blocks.append(["p", s])
    # three or more head-like lines in a row are verse or a list, not heads
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and blocks[j][0] == "h":
            j += 1
        if j - i >= 3:
            for k in range(i, j):
                blocks[k][0] = "p"
        i = max(j, i + 1)
    return byline, blocks


# --- git access ---------------------------------------------------------------
def git(gitdir, *args, data=None):
    r = subprocess.run(["git", "--git-dir", gitdir, "-c", "core.quotepath=false", *args],
                       input=data, capture_output=True, check=True)
    return r.stdout


def list_articles(gitdir):
    out = git(gitdir, "ls-tree", "-r", "-z", "HEAD", "--", "cmnrag/")
    items = []
    for rec in out.split(b"\0"):
        if not rec:
            continue
        info, path = rec.split(b"\t", 1)
        mode, typ, sha = info.split()
        path = path.decode("utf-8")
        if typ == b"blob" and PATH_RE.match(path):
            items.append((path, sha.decode()))
    return items


def last_commits(gitdir):
    out = git(gitdir, "log", "--format=\x01%H", "--name-only", "-z", "HEAD", "--", "cmnrag/")
    latest, cur = {}, None
    for tok in out.decode("utf-8").replace("\n", "\0").split("\0"):
        if tok.startswith("\x01"):
            cur = tok[1:]
        elif tok and cur and tok not in latest:
            latest[tok] = cur
    return latest


def read_blobs(gitdir, shas):
    data = git(gitdir, "cat-file", "--batch", data=("\n".join(shas) + "\n").encode())
    res, i = {}, 0
    while i < len(data):
        nl = data.index(b"\n", i)
        sha, _typ, size = data[i:nl].split()
        size = int(size)
        res[sha.decode()] = data[nl + 1:nl + 1 + size].decode("utf-8")
        i = nl + 1 + size + 1
    return res


def choose_dates(counts, max_articles):
    """Evenly spaced whole issues; the largest spread whose total fits."""
    dates = sorted(counts)
    n = len(dates)
    best = []
    for k in range(1, n + 1):
        if k == 1:
            idx = [n // 2]
        else:
            idx = sorted({round(j * (n - 1) / (k - 1)) for j in range(k)})
        chosen = [dates[j] for j in idx]
        total = sum(counts[d] for d in chosen)
        if total <= max_articles and len(chosen) >= len(best):
            best = chosen
    return best


def build_records(gitdir, max_articles):
    items = list_articles(gitdir)
    commits = last_commits(gitdir)
    blobs = read_blobs(gitdir, sorted({sha for _, sha in items}))

    # group files into articles: (date, page label, seq number) -> [parts]
    arts = {}
    for path, sha in items:
        m = PATH_RE.match(path)
        ymd, page_lbl, num, sub = m.group(2), m.group(3), int(m.group(4)), m.group(5)
        date = f"{ymd[:4]}-{ymd[4:6]}-{ymd[6:]}"
        if date in BLIND_DATES:
            continue
        arts.setdefault((date, page_lbl, num), []).append(
            (int(sub) if sub else 0, path, sha))

    counts = {}
    for (date, _, _) in arts:
        counts[date] = counts.get(date, 0) + 1
    chosen = set(choose_dates(counts, max_articles))

    by_page = {}
    for key in sorted(arts):
        if key[0] in chosen:
            by_page.setdefault(key[:2], []).append(key)

    records = []
    for (date, page_lbl), keys in by_page.items():
        for seq, key in enumerate(sorted(keys, key=lambda k: k[2]), 1):
            parts = sorted(arts[key])
            rec = make_record(date, page_lbl, seq, parts, blobs, commits)
            if rec:
                records.append(rec)
    records.sort(key=lambda r: (r["date"], int(r["page"]) if r["page"] and r["page"].isdigit()
                                else 99, r["seq"]))
    return records


def make_record(date, page_lbl, seq, parts, blobs, commits):
    metas, bodies = [], []
    for _sub, path, sha in parts:
        meta, body = parse_front_matter(blobs[sha])
        if meta is None:
            print(f"warning: no front matter in {path}", file=sys.stderr)
            return None
        if meta.get("date") and meta["date"] != date:
            print(f"warning: date mismatch in {path}", file=sys.stderr)
        metas.append(meta)
        bodies.append(body)
    meta = metas[0]
    merged_brief = len(parts) > 1 or parts[0][0] != 0
    title = clean_text(str(meta.get("title") or "")) or None
    subtitle = clean_text(str(meta.get("subtitle") or "")) or None
    lead = []
    if subtitle:
        subtitle = subtitle.lstrip("—－-").strip(WS) or None
    if subtitle in ("编者按：", "编者按:", "编者按"):
        lines0 = body_lines(bodies[0])
        if not (lines0 and lines0[0].startswith("编者按")):
            lead = [["p", subtitle]]
        subtitle = None

    if merged_brief:
        # 要闻简报 split by the source into one file per item, titles made up
        cols = as_list(meta.get("column"))
        title = "要闻简报" if "要闻简报" in cols or len(parts) > 1 else title
        byline, blocks = None, []
        for m_, b in zip(metas, bodies):
            _, bl = classify(body_lines(b), {"image": m_.get("image"), "author": []})
            blocks.extend(bl)
    else:
        lines = body_lines(bodies[0])
        is_image = str(meta.get("image", "")).strip() == "true"
        if is_image and title and title != "图片新闻":
            t = title[3:] if title.startswith("图片：") else title
            first = re.sub(r"^[◀▼▶▲◆]\s*", "", lines[0]) if lines else ""
            if not t or first.startswith(t) or any(l.startswith(t) for l in lines):
                title = None
            else:
                title = t
        byline, blocks = classify(lines, meta)
    blocks = lead + blocks

    path0 = parts[0][1]
    prov = {"repo": REPO, "path": path0, "commit": commits.get(path0)}
    if len(parts) > 1:
        prov["parts"] = [{"path": p, "commit": commits.get(p)} for _, p, _ in parts[1:]]
    return {
        "paper": PAPER,
        "paper_slug": SLUG,
        "source": SOURCE,
        "date": date,
        "page": PAGE_NUM.get(page_lbl),
        "page_name": clean_text(str(meta.get("theme") or "")) or None,
        "seq": seq,
        "kicker": None,
        "title": title,
        "subtitle": subtitle,
        "byline": byline,
        "body": blocks,
        "prov": prov,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gitdir", help="git directory of the bladescepter/cmnrag mirror")
    ap.add_argument("-o", "--output", required=True, help="output .jsonl.gz")
    ap.add_argument("--max-articles", type=int, default=1200)
    args = ap.parse_args()

    records = build_records(args.gitdir, args.max_articles)
    payload = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True,
                                 separators=(",", ":")) + "\n" for r in records)
    with open(args.output, "wb") as fh:
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0) as gz:
            gz.write(payload.encode("utf-8"))
    dates = sorted({r["date"] for r in records})
    print(f"{len(records)} records, {len(dates)} issues "
          f"({dates[0] if dates else '-'} .. {dates[-1] if dates else '-'}) -> {args.output}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
