"""EMAIL and the no-code types (LICENSE_PLATE, WECHAT_ID, QQ, US_SSN, NATIONAL_ID) from patterns.yaml."""

from __future__ import annotations

import pytest
from pii_table import found

CASES = [
    ("EMAIL", "邮箱zhang.san@163.com请查收", ["zhang.san@163.com"]),
    ("EMAIL", "Mail John.Doe+bills@mail.example.co.uk.", ["John.Doe+bills@mail.example.co.uk"]),
    ("EMAIL", "发送至１２３４５＠ｑｑ．ｃｏｍ", ["１２３４５＠ｑｑ．ｃｏｍ"]),
    ("EMAIL", "not an address: user@localhost or @handle", []),
    ("EMAIL", "version 1.2@3 build", []),
    ("LICENSE_PLATE", "车牌粤B12345停在楼下", ["粤B12345"]),
    ("LICENSE_PLATE", "新能源车牌沪AD12345", ["沪AD12345"]),
    ("LICENSE_PLATE", "粤I12345", []),  # I and O are never issued
    ("WECHAT_ID", "微信号：zhang_san88", ["zhang_san88"]),
    ("WECHAT_ID", "加我微信吧", []),
    ("QQ", "QQ号：12345678", ["12345678"]),
    ("QQ", "qq 01234567", []),
    # US_SSN: nine digits, hyphenated or not, only after the words an SSN is given with; never an
    # area the SSA does not issue (000, 666, 900-999), a group 00 or a serial 0000, nor a number an
    # order, invoice or reference word names; a phone's 3-3-4 is no SSN
    ("US_SSN", "Please confirm your Social Security number is 523-48-7719.", ["523-48-7719"]),
    ("US_SSN", "SSN: 523487719 on file", ["523487719"]),
    ("US_SSN", "Your Social on file is ５８３-２２-７７１０", ["５８３-２２-７７１０"]),
    ("US_SSN", "Your SS# is 523487719.", ["523487719"]),
    ("US_SSN", "Your SSN is 523–48–7719.", ["523–48–7719"]),
    ("US_SSN", "SSN 000-12-3456, 666-12-3456, 923-12-3456, 523-00-1234, 523-12-0000", []),
    ("US_SSN", "call 770-555-0121 or ref 2024-06-18", []),
    ("US_SSN", "account 523487719", []),
    ("US_SSN", "Invoice 104-22-3381 is past due.", []),
    ("US_SSN", "订单号123-45-6789已发货", []),
    ("US_SSN", "We need your date of birth and SSN. Ref 523487719.", []),
    ("US_SSN", "Mr. Glassner, ref 523487719", []),
    # NATIONAL_ID: another country's identity number right after its label (IC, SIN, HKID, ID), with a
    # check character where it has one; never a loan, account or reference number
    ("NATIONAL_ID", "Ong Kah Meng, IC 970612-14-5523.", ["970612-14-5523"]),
    ("NATIONAL_ID", "tenant Luc Tremblay, SIN 046 454 286, born 1988", ["046 454 286"]),
    ("NATIONAL_ID", "Mr Fung (HKID A889630(8)) owes us", ["A889630(8)"]),
    ("NATIONAL_ID", "His NRIC S1234567D is on file", ["S1234567D"]),
    ("NATIONAL_ID", "Faith Wambui, her ID 38222694, phone 0719 291 445", ["38222694"]),
    ("NATIONAL_ID", "NRIC no. S 1234567 D", ["S 1234567 D"]),
    ("NATIONAL_ID", "Ghana Card GHA-123456789-0", ["GHA-123456789-0"]),
    ("NATIONAL_ID", "This is agent Kim, ID 4471920, from ABC Recovery", []),
    ("NATIONAL_ID", "NMLS ID 1234567. Please call us back.", []),
    ("NATIONAL_ID", "Our company reg. no. IC 201912345K", []),
    ("NATIONAL_ID", "Pay IDR2500000 by Friday", []),
    ("NATIONAL_ID", "Please quote loan ID 38222694 when you call", []),
    ("NATIONAL_ID", "Your account ID: 4471920 is active", []),
    ("NATIONAL_ID", "IDs 12345 and Basic 1234567", []),
]


@pytest.mark.parametrize(("type_", "text", "values"), CASES)
def test_table(type_: str, text: str, values: list[str]) -> None:
    assert found(text, type_) == values


def test_an_ssn_is_masked_to_its_last_four() -> None:
    from collectguard.pii import mask

    assert mask("SSN 523-48-7719 on file") == "SSN ***-**-7719 on file"


def test_an_ssn_has_one_canonical_value_however_it_is_written() -> None:
    from collectguard.pii.normalize import canonical_value

    forms = {
        canonical_value(v, "US_SSN")
        for v in ("523-48-7719", "523 48 7719", "523487719", "５２３－４８－７７１９")
    }
    assert forms == {"523487719"}


def test_the_words_an_ssn_needs_are_the_recognizers_own() -> None:
    from collectguard.pii import required_cues

    assert "social security" in required_cues(("US_SSN",))
    assert required_cues(("CN_ID", "BANK_CARD")) == ()  # checked by their digits, not by words before them
