"""The validated shape of the lexicon data files (``data/lexicons/<lang>/<category>.yaml``, ``context.yaml``).

Kept apart from the compiler in ``lexicon`` so each module stays small; errors name file, entry and field.
"""

from __future__ import annotations

from typing import Literal, get_args

import pydantic

__all__ = ["CATEGORIES", "LANGS", "ComboSpec", "ContextFile", "LexiconFile", "TermSpec"]

Category = Literal[
    "threat",
    "insult",
    "impersonation",
    "false_legal_consequence",
    "third_party_disclosure",
    "contact_third_party",
    "harassment",
    "privacy_exposure",
    "demand_from_third_party",
    "induce_borrowing",
    "improper_payment_channel",
]
#: the message categories of design.md, in the order reports list them
CATEGORIES: tuple[str, ...] = get_args(Category)
Severity = Literal["block", "warn"]
LANGS = ("zh", "en")


class _Strict(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)


class _EntryOptions(_Strict):
    severity: Severity | None = None
    also: tuple[Category, ...] = ()
    # others: only when the message is not to the borrower; not_to_borrower: the same and to a guarantor too, who may
    # hear of the debt but not see the borrower's identifiers; not_to_family: not in a message to an emergency contact
    # or a guarantor, whose family ("we couldn't reach your son") is most often the borrower; beyond_guarantee: as
    # not_to_borrower, and a demand that holds for a guarantor too, since it asks more than the guarantee (another
    # of the borrower's debts, a guarantee whose period has run out)
    addressee: Literal["any", "others", "not_to_borrower", "not_to_family", "beyond_guarantee"] = "any"
    # true when it is lawful through a court (强制执行 after a judgment); for a payment-channel
    # entry, when the sentence names the creditor's own channel (对公账户, official app)
    lawful_process: bool = False


class TermSpec(_EntryOptions):
    text: str = pydantic.Field(min_length=1)
    # words that start where the term does and are no finding (转给我 in 转给我们主管审批, a case passed on)
    unless: tuple[str, ...] = ()


class ComboSpec(_EntryOptions):
    groups: tuple[tuple[str, ...], ...] = pydantic.Field(min_length=2)
    window: int = pydantic.Field(gt=0, le=200)
    same_clause: bool = False  # no comma between the groups (你这种人就是骗子, not 你好，谨防骗子)
    # the group scanned first (its rarest); only speed depends on it, never what is found,
    # except in a frame (``need``) that leaves groups out, where the gate group must be present
    gate: int | None = pydantic.Field(default=None, ge=0)
    # a frame: the gate group and at least need - 1 other groups, in any order, within the window
    # (across sentences); the groups are the parts of one situation (family, a place, "we know")
    need: int | None = pydantic.Field(default=None, ge=2)
    # words that follow a word of the last group and make it no part of a chain: the authority named as part of
    # something else (the police union, a federal credit union); a later word of the group is tried
    unless: tuple[str, ...] = ()

    @pydantic.model_validator(mode="after")
    def _gate_in_range(self) -> ComboSpec:
        if self.gate is not None and self.gate >= len(self.groups):
            raise ValueError(f"gate {self.gate} but only {len(self.groups)} groups")
        if self.need is not None:
            if self.gate is None and self.need < len(self.groups):
                raise ValueError(
                    "a frame (need) that leaves groups out names its gate: the group that must be present"
                )
            if self.need > len(self.groups):
                raise ValueError(f"need {self.need} but only {len(self.groups)} groups")
            if self.unless:
                raise ValueError(
                    "unless names what follows a chain's last group; a frame (need) has no last group"
                )
        return self


class LexiconFile(_Strict):
    category: Category
    lang: Literal["zh", "en"]
    severity: Severity
    citation: str = pydantic.Field(min_length=1)
    also: tuple[Category, ...] = ()  # categories every entry of the file also counts for
    terms: tuple[str | TermSpec, ...] = ()
    combos: tuple[ComboSpec, ...] = ()


