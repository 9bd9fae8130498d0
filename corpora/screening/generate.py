"""Build corpus.jsonl from the team's template families (families_zh.py, families_en.py).

Deterministic (seeded). Each family is expanded into variants by filling its slots, adding a
greeting or sign-off, and, for a share of violating messages, an evasion of the dangerous
phrase (spaced or dotted characters, Traditional characters, one character as pinyin,
full-width letters). The split is by family: within each (language, first label) group every
third family is held out as test, so the test figures measure phrasing no rule was tuned on.

    python corpora/screening/generate.py      # rewrites corpora/screening/corpus.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from families_en import FAMILIES as EN  # noqa: E402
from families_zh import FAMILIES as ZH  # noqa: E402

SLOTS = {
    "name": ["张先生", "李女士", "王总", "刘先生", "陈女士", "小赵", "周先生", "吴女士"],
    "surname": ["李", "王", "张", "刘"],
    "org": ["安信消费金融", "XX银行信用卡中心", "易借花", "融通小贷", "华夏普惠"],
    "agency": ["诚信资产管理公司", "信达催收服务公司"],
    "agent": ["李明", "王芳", "赵强", "孙丽"],
    "badge": ["1024", "3318", "0576"],
    "product": ["信用卡", "消费贷", "分期借款"],
    "amount": ["3,280元", "12000元", "865.50元", "5万元", "2400块"],
    "part": ["500元", "1000元", "800元", "1500元"],
    "days": ["15", "32", "90", "7", "120"],
    "date": ["6月20日", "本周五", "明天", "月底", "下周一"],
    "n": ["6", "12", "3"],
    "hotline": ["400-820-1234", "95555", "400-600-8800"],
    "idno": ["110101199003071233", "440305198812124516"],
    "mobile": ["13812345678", "15900001111"],
    "card": ["6222021234567890128", "6228480402564890018"],
    "ename": ["Mr. Smith", "Ms. Garcia", "John", "Mrs. Lee", "David"],
    "esurname": ["Miller", "Brown", "Davis"],
    "eagent": ["Sarah Jones", "Mike Chen", "Alex Kim"],
    "eorg": ["Acme Recovery", "First Street Collections", "Northwind Credit"],
    "eamount": ["$1,240.00", "$380", "$2,915.77", "$640"],
    "epart": ["$50", "$100", "$75"],
    "eday": ["Friday", "June 30", "the end of the month"],
    "ehotline": ["1-800-555-0142", "(866) 555-0199"],
}
PREFIX = {
    "zh": ["", "", "", "【{org}】", "{name}，", "您好，", "喂，"],
    "en": ["", "", "", "Hi {ename}, ", "Hello, "],
}
SUFFIX = {
    "zh": ["", "", "", "谢谢。", "请尽快回复。", "——{org}"],
    "en": ["", "", "", " Thanks.", " Call {ehotline}."],
}
SEPARATORS = [".", " ", "*", "-", "_", "\u200b", "~"]


def _evade(phrase: str, rng: random.Random) -> str:
    """One evasion of the dangerous phrase, of the kinds collectors use to slip past word lists."""
    kind = rng.randrange(5)
    if kind == 0:
        sep = rng.choice(SEPARATORS)
        return sep.join(phrase)
    if kind == 1:
        from opencc import OpenCC

        return str(OpenCC("s2t").convert(phrase))
    if kind == 2:
        from pypinyin import lazy_pinyin

        cjk = [i for i, c in enumerate(phrase) if "\u4e00" <= c <= "\u9fff"]
        if cjk:
            i = rng.choice(cjk)
            return phrase[:i] + lazy_pinyin(phrase[i])[0] + phrase[i + 1 :]
        return phrase
    if kind == 3:
        return "".join(c + c + c if rng.random() < 0.2 else c for c in phrase)
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in phrase) + "！"


def _fill(template: str, lang: str, extra: dict[str, list[str]], rng: random.Random, evade: bool) -> str:
    values = {k: rng.choice(v) for k, v in SLOTS.items()}
    for k, v in extra.items():
        chosen = rng.choice(v)
        values[k] = _evade(chosen, rng) if evade and lang == "zh" else chosen
    text = template.format(**values)
    if evade and lang == "zh" and not extra:
        text = _evade(text, rng) if rng.random() < 0.5 else text
    return rng.choice(PREFIX[lang]).format(**values) + text + rng.choice(SUFFIX[lang]).format(**values)


def _split(families: list[tuple]) -> dict[str, str]:
    groups: dict[tuple[str, str], list[str]] = {}
    for fid, labels, *_ in families:
        groups.setdefault((fid.split(".")[0], labels[0]), []).append(fid)
    split = {}
    for members in groups.values():
        for i, fid in enumerate(members):
            split[fid] = "test" if i % 3 == 2 or (len(members) == 2 and i == 1) else "dev"
    return split


def build() -> list[dict]:
    rng = random.Random(20261128)
    rows: list[dict] = []
    seen: set[str] = set()
    families = ZH + EN
    split = _split(families)
    for fid, labels, to, templates, extra in families:
        lang = fid.split(".")[0]
        violating = labels != ["compliant"]
        want = (13 if lang == "zh" else 7) if violating else (18 if lang == "zh" else 10)
        made = tries = 0
        while made < want and tries < want * 20:
            tries += 1
            template = templates[made % len(templates)]
            text = _fill(template, lang, extra, rng, evade=violating and rng.random() < 0.3)
            if text in seen:
                continue
            seen.add(text)
            made += 1
            rows.append(
                {
                    "id": f"{fid}.{made:02d}",
                    "lang": lang,
                    "text": text,
                    "labels": labels,
                    "to": to,
                    "family": fid,
                    "split": split[fid],
                }
            )
    return rows


def main() -> None:
    rows = build()
    with open(HERE / "corpus.jsonl", "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    zh = sum(r["lang"] == "zh" for r in rows)
    ok = sum(r["labels"] == ["compliant"] for r in rows)
    test = sum(r["split"] == "test" for r in rows)
    print(f"{len(rows)} messages: {zh} zh, {len(rows) - zh} en; {ok} compliant; {test} test")


if __name__ == "__main__":
    main()
