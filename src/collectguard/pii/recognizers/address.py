"""ADDRESS: Chinese postal addresses built from administrative, road and building pieces, and
U.S.-style street addresses. The pieces are data (``address.yaml``); this module orders them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from collectguard.pii.data import AddressData, shipped
from collectguard.pii.span import PiiSpan

__all__ = ["AddressRecognizer"]

_H = r"[\u4e00-\u9fff]"
_NUM = r"(?:\d+|[一二三四五六七八九十百]+)"
_FINE = ("village", "road", "number", "complex", "building")
_US_SUFFIX = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|"
    r"Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Loop|Alley|Plaza|Crossing|Row)"
)
_US_UNIT = r"(?:,? (?:Apt\.?|Suite|Ste\.?|Unit|#) ?[A-Za-z0-9-]+)"
_US_TAIL = r"(?:,? (?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+,? [A-Z]{2} \d{5}(?:-\d{4})?)"
_US = re.compile(
    rf"\b(?P<pii>\d{{1,6}}(?: [NSEW]\.?)?(?: [A-Z][a-z]+){{1,3}} {_US_SUFFIX}\.?{_US_UNIT}?{_US_TAIL}?"
    rf"|\d{{1,6}}(?: [A-Z][a-z]+\.?){{1,4}}{_US_UNIT}?{_US_TAIL})(?![A-Za-z0-9])"
)


_CAPITAL = re.compile(r"[A-Z][a-z]")


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class AddressRecognizer:
    name = "address"
    type = "ADDRESS"

    def __init__(self) -> None:
        d = shipped(AddressData, "address.yaml")
        fine = [
            *d.road_suffixes,
            *d.complex_suffixes,
            *d.village_suffixes,
            "号",
            "室",
            "栋",
            "幢",
            "座",
            "单元",
            "组",
        ]
        self._anchor_re = re.compile(_alt(fine))
        self._province_re = re.compile(f"(?:{_alt(d.provinces)})(?:{_alt(d.province_suffixes)})")
        self._lead = tuple(sorted(d.lead_cues, key=len, reverse=True))
        self._institutions = tuple(d.institution_tails)
        self._not_roads = tuple(d.not_roads)
        suffixes = [
            *d.province_suffixes,
            *d.city_suffixes,
            *d.district_suffixes,
            *d.town_suffixes,
            *d.village_suffixes,
            *d.road_suffixes,
            *d.complex_suffixes,
            "号",
            "栋",
            "幢",
            "座",
            "室",
            "单元",
            "组",
        ]
        first_chars = "".join(sorted({s[0] for s in suffixes}))
        self._zh = re.compile(
            # Cheap guard: a piece's suffix must come within the next dozen characters, so the
            # optional pieces below are not all tried at every position of the text.
            rf"(?=[\u4e00-\u9fff0-9A-Za-z-]{{0,11}}[{first_chars}])"
            rf"(?P<province>(?:{_alt(d.provinces)})(?:{_alt(d.province_suffixes)})?)?"
            rf"(?P<city>{_H}{{1,5}}?(?:{_alt(d.city_suffixes)}))?"
            rf"(?P<district>{_H}{{1,5}}?(?:{_alt(d.district_suffixes)}))?"
            rf"(?P<town>{_H}{{1,6}}?(?:{_alt(d.town_suffixes)}))?"
            rf"(?P<village>{_H}{{1,6}}?(?:{_alt(d.village_suffixes)})(?:{_NUM}组)?)?"
            rf"(?P<road>(?:[\u4e00-\u9fff0-9]{{1,8}}?(?:{_alt(d.road_suffixes)})){{1,2}}(?:{_NUM}段|[东南西北中]段)?(?:\d+弄)?)?"
            rf"(?P<number>\d+(?:-\d+)?号(?:院)?)?"
            rf"(?P<complex>[\u4e00-\u9fff0-9A-Za-z]{{1,10}}?(?:{_alt(d.complex_suffixes)})+(?:[一二三四五六七八九十\d]+期)?)?"
            rf"(?P<building>(?:(?:\d+|[A-Za-z]|[一二三四五六七八九十]+)(?:号楼|栋|幢|座|单元|层|楼|室|号|户|区)"
            rf"|\d+-\d+(?:-\d+)?(?:室|号)?)+)?"
        )

    def _trim_left(self, text: str, start: int, end: int) -> int:
        head = text[start : min(end - 2, start + 12)]
        found = self._province_re.search(head, 1)
        if found:
            return start + found.start()  # 址西藏自治区…: a province with its suffix starts the address
        cut = 0
        for cue in self._lead:
            i = head.rfind(cue)
            if i >= 0:
                cut = max(cut, i + len(cue))
        return start + cut

    def _zh_spans(self, folded: str) -> Iterator[PiiSpan]:
        anchor = self._anchor_re.search(folded)
        if anchor is None:
            return  # no road, number, complex, village or building: no address worth reporting
        pos = max(0, anchor.start() - 48)  # the longest run of administrative pieces before it
        while True:
            match = self._zh.search(folded, pos)
            if match is None:
                return
            if match.end() == match.start():
                pos = match.end() + 1
                if pos >= len(folded):
                    return
                continue
            parts = [k for k, v in match.groupdict().items() if v]
            if match.group("road") and match.group("road").endswith(self._not_roads):
                parts.remove("road")  # 都知道 is a verb, not a road
            if len(parts) < 2 or not any(p in _FINE for p in parts):
                pos = match.start() + 1  # a loose piece may have swallowed the start of a real one
                continue
            pos = match.end()
            if folded.startswith(self._institutions, match.end()):
                continue
            start = match.start()
            if not match.group("province"):
                start = self._trim_left(folded, match.start(), match.end())
            if match.end() - start < 4:
                continue
            yield PiiSpan(self.type, start, match.end(), 0.8, "pieces " + "+".join(parts))

    def analyze(self, text: str, folded: str) -> Iterator[PiiSpan]:
        if re.search(r"[\u4e00-\u9fff]", folded):
            yield from self._zh_spans(folded)
        for match in _US.finditer(folded) if _CAPITAL.search(folded) else ():
            yield PiiSpan(self.type, *match.span("pii"), 0.75, "street number, name and suffix")