class ContextFile(_Strict):
    lang: Literal["zh", "en"]
    negation: tuple[str, ...]
    negation_exceptions: tuple[str, ...] = ()
    pseudo_negation: tuple[str, ...] = ()  # phrases with a negation word that negate nothing (why not, 不如)
    # cues that deny only the hit they stand before (不影响子女入学), never a clause (投诉也不影响我们天天打)
    denials: tuple[str, ...] = ()
    # between two negations, a word that reports the second under the first (we never said we
    # would not …): a double negation; otherwise English negations stack for emphasis
    reported_speech: tuple[str, ...] = ()
    negation_after: tuple[str, ...] = ()  # after a hit in its sentence: the hit is quoted to warn (…都是骗子)
    # at the end of the hit's clause: the negated act is itself banned (不告知他老婆欠款金额一律禁止), so the
    # negation before the hit tells what not to do, and the hit stands
    banned_after: tuple[str, ...] = ()
    negation_after_exceptions: tuple[
        str, ...
    ] = ()  # start as one and turn to pressure (不是我们的错, please don't make us)
    mentions: tuple[str, ...] = ()  # right before a quote: the quoted words are named, not said (所谓“…”)
    # ending where a mention word ends: an order, not a mention (统一自称“法务部”, not 有人自称“法院”)
    mention_orders: tuple[str, ...] = ()
    # before a hit in its sentence: the conduct is someone else's, named to warn against it
    # (不法分子冒充我司要求转账到个人账户; scammers posing as us threaten arrest)
    impostors: tuple[str, ...] = ()
    # after such a warning: a verdict on the impostors that closes it (…is lying, 在撒谎), though it
    # denies no hit before it (…anyone who says otherwise is lying) as ``negation_after`` does
    impostor_verdicts: tuple[str, ...] = ()
    # warning cues that are a verdict of their own (勿轻信): they close their warning at the end of their
    # clause (勿轻信他人，明天派人去你单位 is a threat) unless the clause names a call, a message or the
    # impostors as what not to believe (请勿轻信陌生来电，接到称…的电话请直接挂断 goes on warning)
    impostor_doubts: tuple[str, ...] = ()
    impostor_doubted: tuple[str, ...] = ()
    # right after a hit (an authority or the people around the reader named as a subject): what it
    # is said to do is denied (the sheriff doesn't collect debts, 公安不受理经济纠纷)
    subject_denials: tuple[str, ...] = ()
    # right before a phone number: the number is the sender's own (call me back at …, 回电…)
    own_number: tuple[str, ...] = ()
    own_number_after: tuple[str, ...] = ()  # right after a phone number: a call back to it (…回个电话)
    # where a contact hit starts: the contact failed (联系不上您的朋友 asks where he is, it threatens nobody)
    failed_contact: tuple[str, ...] = ()
    # one person named as the reader's own (您的朋友周涛, your son): in a message to an emergency contact or a
    # guarantor that asks the reader to pass on a call-back (a relay request), the borrower, so contacting them is
    # no contact with a third party (您的家人 stays one), unless a condition stands in its sentence
    # (如果小王再不接，我们就联系您的女儿; tell your brother if he doesn't call back…: a consequence, not a call-back)
    reader_kin: tuple[str, ...] = ()
    reader_kin_exceptions: tuple[str, ...] = ()  # …and none that names a group (您的朋友圈, 您的朋友们)
    reader_kin_conditions: tuple[str, ...] = ()
    # right after a hit in a memo to staff, a setting word and a rule's word: the hit is the setting of a rule
    # for collectors (联系紧急联系人时只能请其转告…, 联系家属的时候，不得…), not an act or a threat
    procedure_settings: tuple[str, ...] = ()
    procedure_rules: tuple[str, ...] = ()
    # in a memo to staff, a referral to the police or the courts (移交公安机关) right after an employee's dismissal
    # (解除劳动合同, 开除): the staff member's sanction, not a threat to a borrower
    staff_referrals: tuple[str, ...] = ()
    staff_sanctions: tuple[str, ...] = ()
    # …unless the sentence names a borrower, a debt or speech to anyone (告诉客户…移交公安)
    staff_sanction_exceptions: tuple[str, ...] = ()
    # at the start of the hit's sentence: a question told back, answered by the next sentence
    # (you asked whether you could go to prison. No.)
    reported_questions: tuple[str, ...] = ()
    # right after a question told back: it asks yes or no (您问他是不是…); and a next clause that answers yes
    # (…，是的): a debt word in such a question is the reader's own unless it is answered
    yes_no_forms: tuple[str, ...] = ()
    affirmations: tuple[str, ...] = ()
    # around a hit: the words are the name of a lawful civil process, not a threat (a warrant of
    # control, an earnings arrestment, sheriff officers serving a charge for payment)
    lawful_names: tuple[str, ...] = ()
    # in a visit's or a contact's sentence: it happens only if the reader asks for it (经您同意,
    # at your request, only if you'd find that helpful)
    consent: tuple[str, ...] = ()
    # right after a question that holds the hit: the answer denies it (坐牢？不会的。)
    answered_no: tuple[str, ...] = ()
    # right after a quoted question: the answer affirms it, so the quote names nothing (你问“会不会坐牢”，肯定会)
    answered_yes: tuple[str, ...] = ()
    # right after a word (Chinese) or right before it (English): the word is named, not used
    # (老赖这个词我们不会用; we never use the word deadbeat); the only context an insult heeds
    word_named: tuple[str, ...] = ()
    # a rule that bans what it names: before a named word in its clause (规定不能说「老赖」这类词), before
    # a list after its colon (禁用词：老赖、骗子), at either end of a quoted list (严禁讲“坐监”…之类说话)
    word_bans: tuple[str, ...] = ()
    # after quoted words in their sentence, or opening the next: a reviewer's verdict that they broke a
    # rule (…”，属骚扰性表述; '…' Substantiated.): a QA or complaint note reports them, nobody says them
    violation_verdicts: tuple[str, ...] = ()
    # right before such a verdict: it is denied (无违规, 未达违规, not a violation is a negation's work)
    verdict_denials: tuple[str, ...] = ()
    # in a verdict's clause before it: the sanction is for not saying the words (不说的扣分, anyone who doesn't…
    # gets written up), an order to say them
    verdict_refusals: tuple[str, ...] = ()
    # after quoted words and before their verdict: praise or a call to copy them (效果很好, 大家照着说, "great result,
    # do the same"), so the note endorses what it quotes
    endorsements: tuple[str, ...] = ()
    concessions: tuple[
        str, ...
    ] = ()  # right before such praise: it is conceded (哪怕效果明显也属威胁, even if it works)
    # after a ban or a verdict in its sentence: the note orders the words all the same (违规也得说, 扣分归扣分，照这个来,
    # "say it anyway")
    defiance: tuple[str, ...] = ()
    defiance_exceptions: tuple[str, ...] = ()  # starting where a defiance does and none (违规也要说明原因)
    # after a warning against the hit (…is a violation, 是违规的) in its sentence or opening the next: the words
    # ordered anyway; narrower than defiance, since a warning to a borrower goes on with what to do (可以用官方电话核实)
    defied_warnings: tuple[str, ...] = ()
    # outside the quotes of such a note: a review or a collector named (质检, 坐席, QA, agent)
    review_frames: tuple[str, ...] = ()
    # right before a hit in a note that names a review: the hit names the kind of violation found ("That is a false
    # threat of arrest", "flagged as a threat to contact a third party"), it threatens nothing
    verdict_descriptions: tuple[str, ...] = ()
    # right after a verdict: its object is the debt, so it judges no words (违规逾期, breach of agreement)
    verdict_objects: tuple[str, ...] = ()
    # right before the quote of such a note: the collector who said it (坐席说, agent told the consumer)
    reported_speakers: tuple[str, ...] = ()
    breakers: tuple[str, ...] = ()
    # after the first comma of a command that a negation opens: a new command (never say jail, call the employer…),
    # which the negation does not govern unless "or" or a series of commas joins the two
    new_commands: tuple[str, ...] = ()
    breaker_exceptions: tuple[str, ...] = ()  # words that start with a breaker and are none (就业, 就医)
    lawful_process: tuple[str, ...] = ()
    # anywhere in a message: a real case is named, so what may follow it is told, not threatened
    # (案号（2025）浙0110民初21406号; a writ of garnishment was served)
    lawful_case: tuple[str, ...] = ()
    # the creditor's own channel named in the sentence (对公账户, official app): a payment there is lawful
    official_payee: tuple[str, ...] = ()
    # around a card number: it is an account to pay into, not the borrower's card (转到…户名, pay to)
    payee_account: tuple[str, ...] = ()
    # a clock time outside the lawful day (screen_hours): the part of the day before a Chinese hour (凌晨, 晚上, 早上);
    # a deadline right after it (前) or before it (by, until); hours the reader may call in on (call us, 客服); the
    # time of sending right before it (it's, 现在); a contact of the reader in its sentence (打, call)
    night_early: tuple[str, ...] = ()
    night_late: tuple[str, ...] = ()
    night_morning: tuple[str, ...] = ()
    night_deadlines: tuple[str, ...] = ()
    night_deadlines_before: tuple[str, ...] = ()
    night_inbound: tuple[str, ...] = ()
    night_now: tuple[str, ...] = ()
    night_contact: tuple[str, ...] = ()
    night_limits: tuple[str, ...] = ()  # in the time's sentence: a window the sender keeps to (only, 只在)
    night_past: tuple[str, ...] = ()  # before the time in its sentence: a past day (昨晚, last night)
    # an account holder's label (户名, 收款人), a transfer asked for (转到, 汇入), and in the label's sentence a warning
    # that turns it around (请勿, 诈骗): a person named after the label is a personal account to pay into
    payee_labels: tuple[str, ...] = ()
    payee_transfers: tuple[str, ...] = ()
    payee_warnings: tuple[str, ...] = ()
    debt_mentions: tuple[str, ...] = ()
    # words that start where a debt mention does and name no debt (account holder)
    debt_mention_exceptions: tuple[str, ...] = ()
    payment_requests: tuple[str, ...] = ()
    # to someone the borrower never designated: asking them to find or relay is itself a contact
    relay_requests: tuple[str, ...] = ()
    # anywhere in a message to someone else: the reader is named as acting for the borrower (as
    # executor, signed third-party authority, 遗产管理人), so the message is the borrower's business
    acting_for: tuple[str, ...] = ()
    # in a memo to staff: anyone outside the account (家属, 他单位, his wife, emergency contact); a memo naming
    # one is screened as a message to such a person
    outsiders: tuple[str, ...] = ()
    # right before a payment word: the money is to come from the debtor, through the reader
    # (让他还款, tell him to pay), so it is not a demand on the reader
    payer_relays: tuple[str, ...] = ()
    payer_relay_exceptions: tuple[str, ...] = ()  # …and no relay: 让他们 is a household asked to pay, not him
    # right before a payment word: the debtor is its subject (他还款了吗), not a demand on the reader,
    # unless the reader is to pay on the debtor's behalf (帮他还, 替她还)
    debtor_subjects: tuple[str, ...] = ()
    # what a count of contacts counts (第27条短信, the 12th text): messages and calls, never an
    # article or an instalment (合同第13条, 第12期)
    counted_contacts: tuple[str, ...] = ()
    # who is contacted ten or more times a day (每天给你打20个电话; call them 15 times a day), and in English the
    # verbs that contact them: a count a day with no one contacted is no pressure (我们每天处理100个电话)
    counted_readers: tuple[str, ...] = ()
    counted_verbs: tuple[str, ...] = ()
    # a quota for each borrower named before the count a day (每个失联借款人每天至少打满50通): ten or more calls to one
    # person a day, whoever is told to make them
    counted_persons: tuple[str, ...] = ()
    counted_bans: tuple[
        str, ...
    ] = ()  # …and right before it, a ban: no quota is ordered (严禁每个客户每天打满20通)
    # in English, the persons for whom a bare "attempts" counts (25 attempts per debtor per day): not an account's
    # login or card attempts
    counted_debtors: tuple[str, ...] = ()
    # in English, right before the verb of a count: it is denied (we never called you 12 times today)
    counted_denials: tuple[str, ...] = ()
    # anywhere in the message: the count is apologised for or denied, or told of someone else (很抱歉系统故障…, 冒充我方的
    # 诈骗电话, "our records show one call"): no pressure
    counted_excuses: tuple[str, ...] = ()
    on_behalf: tuple[str, ...] = ()
