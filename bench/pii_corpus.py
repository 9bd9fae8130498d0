"""A labelled Chinese/English corpus of collection texts with embedded personal data.

Seeded and split once (``dev`` for tuning, ``test`` for the figures we report). The values are
built from the standards themselves (GB 11643 check digits, ISO/IEC 7812 Luhn, the numbering
plans checked with libphonenumber) and from Faker's name and address generators, not from the
recognizers' regexes or word lists, and the corpus deliberately holds forms the recognizers were
not designed around (minority names with a middle dot, rare surnames, rural and campus addresses,
U.S. military addresses, names without any cue). Hard distractors sit beside them: order and
contract numbers, amounts, dates, hotlines, IDs with a wrong check digit, cards failing Luhn,
anonymised names (张某), courts and company names that look like addresses.

    python bench/pii_corpus.py --n 10 --split test    # print a few labelled documents
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import phonenumbers
from faker import Faker

SEED = 20261128
N_DOCS = 3000
TEST_SHARE = 3  # of every 10 documents


@dataclass
class Doc:
    id: str
    lang: str
    split: str
    text: str = ""
    spans: list[dict[str, object]] = field(default_factory=list)

    def add(self, piece: str, label: str | None = None) -> None:
        if label:
            self.spans.append({"type": label, "start": len(self.text), "end": len(self.text) + len(piece)})
        self.text += piece

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "lang": self.lang, "split": self.split, "text": self.text, "spans": self.spans}


def full_width(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in s)


# ---- values built from the standards -------------------------------------------------------------

# Real county-level division codes (GB/T 2260) from many provinces.
_COUNTIES = [
    "110105",
    "110108",
    "120101",
    "130102",
    "140105",
    "150102",
    "210102",
    "220102",
    "230103",
    "310104",
    "310115",
    "320102",
    "320583",
    "330106",
    "340104",
    "350203",
    "360102",
    "370202",
    "410105",
    "420106",
    "430104",
    "440106",
    "440305",
    "450103",
    "460105",
    "500103",
    "510107",
    "520102",
    "530102",
    "540102",
    "610113",
    "620102",
    "630102",
    "640104",
    "650102",
    "445202",
    "421281",
    "362502",
    "513401",
]
_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _id_check(s17: str) -> str:
    return "10X98765432"[sum(int(a) * b for a, b in zip(s17, _W, strict=True)) % 11]


def _birth(r: random.Random) -> str:
    y, m = r.randint(1950, 2005), r.randint(1, 12)
    d = r.randint(1, 28)
    return f"{y:04d}{m:02d}{d:02d}"


def cn_id(r: random.Random) -> str:
    s17 = r.choice(_COUNTIES) + _birth(r) + f"{r.randint(0, 999):03d}"
    v = s17 + _id_check(s17)
    form = r.random()
    if v.endswith("X") and form < 0.3:
        v = v[:-1] + "x"
    elif form < 0.08:
        v = f"{v[:6]} {v[6:14]} {v[14:]}"
    elif form < 0.12:
        v = full_width(v)
    elif form < 0.15:
        v = f"{v[:6]}-{v[6:14]}-{v[14:]}"
    return v


def cn_id_legacy(r: random.Random) -> str:
    return r.choice(_COUNTIES) + _birth(r)[2:] + f"{r.randint(0, 999):03d}"


def bad_cn_id(r: random.Random) -> str:
    s17 = r.choice(_COUNTIES) + _birth(r) + f"{r.randint(0, 999):03d}"
    good = _id_check(s17)
    return s17 + r.choice([c for c in "0123456789X" if c != good])


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def imei(r: random.Random) -> str:
    """15-digit handset id with its Luhn digit: not a card (too short), not an ID."""
    body = "35" + _digits(r, 12)
    return body + _luhn_digit(body)


_BINS = [
    "622202",
    "622848",
    "621700",
    "622588",
    "621483",
    "623058",
    "625300",
    "622260",
    "436742",
    "518710",
    "955880",
    "622609",
    "621226",
    "628288",
    "356833",
]


def card(r: random.Random, *, valid: bool = True) -> str:
    bin_ = r.choice(_BINS)
    length = 19 if bin_.startswith(("9558", "6212", "6217", "6228")) and r.random() < 0.7 else 16
    body = bin_ + "".join(str(r.randint(0, 9)) for _ in range(length - len(bin_) - 1))
    check = _luhn_digit(body)
    if not valid:
        check = str((int(check) + r.randint(1, 9)) % 10)
    v = body + check
    form = r.random()
    if form < 0.25:
        v = " ".join(v[i : i + 4] for i in range(0, len(v), 4))
    elif form < 0.3:
        v = "-".join(v[i : i + 4] for i in range(0, len(v), 4))
    elif form < 0.34:
        v = full_width(v)
    return v


_MOBILE = [
    *range(130, 140),
    145,
    147,
    150,
    151,
    152,
    153,
    155,
    156,
    157,
    158,
    159,
    166,
    172,
    173,
    175,
    176,
    177,
    178,
    *range(180, 190),
    191,
    193,
    195,
    196,
    197,
    198,
    199,
]


def mobile(r: random.Random) -> str:
    v = f"{r.choice(_MOBILE)}{r.randint(0, 99999999):08d}"
    form = r.random()
    if form < 0.15:
        v = f"{v[:3]} {v[3:7]} {v[7:]}"
    elif form < 0.25:
        v = f"{v[:3]}-{v[3:7]}-{v[7:]}"
    elif form < 0.33:
        v = "+86 " + v
    elif form < 0.37:
        v = "+86" + v
    elif form < 0.40:
        v = "0086-" + v
    elif form < 0.42:
        v = "(+86)" + v
    elif form < 0.48:
        v = full_width(v)
    return v


_AREAS = [
    ("010", 8),
    ("021", 8),
    ("020", 8),
    ("022", 8),
    ("023", 8),
    ("0755", 8),
    ("0571", 8),
    ("028", 8),
    ("027", 8),
    ("025", 8),
    ("0512", 8),
    ("0731", 8),
    ("0351", 7),
    ("0898", 8),
    ("0931", 7),
]


def _plan_ok(number: str, region: str | None) -> bool:
    """Ground truth for phones is the numbering plan (libphonenumber metadata), as Luhn is for cards."""
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(number, region))
    except phonenumbers.NumberParseException:
        return False


def _until_valid(make: Callable[[], str], region: str | None) -> str:
    while True:
        v = make()
        if _plan_ok(v.replace("转", " ext "), region):
            return v


def landline(r: random.Random) -> str:
    return _until_valid(lambda: _landline(r), "CN")


def international(r: random.Random) -> str:
    return _until_valid(lambda: _international(r), None)


def us_phone(r: random.Random) -> str:
    return _until_valid(lambda: _us_phone(r), "US")


def _landline(r: random.Random) -> str:
    area, n = r.choice(_AREAS)
    local = str(r.randint(2, 8)) + "".join(str(r.randint(0, 9)) for _ in range(n - 1))
    return r.choice([f"{area}-{local}", f"({area}){local}", f"{area} {local}", f"{area}-{local}"])


def _international(r: random.Random) -> str:
    kind = r.randrange(4)
    if kind == 0:
        return f"+852 {r.choice('569')}{r.randint(0, 999):03d} {r.randint(0, 9999):04d}"
    if kind == 1:
        return f"+1 {r.choice(['415', '212', '646', '312', '617', '206', '213'])}-{r.randint(201, 989)}-{r.randint(0, 9999):04d}"
    if kind == 2:
        return f"+44 7{r.randint(400, 999)} {r.randint(100000, 999999)}"
    return f"+65 {r.choice('89')}{r.randint(0, 999):03d} {r.randint(0, 9999):04d}"


def _us_phone(r: random.Random) -> str:
    a, x, s = (
        r.choice(["415", "212", "646", "312", "617", "206", "213", "702"]),
        r.randint(201, 989),
        r.randint(0, 9999),
    )
    return r.choice([f"({a}) {x}-{s:04d}", f"{a}-{x}-{s:04d}", f"{a}.{x}.{s:04d}", f"1-{a}-{x}-{s:04d}"])


# ---- names and addresses from Faker, plus forms nobody designed for ---------------------------------

_RARE_SURNAMES = "仉雒郗蹇逄暴妫禚佴"
_MINORITY = ["阿依古丽·买买提", "热依拉·艾力", "扎西·多吉", "努尔兰·阿不都", "古丽娜扎·艾山"]
_COMPOUND = ["欧阳", "司马", "上官", "诸葛", "慕容"]


class People:
    def __init__(self, r: random.Random) -> None:
        self.r = r
        self.zh = Faker("zh_CN")
        self.en = Faker("en_US")
        self.zh.seed_instance(r.randint(0, 10**9))
        self.en.seed_instance(r.randint(0, 10**9))

    def zh_name(self) -> str:
        x = self.r.random()
        if x < 0.04:
            return self.r.choice(_MINORITY)
        if x < 0.09:
            return self.r.choice(_COMPOUND) + self.zh.first_name()
        if x < 0.13:
            return self.r.choice(_RARE_SURNAMES) + self.zh.first_name()
        return self.zh.name()

    def zh_surname(self) -> str:
        return self.zh.last_name()

    def en_name(self) -> str:
        x = self.r.random()
        if x < 0.15:
            return self.zh.romanized_name()
        if x < 0.25:
            return f"{self.en.first_name()} {self.en.random_uppercase_letter()}. {self.en.last_name()}"
        return self.en.name().replace("Dr. ", "").replace("Mr. ", "").replace("Mrs. ", "").replace("Ms. ", "")

    def zh_address(self) -> str:
        f, r = self.zh, self.r
        prov = f.province()
        city = f.city_name() + "市"
        dist = f.district() + r.choice(["区", "县", "区"])
        road = f.street_name()
        no = f"{r.randint(1, 999)}号"
        unit = f"{r.randint(1, 30)}栋{r.randint(1, 6)}单元{r.randint(1, 32)}0{r.randint(1, 8)}室"
        estate = r.choice(["阳光", "翠苑", "金色", "幸福", "锦绣", "枫林", "滨江", "御景"]) + r.choice(
            ["花园", "小区", "家园", "新村", "公寓"]
        )
        form = r.randrange(10)
        if form == 0:
            return f"{prov}{city}{dist}{road}{no}"
        if form == 1:
            return f"{city}{dist}{road}{no}{estate}{unit}"
        if form == 2:
            return f"{prov}{dist}{r.choice(['石桥', '高庙', '柳河', '马坊'])}镇{r.choice(['王家', '新建', '红星', '东岗'])}村{r.randint(1, 12)}组"
        if form == 3:
            return f"{estate}{unit}"
        if form == 4:
            return f.address().rsplit(" ", 1)[0]
        if form == 5:
            return f"{road}{no}"
        if form == 6:
            return f"{city}{r.choice(['理工', '师范', '财经', '农业'])}大学{r.randint(1, 20)}号宿舍楼{r.randint(101, 620)}"
        if form == 7:
            return f"{prov}{city}{dist}{road}{no}{r.randint(1, 30)}-{r.randint(1, 3)}-{r.randint(101, 2802)}"
        if form == 8:
            return f"{city}{dist}{road}{r.randint(1, 300)}弄{r.randint(1, 80)}号{r.randint(101, 602)}室"
        return f"{prov}{city}{dist}{f.street_name()}{no}{r.choice(['', '附近', ''])}".removesuffix("附近")

    def en_address(self) -> str:
        return self.en.address().replace("\n", ", ")


# ---- distractors: numbers and words that are not personal data -------------------------------------


def _digits(r: random.Random, n: int) -> str:
    return "".join(str(r.randint(0, 9)) for _ in range(n))


def distractor_zh(r: random.Random, p: People) -> str:
    y = r.randint(2019, 2026)
    m, d = r.randint(1, 12), r.randint(1, 28)
    options: list[Callable[[], str]] = [
        lambda: f"订单号{y}{m:02d}{d:02d}{_digits(r, r.randint(8, 11))}",
        lambda: f"合同编号：{r.choice('3456')}{_digits(r, r.randint(15, 18))}",
        lambda: f"借款金额{r.randint(1, 99)},{r.randint(0, 999):03d}.{r.randint(0, 99):02d}元",
        lambda: f"应还{r.randint(100, 99999)}元",
        lambda: f"最后还款日{y}-{m:02d}-{d:02d}",
        lambda: f"请于{y}年{m}月{d}日前处理",
        lambda: f"流水号{_digits(r, 18)}",
        lambda: f"客服热线400-{r.randint(100, 999)}-{r.randint(1000, 9999)}",
        lambda: "官方客服95588",
        lambda: f"案号（{y}）京0105民初{r.randint(1000, 99999)}号",
        lambda: f"身份证号{bad_cn_id(r)}有误",
        lambda: f"卡号{card(r, valid=False)}无效",
        lambda: f"借款人{p.zh_surname()}某某",
        lambda: f"{p.zh_surname()}某已还款",
        lambda: r.choice(
            [
                "北京市朝阳区人民法院",
                "深圳市南山区人民法院",
                "上海市浦东新区市场监督管理局",
                "杭州市西湖区公安分局",
                "广州市天河区人民政府",
            ]
        ),
        lambda: f"{p.zh.company()}",
        lambda: r.choice(
            [
                "客户高度重视",
                "联系方式已更新",
                "高利贷不受法律保护",
                "方便时回电",
                "王者荣耀充值",
                "通知书已寄出",
                "您好，请核对",
                "本人已知悉",
                "向银行申请",
                "和解方案",
            ]
        ),
        lambda: f"工号{r.randint(10000, 99999)}",
        lambda: f"验证码{_digits(r, 6)}",
        lambda: f"编号{_digits(r, 11)}",
        lambda: f"共{r.choice(['10', '11', '12'])}{_digits(r, 9)}笔",
        lambda: f"快递单号SF{_digits(r, 13)}",
        lambda: f"设备IMEI {imei(r)}",
        lambda: f"统一社会信用代码91{_digits(r, 6)}MA{_digits(r, 7)}{r.choice('XYZ0123')}",
        lambda: f"交易号：{r.choice('456')}{_digits(r, 15)}",
        lambda: f"共计{r.randint(1, 9)},{r.randint(100, 999)},{r.randint(100, 999)},{r.randint(100, 999)}元",
    ]
    return r.choice(options)()


def distractor_en(r: random.Random, p: People) -> str:
    options: list[Callable[[], str]] = [
        lambda: f"Reference no. {_digits(r, 16)}",
        lambda: f"Invoice #{_digits(r, 10)}",
        lambda: f"a balance of ${r.randint(100, 99999):,}.{r.randint(0, 99):02d}",
        lambda: f"due on {r.randint(1, 12)}/{r.randint(1, 28)}/{r.randint(2020, 2026)}",
        lambda: f"by {p.en.month_name()} {r.randint(1, 28)}, {r.randint(2020, 2026)}",
        lambda: "call us toll-free at 1-800-555-0199",
        lambda: f"Account ending in {_digits(r, 4)}",
        lambda: f"Case No. {r.randint(2019, 2026)}-CV-{_digits(r, 5)}",
        lambda: f"{p.en.company()}",
        lambda: "Consumer Financial Protection Bureau",
        lambda: "Monday through Friday, 8 AM to 9 PM Eastern",
        lambda: f"loan number {_digits(r, 12)}",
    ]
    return r.choice(options)()


# ---- templates: {TYPE} slots are labelled, {D} slots are distractors --------------------------------

ZH_TEMPLATES = [
    "借款人{PERSON}，身份证号{CN_ID}，您的借款已逾期，请联系{PHONE}。{D}",
    "{PERSON}先生您好，您尾号的欠款请尽快处理，{D}，还款卡号{BANK_CARD}。",
    "紧急联系人：{PERSON}，电话{PHONE}，关系：同事。{D}",
    "您好，我是XX金融的催收专员，{D}，请{PERSON}本人回电{PHONE}。",
    "客户{PERSON}的家庭住址为{ADDRESS}，{D}。",
    "收件人：{PERSON}，地址：{ADDRESS}，手机：{PHONE}",
    "邮箱{EMAIL}已收到还款计划，{D}。",
    "请将材料发送至{EMAIL}，或致电{PHONE}。{D}",
    "持卡人{PERSON}，卡号{BANK_CARD}，{D}。",
    "身份证{CN_ID}对应的账户{D}。",
    "{D}，{D}，请勿轻信非官方渠道。",
    "上门地址：{ADDRESS}。{D}",
    "担保人{PERSON}（{PHONE}）已确认知悉，{D}。",
    "今天跟{PERSON}通了电话，{D}，对方说下周还。",
    "{PERSON}，你好，{D}，如有疑问请联系{PHONE}。",
    "尊敬的{PERSON}：您于{D}，请知悉。",
    "已向{PERSON}女士发送提醒短信，{D}。",
    "老身份证号码{CN_ID15}，请更新证件。",
    "证件号码：{CN_ID}；开户行卡号：{BANK_CARD}；{D}",
    "客户说住在{ADDRESS}，{D}。",
    "座机{LANDLINE}无人接听，改拨手机{PHONE}。{D}",
    "香港联系电话{INTL}，{D}。",
    "{PERSON}的银行卡{BANK_CARD}扣款失败，{D}。",
    "转告{PERSON}：{D}。",
    "联系人{PERSON}电话{PHONE}邮箱{EMAIL}",
    "债务人{PERSON}名下账户{D}。",
    "请{PERSON}于今日下午到{ADDRESS}办理。",
    "{PHONE}这个号码是{PERSON}的吗？{D}",
    "{D}，{D}，请勿添加陌生微信。",
    "{D}。寄送地址{ADDRESS}，收件人{PERSON}收。",
]

EN_TEMPLATES = [
    "Dear {PERSON}, this is a communication from a debt collector. {D}.",
    "Please call us at {USPHONE} regarding {D}.",
    "Borrower {PERSON} can be reached at {USPHONE} or {EMAIL}.",
    "Mail your payment to {USADDRESS}. {D}.",
    "We spoke with {PERSON} today; {D}.",
    "Customer address on file: {USADDRESS}.",
    "Mr. {SURNAME} said he will pay {D}.",
    "Contact: {PERSON}, {EMAIL}, {INTL}.",
    "{PERSON} disputed {D} by email from {EMAIL}.",
    "The card {BANK_CARD} was declined; {D}.",
    "Sincerely,\n{PERSON}\n",
    "{D}. {D}.",
    "Ms. {SURNAME}, your payment of {D} was received.",
    "Send the letter to {PERSON} at {USADDRESS}.",
    "Her cell is {USPHONE}, and her brother {PERSON} lives nearby. {D}.",
]


def _fill(doc: Doc, template: str, r: random.Random, p: People) -> None:
    lang = doc.lang
    values: dict[str, tuple[Callable[[], str], str | None]] = {
        "PERSON": (p.zh_name if lang == "zh" else p.en_name, "PERSON"),
        "SURNAME": (p.en.last_name, "PERSON"),
        "CN_ID": (lambda: cn_id(r), "CN_ID"),
        "CN_ID15": (lambda: cn_id_legacy(r), "CN_ID"),
        "PHONE": (lambda: mobile(r) if r.random() < 0.85 else landline(r), "PHONE"),
        "LANDLINE": (lambda: landline(r), "PHONE"),
        "INTL": (lambda: international(r), "PHONE"),
        "USPHONE": (lambda: us_phone(r) if r.random() < 0.8 else international(r), "PHONE"),
        "BANK_CARD": (lambda: card(r), "BANK_CARD"),
        "EMAIL": (lambda: p.en.free_email() if r.random() < 0.5 else p.zh.email(), "EMAIL"),
        "ADDRESS": (p.zh_address, "ADDRESS"),
        "USADDRESS": (p.en_address, "ADDRESS"),
        "D": ((lambda: distractor_zh(r, p)) if lang == "zh" else (lambda: distractor_en(r, p)), None),
    }
    rest = template
    while "{" in rest:
        head, _, tail = rest.partition("{")
        slot, _, rest = tail.partition("}")
        doc.add(head)
        make, label = values[slot]
        doc.add(make(), label)
    doc.add(rest)


def generate(n: int = N_DOCS, seed: int = SEED) -> Iterator[Doc]:
    """``n`` documents; the same seed gives the same corpus and the same split."""
    for i in range(n):
        r = random.Random(seed * 1_000_003 + i)
        p = People(r)
        lang = "zh" if r.random() < 0.7 else "en"
        doc = Doc(id=f"pii-{i:05d}", lang=lang, split="test" if i % 10 < TEST_SHARE else "dev")
        templates = ZH_TEMPLATES if lang == "zh" else EN_TEMPLATES
        for k in range(r.choice([1, 1, 2, 3])):
            if k:
                glue = r.choice(["", " ", "\n"]) if lang == "zh" else " "
                doc.add("\n" if not glue and doc.text[-1:].isalnum() else glue)
            _fill(doc, r.choice(templates), r, p)
        yield doc


def load(split: str | None = None, n: int = N_DOCS, seed: int = SEED) -> list[Doc]:
    return [d for d in generate(n, seed) if split is None or d.split == split]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=5)
    parser.add_argument("--split", choices=["dev", "test"], default=None)
    parser.add_argument("--jsonl", action="store_true", help="write the whole corpus as JSON Lines")
    args = parser.parse_args()
    docs = load(args.split)
    for doc in docs if args.jsonl else docs[: args.n]:
        if args.jsonl:
            print(json.dumps(doc.as_dict(), ensure_ascii=False))
        else:
            print(doc.text)
            for s in doc.spans:
                print(f"   {s['type']:<10} {doc.text[s['start'] : s['end']]}")  # type: ignore[misc]


if __name__ == "__main__":
    main()
