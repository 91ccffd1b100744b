"""Generates a benchmark corpus: N distinct, realistic articles made from the seeds.

Each article starts from one seed (round robin) and keeps its mess (datelines, duplicated
captions, broken words, teasers after the end), then varies what a real feed varies:
- paragraphs: the body paragraphs after the lead are shuffled, a few dropped, and a few borrowed
  from other seeds, so sizes and sentence mixes differ;
- names: every Vietnamese official named in the seeds is replaced by a generated name, the same
  one throughout an article, so titles ("Bộ trưởng Bộ Ngoại giao ...") stay attached;
- dates: every date is moved by one random number of days per article (weekday of the dateline
  recomputed, years and month-years moved along), and event ordinals ("lần thứ 32") shift.
Article i depends only on (seed, i), so corpora of different sizes share their first articles.

Usage: corpus.py --count N --out DIR [--seed S]
"""

import argparse
import datetime
import hashlib
import random
import re
import unicodedata
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"
# Bumped when the generated text changes, so cached corpora are regenerated.
GENERATOR_VERSION = 1
FILES_PER_DIRECTORY = 1000

# Officials the seeds name; "Hồ Chí Minh" is left out on purpose (it is also a city's name).
SEED_PERSONS = [
    "Nguyễn Phú Trọng", "Nguyễn Quốc Đoàn", "Hồ Tiến Thiệu", "Bùi Thanh Sơn", "Phạm Minh Chính",
    "Phạm Bình Minh", "Trương Tấn Sang", "Nguyễn Tấn Dũng", "Nguyễn Sinh Hùng", "Nguyễn Xuân Phúc",
    "Võ Văn Thưởng", "Vương Đình Huệ", "Phan Đình Trạc", "Trần Thanh Mẫn", "Tô Lâm", "Phan Văn Giang",
    "Nguyễn Xuân Thắng", "Nguyễn Văn Nên", "Đinh Tiến Dũng", "Lê Minh Hưng", "Nguyễn Trọng Nghĩa",
    "Lê Hoài Trung", "Võ Thị Ánh Xuân", "Trần Lưu Quang",
]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
            "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Mai", "Tạ"]
MIDDLE_NAMES = ["Văn", "Thị", "Minh", "Thanh", "Quốc", "Đức", "Hữu", "Xuân", "Hoài", "Tiến", "Đình",
                "Trọng", "Ngọc", "Công", "Bá", "Kim"]
GIVEN_NAMES = ["Hùng", "Sơn", "Minh", "Lâm", "Giang", "Dũng", "Hưng", "Nghĩa", "Trung", "Quang",
               "Thắng", "Hải", "Long", "Tuấn", "Phúc", "Bình", "Khang", "Thành", "Hà", "Lan", "Hương",
               "Vinh", "Tâm", "Hiếu", "Cường", "Nam", "Phong", "Thảo", "Yến", "Đạt"]
WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]

# The body ends at the first teaser heading or source line; what follows stays in place.
BODY_END = re.compile(r"^\s*(Có thể bạn quan tâm|Đừng bỏ lỡ|Video đang xem nhiều|Đọc thêm|Tin liên quan|Nguồn:|Theo )")
PARAGRAPH_MIN_CHARS = 180

WEEKDAY_PREFIX = r"(?:(?P<weekday>Thứ (?:hai|ba|tư|năm|sáu|bảy)|Chủ nhật)(?P<wsep>,\s+))?"
DATE_PATTERN = re.compile(
    # Alternatives are tried left to right at each position, longest forms first.
    WEEKDAY_PREFIX + r"\b(?P<d1>\d{1,2})(?P<s1>/| Tháng )(?P<m1>\d{1,2})(?P<s2>/| )(?P<y1>(?:19|20)\d{2})\b"
    r"|(?P<mword>[Tt]háng) (?P<m2>\d{1,2})(?P<s3>[-/])(?P<y2>(?:19|20)\d{2})\b"
    r"|(?P<dword>[Nn]gày) (?P<d3>\d{1,2})-(?P<m3>\d{1,2})\b"
    r"|(?<![\d.,/])\b(?P<d2>\d{1,2})/(?P<m4>\d{1,2})\b(?![/\d])"
    r"|\b(?P<y3>(?:19|20)\d{2})\b"
)
ORDINAL_PATTERN = re.compile(r"\b(lần thứ) (\d{1,3})\b")
# Day-month dates carry no year; they are moved as dates of this year.
ANCHOR_YEAR = 2023


def article_id(text):
    """The producer's id for a text article: SHA-256 of its canonical form, first 8 bytes in hex
    (NFC, no BOM or zero-width characters, whitespace runs collapsed; see ArticleID.swift)."""
    canonical = unicodedata.normalize("NFC", text)
    canonical = re.sub("[\ufeff\u200b\u200c\u200d\u2060]", "", canonical)
    canonical = " ".join(canonical.split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def load_seeds():
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS_DIR.glob("*.txt"))]


