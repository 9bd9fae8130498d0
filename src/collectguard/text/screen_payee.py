"""A payment account in a person's name: 户名刘红霞, 收款人李某某.

A creditor collects into its own account, named for the company (户名：某某消费金融有限公司); money sent to an
account held by a person, however the message dresses that person up (本组组长, 我们财务), is not paid to the
creditor (CBA 2026 on payment channels). The account holder's name follows its label: a surname, one or two
given characters (or 某, 某某, * for one withheld), then no more Chinese, since a company's name runs on. The
message must ask for a transfer, and neither the label's sentence nor the one before may warn of such accounts
(请勿向个人账户转账) or tell of money sent to the reader (放款成功！收款人：陈静).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from collectguard.pii.data import SurnameData, shipped
from collectguard.text.lexicon_context import Context
from collectguard.text.normalize import Offsets
from collectguard.text.screen_context import sentence_span
from collectguard.text.screen_types import Raw

__all__ = ["personal_payees"]

#: between a label and the name: 户名：, 户名为, 收款人是
_GAP = re.compile(r"[\s:：]*(?:是|为)?[\s:：]*")
#: the given name: one or two characters, 某 or 某某, or an asterisk for one withheld (陈*明)
_GIVEN = re.compile(r"(?:某某|某|[\u4e00-\u9fff*]{1,2})")
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: the account right after the holder's name (户名张伟的卡)
_ACCOUNT = ("的账户", "的帐户", "的卡", "的银行卡", "的支付宝", "的微信")


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    names = shipped(SurnameData, "surnames.yaml")
    return frozenset(names.single), frozenset(names.compound)


def _person_at(s: str, at: int, original: str, offs: Offsets) -> int | None:
    """Where the person's name starting at ``at`` ends, or None when no name of a person starts there: the longest
    given name after which the original has no more Chinese (the normaliser drops an opening bracket and a space:
    王芳（财务）, 诸葛明 请转账), or the account itself (户名张伟的卡)."""
    single, compound = _surnames()
    size = 2 if s[at : at + 2] in compound else 1 if at < len(s) and s[at] in single else 0
    given = _GIVEN.match(s, at + size) if size else None
    if given is None:
        return None
    for end in range(given.end(), at + size, -1):
        after = end if offs is None else offs[1][end - 1]
        if after >= len(original) or _HAN.match(original, after) is None or s.startswith(_ACCOUNT, end):
            return end
    return None


def personal_payees(
    s: str,
    original: str,
    offs: Offsets,
    contexts: Iterable[Context],
    told: list[tuple[int, int]],
    report: bool,
) -> list[Raw]:
    """Each account holder named as a person in normalised ``s`` (of ``original``, by ``offs``), in a message that
    asks for a transfer; not one in ``told``, what a memo reports or shows wrong, nor in a ``report``, a memo that
    gives a verdict (质检：坐席要求客户转账…户名刘红霞，属于违规收款)."""
    found: list[Raw] = []
    if report:
        return found
    for ctx in contexts:
        if ctx.payee_labels.search(s) is None or ctx.payee_transfers.search(s) is None:
            continue  # most messages name no account holder
        for label in ctx.payee_labels.finditer(s):
            if any(a <= label.start() < b for a, b in told):
                continue
            gap = _GAP.match(s, label.end())
            end = _person_at(s, label.end() if gap is None else gap.end(), original, offs)
            if end is None:
                continue
            lo, hi = sentence_span(s, label.start())
            lo = sentence_span(s, max(0, lo - 1))[0]  # and the sentence before (放款成功！收款人：陈静…)
            if ctx.payee_warnings.search(s, lo, hi) is None:
                evidence = s[label.start() : end]
                found.append(("improper_payment_channel", label.start(), end, "context", evidence, "warn"))
    return found
