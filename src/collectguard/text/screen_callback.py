"""Whose phone number a message gives: the sender's own, asked to be called back on (call me back at …, 回电…,
给0371-86551200回个电话), or someone else's. A number of the sender's is no personal data of the borrower's."""

from __future__ import annotations

import re

from collectguard.text.screen_context import cues_before

__all__ = ["callback_after", "callback_before"]

#: what may stand between a sender's callback cue and the number: separators, an area code's
#: bracket, and the words of 回个电话就行，号码… / 回个电话吗？号码… (no name, no 他 or 她)
_TO_NUMBER = " :：,，是系为is(（电话号码就行好吗?？到至"  # 系: 是 in Cantonese
#: or, in English, the sender's own first name and "at" or "on" (have her call Jen at …, reach me, Kyle,
#: at …, ask her to call Mark back at …)
_NAMED_AT = re.compile(r"[ ,]*[a-z]+,?(?: back)? (?:at|on)[ (]*")
#: or, in Chinese, a call back to the sender named after 给 (请他回个电话给湘信公司小彭，号码…): a firm, a
#: desk or 小 and a surname, never 他, 她 or anyone the reader knows (回个电话给他担保人王芳，号码…)
_NAMED_TO = re.compile(
    r"给(?![^，,。]*[他她])(?:我们|我司|本公司|我|[^，,。；;！!？?]{0,8}(?:公司|客服|专员|经理|部|中心|小[\u4e00-\u9fff]))"
    r"[，, ]*(?:号码|电话|座机)?[是为:：]?\s*"
)
#: right before a callback cue: a call not returned, by the person whose number follows (佢成日唔覆电话，号码系…)
_NOT_CALLING = ("不", "唔", "冇", "没", "没有", "不肯", "唔肯", "never ", "doesn't ", "won't ", "didn't ")
#: a cue that asks for a call back, not one that reports a call (致电, 拨打)
_CALLBACK = ("回", "打返", "覆")


def callback_before(cue: re.Pattern[str], s: str, at: int, reach: int, lang: str) -> bool:
    """A callback cue of the sender's leads straight to the number at ``at`` (call me back at …,
    我的电话…), with only separators between, or in English the sender's name and "at": the
    number is the sender's own. A name that is not the cue's (我们致电了王芳…, reach me or Dana
    at …) or any other word between links the number to someone else."""
    for m in cues_before(cue, s, at, reach):
        if s.endswith(_NOT_CALLING, 0, m.start()):  # 他一直不回电话，号码是… gives his number, not ours
            continue
        gap = s[m.end() : at]
        if gap.strip(_TO_NUMBER) == "" or (lang == "en" and _NAMED_AT.fullmatch(gap) is not None):
            return True
        if lang == "zh" and m.group().startswith(_CALLBACK) and _NAMED_TO.fullmatch(gap) is not None:
            return True
    return False


#: a phone number as the normaliser leaves it: digits, and the dashes, spaces and brackets between them
_NUMBER_RUN = re.compile(r"[\d\-\s()+]+")


def callback_after(cue: re.Pattern[str], s: str, at: int) -> bool:
    """The number at ``at`` is given to call (给0371-86551200回个电话) and followed at once by a callback: the number to
    call back is the sender's own (not 他手机13912345678回个电话没人接, his number called back)."""
    run = _NUMBER_RUN.match(s, at)
    return run is not None and s[:at].rstrip(" :：").endswith("给") and cue.match(s, run.end()) is not None