def body_paragraph_slots(lines):
    """Indexes of the long body lines after the lead, up to the first teaser or source line."""
    slots = []
    for index, line in enumerate(lines):
        if BODY_END.match(line):
            break
        if len(line.strip()) >= PARAGRAPH_MIN_CHARS:
            slots.append(index)
    if not slots:
        return []
    # A lead printed twice (a seed's quirk the parser must handle) stays where it is.
    lead = lines[slots[0]].strip()[:40]
    return [index for index in slots[1:] if lines[index].strip()[:40] != lead]


def vary_paragraphs(text, borrowable, rng):
    lines = text.split("\n")
    slots = body_paragraph_slots(lines)
    if not slots:
        return text
    paragraphs = [lines[index] for index in slots]
    rng.shuffle(paragraphs)
    for _ in range(rng.randint(0, min(2, len(paragraphs) - 1))):
        paragraphs.pop()
    paragraphs += rng.sample(borrowable, rng.randint(0, 2))
    separator = "\n\n" if "\n\n" in text else "\n"
    for position, index in enumerate(slots):
        lines[index] = paragraphs[position] if position < len(paragraphs) else None
    extra = paragraphs[len(slots):]
    if extra:
        lines[slots[-1]] = separator.join([lines[slots[-1]] or ""] + extra).strip("\n")
    return "\n".join(line for line in lines if line is not None)


def generated_name(rng):
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"


def vary_names(text, rng):
    replacements = {person: generated_name(rng) for person in SEED_PERSONS if person in text}
    if not replacements:
        return text
    pattern = re.compile("|".join(re.escape(person) for person in sorted(replacements, key=len, reverse=True)))
    return pattern.sub(lambda match: replacements[match.group(0)], text)


def moved_date(year, month, day, days):
    try:
        return datetime.date(year, month, day) + datetime.timedelta(days=days)
    except ValueError:  # not a real date (a score, a fraction): leave it alone
        return None


def add_months(month, year, months):
    total = year * 12 + (month - 1) + months
    return total % 12 + 1, total // 12


def vary_dates(text, rng):
    days = rng.randint(-1500, 1500)
    years = round(days / 365.25)
    months = round(days / 30.44)

    def replace(match):
        whole = match.group(0)
        if match.group("d1"):
            date = moved_date(int(match.group("y1")), int(match.group("m1")), int(match.group("d1")), days)
            if date is None:
                return whole
            weekday = f"{WEEKDAYS[date.weekday()]}{match.group('wsep')}" if match.group("weekday") else ""
            return f"{weekday}{date.day}{match.group('s1')}{date.month}{match.group('s2')}{date.year}"
        if match.group("m2"):
            month, year = add_months(int(match.group("m2")), int(match.group("y2")), months)
            return f"{match.group('mword')} {month}{match.group('s3')}{year}"
        if match.group("d3"):
            date = moved_date(ANCHOR_YEAR, int(match.group("m3")), int(match.group("d3")), days)
            return whole if date is None else f"{match.group('dword')} {date.day}-{date.month}"
        if match.group("d2"):
            date = moved_date(ANCHOR_YEAR, int(match.group("m4")), int(match.group("d2")), days)
            return whole if date is None else f"{date.day}/{date.month}"
        return str(int(match.group("y3")) + years)

    return DATE_PATTERN.sub(replace, text)


def vary_ordinals(text, rng):
    shift = rng.randint(-10, 10)
    return ORDINAL_PATTERN.sub(lambda m: f"{m.group(1)} {max(1, int(m.group(2)) + shift)}", text)


def make_article(seeds, borrowable, rng, index):
    text = seeds[index % len(seeds)]
    text = vary_paragraphs(text, borrowable, rng)
    text = vary_names(text, rng)
    text = vary_dates(text, rng)
    return vary_ordinals(text, rng)


def generate(count, seed=1):
    """Yields (index, text) for `count` distinct articles; a draw that repeats an earlier
    article's id is drawn again, so every article gets its own id (and its own sink line)."""
    seeds = load_seeds()
    borrowable = [seeds[i].split("\n")[slot] for i in range(len(seeds))
                  for slot in body_paragraph_slots(seeds[i].split("\n"))]
    seen = set()
    for index in range(count):
        rng = random.Random(f"{seed}:{index}")
        while True:
            text = make_article(seeds, borrowable, rng, index)
            identity = article_id(text)
            if identity not in seen:
                seen.add(identity)
                break
        yield index, text


def article_path(directory, index):
    return Path(directory) / f"{index // FILES_PER_DIRECTORY:03d}" / f"{index:06d}.txt"


def corpus_directory(root, count, seed=1):
    return Path(root) / f"corpus-{count}-seed{seed}-v{GENERATOR_VERSION}"


def ensure_corpus(root, count, seed=1):
    """Writes the corpus under `root` unless a complete copy is already there; returns its
    directory. A marker written last tells a complete corpus from an interrupted one."""
    directory = corpus_directory(root, count, seed)
    marker = directory / ".complete"
    if not marker.exists():
        for index, text in generate(count, seed):
            path = article_path(directory, index)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        marker.write_text(f"{count}\n")
    return directory


def corpus_files(directory):
    return sorted(Path(directory).glob("*/*.txt"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", required=True, help="directory under which the corpus directory is made")
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    print(ensure_corpus(arguments.out, arguments.count, arguments.seed))


if __name__ == "__main__":
    main()
