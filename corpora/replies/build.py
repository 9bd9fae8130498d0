"""Build the labelled borrower-reply corpus (replies.jsonl) from template families.

Every reply here was written by the collectguard team for this corpus: no real person's
message is copied. Each *family* is one way of saying something (a direct statement, an
indirect farewell, a third person, a negation …); its lines are varied by composition with
neutral openings and endings. The split is by family: families whose name ends in ``_t``
form the test part and were written apart from the lexicon, so test figures measure
unseen phrasing, not memorised lines. The test part was looked at once (its misses were
printed) after its first evaluation; families ending in ``_u`` form a second held-out part,
written after that and before any further lexicon change: the clean figure.

    python corpora/replies/build.py        # rewrites corpora/replies/replies.jsonl
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).parent
SEED = 20261128

ZH_OPEN = ["", "你好，", "喂，", "我跟你说，", "说实话，", "唉，", "实话告诉你，", "我知道你们是催收的，"]
ZH_CLOSE = ["", "。", "！", "……", "，就这样吧。"]
EN_OPEN = ["", "Hi, ", "Look, ", "Listen, ", "Honestly, ", "Okay. ", "I know you're calling about the loan. "]
EN_CLOSE = ["", ".", "!", "...", ". That's all."]

# family name -> (lang, labels, lines). Labels are the signals of design.md; [] = neutral.
FAMILIES: dict[str, tuple[str, list[str], list[str]]] = {
    # ---------- Chinese: self-harm / crisis ----------
    "zh_sh_direct": (
        "zh",
        ["distress_self_harm"],
        [
            "我真的不想活了",
            "再逼我我就去跳楼",
            "我已经买好安眠药了",
            "实在不行我只能一死了之",
            "我现在就想死",
            "我准备喝农药了",
            "我活不下去了",
            "逼急了我就自杀给你们看",
        ],
    ),
    "zh_sh_hopeless": (
        "zh",
        ["distress_self_harm"],
        [
            "活着真的没意思",
            "我已经走投无路了",
            "我撑不下去了，每天都睡不着",
            "我彻底绝望了",
            "我现在生不如死",
            "我觉得活着就是家里的拖累",
            "人生已经没有任何意义了",
        ],
    ),
    "zh_sh_farewell": (
        "zh",
        ["distress_self_harm"],
        [
            "对不起，我真的尽力了",
            "以后不用再找我了",
            "下辈子再还你们吧",
            "这是我最后一次跟你们说话",
            "你们再也找不到我了",
            "永别了",
            "我不会再麻烦任何人了",
        ],
    ),
    "zh_sh_affairs": (
        "zh",
        ["distress_self_harm"],
        [
            "把房子卖了养孩子吧",
            "我的保险应该够还你们的钱",
            "孩子就拜托你们了",
            "帮我照顾好我妈",
            "存款我都留给孩子了",
            "后事我都安排好了",
        ],
    ),
    "zh_sh_third": (
        "zh",
        ["distress_self_harm"],
        [
            "我老公说要跳楼",
            "她天天说不想活了",
            "我爸喝了农药，现在在医院",
            "他说还不上就去死",
            "我儿子说活着没意思",
        ],
    ),
    "zh_sh_negated": (
        "zh",
        ["distress_self_harm"],
        [
            "你放心，我不会自杀的",
            "我没有想过轻生，只是压力大",
            "我不会想不开的",
        ],
    ),
    "zh_sh_evasive": (
        "zh",
        ["distress_self_harm"],
        [
            "我不想活了，真的",
            "我已經走投無路了",
            "對不起，我真的盡力了",
            "我想自 杀",
        ],
    ),
    "zh_sh_t": (
        "zh",
        ["distress_self_harm"],
        [
            "我想结束这一切",
            "我现在站在楼顶上给你打电话",
            "等我不在了，你们就不用打了",
            "这辈子没什么盼头了",
            "钱我还不上，命给你们",
            "我累了，想永远睡过去",
            "你们把我逼上绝路了",
            "我走了以后，别去找我爸妈",
            "告诉我女儿妈妈对不起她",
            "我写好遗书了",
            "再见了这个世界",
            "没有我，家里人会过得更好",
        ],
    ),
    "zh_sh_third_t": (
        "zh",
        ["distress_self_harm"],
        [
            "我老婆昨晚割腕了，你们别再逼了",
            "我弟说他活不下去了",
            "我妈说要跟你们同归于尽然后自己也不活了",
            "她说要一了百了",
        ],
    ),
    # ---------- Chinese: anger ----------
    "zh_anger_profane": (
        "zh",
        ["anger"],
        [
            "滚",
            "你们这帮畜生",
            "他妈的有完没完",
            "神经病啊你们",
            "傻逼",
            "你们就是一群吸血鬼",
            "卧槽，又是你们",
            "王八蛋",
            "你们都是骗子",
        ],
    ),
    "zh_anger_irritated": (
        "zh",
        ["anger"],
        [
            "烦死了",
            "我受够了",
            "别烦我",
            "闭嘴",
            "你给我等着",
            "老子没钱",
        ],
    ),
    "zh_anger_t": (
        "zh",
        ["anger"],
        [
            "滚蛋吧你",
            "你有病吧",
            "你们这些人渣",
            "一天打十几个电话，恶心不恶心",
            "走着瞧",
            "少废话",
            "你们不得好死",
        ],
    ),
    # ---------- Chinese: complaint ----------
    "zh_complaint": (
        "zh",
        ["complaint_intent"],
        [
            "我要投诉你们",
            "我已经打了12378",
            "我去黑猫投诉你们",
            "我要向银保监会反映",
            "我要报警",
            "我会去12363举报",
            "我要找媒体曝光你们",
            "我已经录音了",
            "我去法院告你们",
        ],
    ),
    "zh_complaint_t": (
        "zh",
        ["complaint_intent"],
        [
            "我明天就去金融监管局",
            "这事我要让记者知道",
            "你们等着被举报吧",
            "我打12315",
            "报上你的工号",
            "我要去人民银行反映情况",
            "我已经把截图发到网上了",
        ],
    ),
    "zh_complaint_negated": (
        "zh",
        [],
        [
            "我不会投诉你们的，放心",
            "我没打算投诉，就是想问问",
            "我并不想举报谁",
        ],
    ),
    # ---------- Chinese: dispute ----------
    "zh_dispute": (
        "zh",
        ["dispute"],
        [
            "这笔钱不是我借的",
            "我从来没借过网贷",
            "我已经还清了",
            "没有这个人",
            "你打错了",
            "这个号码是我新办的",
            "我的身份被冒用了",
            "金额不对",
            "我没收到借款",
        ],
    ),
    "zh_dispute_t": (
        "zh",
        ["dispute"],
        [
            "上个月就还完了，你们查一下",
            "我根本不认识这个人",
            "我对这笔账有异议",
            "利息算错了",
            "这个贷款跟我没关系",
            "钱一直没到账",
            "你们找错人了",
        ],
    ),
    # ---------- Chinese: cease ----------
    "zh_cease": (
        "zh",
        ["cease_request"],
        [
            "别再打了",
            "不要再给我打电话",
            "别打我单位电话",
            "停止骚扰我",
            "只接受书面沟通",
            "不要再联系我的家人",
            "别上门",
            "别再发短信了",
        ],
    ),
    "zh_cease_t": (
        "zh",
        ["cease_request"],
        [
            "请不要再打扰我了",
            "以后请用书面形式联系",
            "不许再给我领导打电话",
            "你们别再来我家了",
            "立即停止催收",
            "别打了行不行",
        ],
    ),
    # ---------- Chinese: hardship ----------
    "zh_hardship": (
        "zh",
        ["hardship"],
        [
            "我失业了",
            "公司三个月没发工资",
            "我住院了",
            "家里出事了",
            "我现在一分钱都没有",
            "我被裁员了",
            "孩子生病了",
            "生意失败了",
        ],
    ),
    "zh_hardship_t": (
        "zh",
        ["hardship"],
        [
            "最近工资被拖欠",
            "我妈做手术花光了积蓄",
            "疫情以后店就关了",
            "我现在是真的困难",
            "离婚以后一个人带孩子",
            "收入减少了一半",
        ],
    ),
    # ---------- Chinese: installment ----------
    "zh_installment": (
        "zh",
        ["installment_request"],
        [
            "能不能分期还",
            "我每个月还五百行吗",
            "能不能先还一部分",
            "可以宽限几天吗",
            "发了工资就还",
            "能不能申请停息挂账",
        ],
    ),
    "zh_installment_t": (
        "zh",
        ["installment_request"],
        [
            "能分十二期吗",
            "我只能先还两千",
            "下个月还可以吗",
            "能不能慢慢还",
            "能不能减免一点利息",
        ],
    ),
    # ---------- Chinese: attorney ----------
    "zh_attorney": (
        "zh",
        ["attorney"],
        [
            "我已经委托律师了",
            "有事找我的律师",
            "我请了律师，律师会联系你们",
            "我在申请法律援助",
        ],
    ),
    "zh_attorney_t": (
        "zh",
        ["attorney"],
        [
            "这事你跟我律师谈",
            "我的代理律师姓王",
            "我已经找了律所处理",
        ],
    ),
    # ---------- Chinese: mixed ----------
    "zh_mixed": (
        "zh",
        ["hardship", "installment_request"],
        [
            "我失业了，能不能分期",
            "住院花了很多钱，每个月还三百可以吗",
        ],
    ),
    "zh_mixed2": (
        "zh",
        ["anger", "cease_request"],
        [
            "滚，别再打了",
            "烦死了，不要再给我打电话",
        ],
    ),
    "zh_mixed_t": (
        "zh",
        ["dispute", "complaint_intent"],
        [
            "不是我借的，再打我就投诉",
            "我早就还清了，你们再这样我去12378",
        ],
    ),
    # ---------- Chinese: neutral, incl. alarming words ----------
    "zh_neutral": (
        "zh",
        [],
        [
            "好的，我知道了",
            "收到，明天下午转账",
            "请问还款账号是多少",
            "我在开会，晚点回你",
            "热死了，我晚点回电话",
            "累死了，刚下班",
            "笑死，你们短信写错字了",
            "我想问一下怎么查账单",
            "我们小区有人跳楼价卖房",
            "这个月的已经还了吗？帮我查一下",
            "好的，谢谢提醒",
        ],
    ),
    "zh_neutral_t": (
        "zh",
        [],
        [
            "我在医院上班，现在值班不方便接电话",
            "吓死我了，还以为是诈骗电话",
            "我爸说让我明天去银行办",
            "我明天就去还",
            "我老公会帮我转账",
            "律师事务所的电话打错了吧，这里是饭店",
            "气温太高了，手机都死机了",
            "请问最后一期是几号",
            "没问题，周五前处理",
            "今天忙死了，明天再说",
            "你说的那个投诉电话是多少？我同事要用",
            "我去过你们公司楼下，没找到门",
        ],
    ),
    # ---------- English ----------
    "en_sh_direct": (
        "en",
        ["distress_self_harm"],
        [
            "I want to kill myself",
            "I don't want to live anymore",
            "I'm thinking about suicide",
            "I'd be better off dead",
            "I just want to die",
        ],
    ),
    "en_sh_indirect": (
        "en",
        ["distress_self_harm"],
        [
            "I can't go on like this",
            "There's no point anymore",
            "I'm sorry, I tried my best",
            "You won't hear from me again",
            "Please take care of my kids",
            "I feel so hopeless",
        ],
    ),
    "en_sh_third": (
        "en",
        ["distress_self_harm"],
        [
            "My husband said he wants to kill himself",
            "She keeps saying she wants to end her life",
        ],
    ),
    "en_sh_t": (
        "en",
        ["distress_self_harm"],
        [
            "Nothing matters now, I'm done with everything",
            "After I'm gone my sister can sort out the bills",
            "I have nothing left to live for",
            "This is goodbye",
            "My wife took a bottle of pills last night",
            "I can't take this anymore",
            "The world would be better without me",
            "I won't be around to pay it",
        ],
    ),
    "en_anger": (
        "en",
        ["anger"],
        [
            "Stop harassing me you scumbags",
            "This is bullshit",
            "Go to hell",
            "You people are vultures",
            "I'm sick of your calls",
        ],
    ),
    "en_anger_t": (
        "en",
        ["anger"],
        [
            "What the hell is wrong with you people",
            "Screw you",
            "You are pathetic crooks",
            "I'm fed up",
        ],
    ),
    "en_complaint": (
        "en",
        ["complaint_intent"],
        [
            "I'm going to file a complaint with the CFPB",
            "I will report you to the attorney general",
            "I'm recording this call",
            "I'll sue your company",
        ],
    ),
    "en_complaint_t": (
        "en",
        ["complaint_intent"],
        [
            "I already filed a complaint",
            "The Better Business Bureau will hear about this",
            "I'm contacting the FTC",
            "Let me speak to a supervisor",
        ],
    ),
    "en_dispute": (
        "en",
        ["dispute"],
        [
            "I don't owe this",
            "This is not my debt",
            "I already paid it off",
            "Wrong number",
            "I never received a bill",
            "This is identity theft",
        ],
    ),
    "en_dispute_t": (
        "en",
        ["dispute"],
        [
            "I dispute this debt",
            "Prove that I owe it",
            "The balance is wrong",
            "No one by that name lives here",
            "I never opened that account",
        ],
    ),
    "en_cease": (
        "en",
        ["cease_request"],
        [
            "Stop calling me",
            "Do not call me at work",
            "Leave me alone",
            "Only contact me in writing",
            "Please stop texting me",
        ],
    ),
    "en_cease_t": (
        "en",
        ["cease_request"],
        [
            "Don't contact me again",
            "Cease all communication",
            "Take me off your list",
            "Quit calling my phone",
        ],
    ),
    "en_hardship": (
        "en",
        ["hardship"],
        [
            "I lost my job",
            "I was laid off last month",
            "I'm in the hospital",
            "I can't afford it right now",
            "My hours were cut",
        ],
    ),
    "en_hardship_t": (
        "en",
        ["hardship"],
        [
            "I'm unemployed",
            "We're living paycheck to paycheck",
            "My husband passed away",
            "I'm on a fixed income",
        ],
    ),
    "en_installment": (
        "en",
        ["installment_request"],
        [
            "Can we set up a payment plan",
            "Can I pay in installments",
            "I can pay $50 a month",
            "I need more time",
        ],
    ),
    "en_installment_t": (
        "en",
        ["installment_request"],
        [
            "Can I make smaller payments",
            "I'll pay when I get paid",
            "Is there a hardship program",
        ],
    ),
    "en_attorney": (
        "en",
        ["attorney"],
        [
            "Talk to my attorney",
            "I have a lawyer",
            "I'm represented by counsel",
        ],
    ),
    "en_attorney_t": (
        "en",
        ["attorney"],
        [
            "I have already spoken with an attorney",
            "My lawyer will contact you",
        ],
    ),
    "en_neutral": (
        "en",
        [],
        [
            "Okay, thanks",
            "I will pay on Friday",
            "What's the account number",
            "I'm dying to get this sorted out",
            "Can you send me the statement",
            "I'm at work, call me later",
        ],
    ),
    "en_neutral_t": (
        "en",
        [],
        [
            "Got it, I'll check my bank app",
            "This heat is killing my phone battery",
            "Sure, email is fine",
            "My attorney general question was about my taxes, never mind",
            "Thanks for being patient with me",
            "I'll log in tonight and pay",
            "Is this the final payment",
        ],
    ),
    # ---------- second held-out part (families ending in _u): written after the first test
    # run, before any further lexicon change, and evaluated as the clean figure ----------
    "zh_sh_u": (
        "zh",
        ["distress_self_harm"],
        [
            "我现在在江边，想了很久",
            "钱的事我解决不了，我解决我自己",
            "替我跟我妈说声对不起",
            "我这种人不配活着",
            "真的好想一睡不醒",
            "药我已经攒够了",
            "你们赢了，我认输，我去死",
            "孩子以后就靠他爸了",
            "别再打了，明天你们就打不通了",
            "活着太痛苦了",
            "我已经没有力气再坚持了",
            "我给家里留了一封信",
        ],
    ),
    "zh_sh_third_u": (
        "zh",
        ["distress_self_harm"],
        [
            "我儿子把自己锁在房间里说不想活",
            "我老公留了遗书人不见了",
            "他昨天站在阳台上说要跳下去",
        ],
    ),
    "zh_anger_u": (
        "zh",
        ["anger"],
        [
            "你们还要不要脸",
            "再打一个试试",
            "一群狗腿子",
            "你算什么东西",
            "有本事你来啊",
        ],
    ),
    "zh_complaint_u": (
        "zh",
        ["complaint_intent"],
        [
            "我已经向银行业协会反映了",
            "我会把通话录音交给监管",
            "我去消协投诉",
            "咱们法庭上见",
            "我要打市长热线",
        ],
    ),
    "zh_dispute_u": (
        "zh",
        ["dispute"],
        [
            "我的账早就结清了，有凭证",
            "这个人我不认识，别打了",
            "这张卡我从来没有开通过",
            "我借的是五千，怎么变成两万了",
            "你们说的这笔钱我根本没见过",
        ],
    ),
    "zh_cease_u": (
        "zh",
        ["cease_request"],
        [
            "请不要再打这个号码",
            "以后有事请发邮件，别打电话",
            "不准再打我爸妈的电话",
            "请停止一切电话联系",
            "你们别去我公司闹",
        ],
    ),
    "zh_hardship_u": (
        "zh",
        ["hardship"],
        [
            "店里生意不行，已经关门了",
            "我刚出院，还在恢复",
            "我老婆生孩子花了不少钱，手头很紧",
            "工地老板跑了，工钱一直没结",
            "我现在连房租都交不上",
        ],
    ),
    "zh_installment_u": (
        "zh",
        ["installment_request"],
        [
            "能不能一个月还一千",
            "我想申请延期还款",
            "能否分成六期",
            "下个月十号发工资就还你们",
        ],
    ),
    "zh_attorney_u": (
        "zh",
        ["attorney"],
        [
            "我的律师会跟你们对接",
            "这件事已经交给律师处理了",
            "请联系我的代理人张律师",
        ],
    ),
    "zh_neutral_u": (
        "zh",
        [],
        [
            "好的，稍后转给你",
            "我在地铁上，听不清",
            "你好，请问你是哪个平台的",
            "我妹妹是律师，她说会帮我看合同",
            "今天太累了，明天再打给我吧",
            "天台上信号不好，我下去再说",
            "我刚看到短信，马上处理",
            "我们公司楼下的跳楼价促销吵死了",
            "这个月工资到了，已经安排还款",
            "谢谢你，态度挺好的",
            "可以发一下还款明细吗",
            "我想提前还清，怎么操作",
        ],
    ),
    "en_sh_u": (
        "en",
        ["distress_self_harm"],
        [
            "I don't see a way out of this",
            "Maybe everyone would be better off if I wasn't here",
            "I wrote letters to my kids tonight",
            "I'm so tired of living",
            "I have the pills in front of me",
            "Tell my mom I'm sorry",
            "I've given up",
        ],
    ),
    "en_anger_u": (
        "en",
        ["anger"],
        [
            "You people are disgusting",
            "Are you kidding me? Get a real job",
            "Damn you and your company",
        ],
    ),
    "en_complaint_u": (
        "en",
        ["complaint_intent"],
        [
            "I'm reporting this to the Consumer Financial Protection Bureau",
            "I'll be filing a complaint today",
            "My state attorney general will hear about this",
        ],
    ),
    "en_dispute_u": (
        "en",
        ["dispute"],
        [
            "That debt was discharged in bankruptcy",
            "I paid this in full two years ago",
            "This isn't my account",
            "I have no idea what this debt is",
        ],
    ),
    "en_cease_u": (
        "en",
        ["cease_request"],
        [
            "Do not call me anymore",
            "Please don't contact me at my job",
            "Stop calling my mother",
        ],
    ),
    "en_hardship_u": (
        "en",
        ["hardship"],
        [
            "I got laid off in March",
            "I've been sick for months",
            "I'm a single mom and can't make ends meet",
        ],
    ),
    "en_installment_u": (
        "en",
        ["installment_request"],
        [
            "Could we do $25 every two weeks",
            "I'd like to set up a payment arrangement",
        ],
    ),
    "en_attorney_u": (
        "en",
        ["attorney"],
        [
            "Please direct all communication to my attorney",
            "I've retained a lawyer",
        ],
    ),
    "en_neutral_u": (
        "en",
        [],
        [
            "Sure, what's the balance",
            "Call me back after lunch",
            "I'm driving, text me the details",
            "That movie killed me, sorry, wrong chat",
            "My sister is a lawyer but that's not relevant",
            "I paid the electric bill today, yours is next",
            "Can I pay online",
        ],
    ),
    # ---------- third held-out part (families ending in _v): written after every lexicon
    # change above, evaluated once, and not tuned on afterwards: the current clean figure ----------
    "zh_sh_v": (
        "zh",
        ["distress_self_harm"],
        [
            "我真的扛不住了，想从这里跳下去",
            "我已经好几天没吃东西了，也不想活",
            "你们放心，我死了这钱就不用还了",
            "我把银行卡密码都写给我老婆了",
            "最近总想着怎么离开这个世界",
            "我欠的太多了，只有一条路了",
            "这是我打给你们的最后一个电话",
            "等你们明天再打来，我已经不在了",
            "我对不起所有人",
            "我不想再拖累家里了，我走了",
            "刚吞了一把药，别管我",
            "我就是个废物，活着浪费空气",
        ],
    ),
    "zh_sh_third_v": (
        "zh",
        ["distress_self_harm"],
        [
            "我妈被你们逼得天天哭，说想死",
            "他昨晚喝了很多酒，说要去江边",
            "我老公留了一句对不起就关机了",
        ],
    ),
    "zh_anger_v": (
        "zh",
        ["anger"],
        [
            "你们这帮吸血的",
            "一天打八遍，烦不烦啊",
            "你再打一个电话试试看",
            "少在这里吓唬我",
            "你们这是土匪行为",
        ],
    ),
    "zh_complaint_v": (
        "zh",
        ["complaint_intent"],
        [
            "我已经在聚投诉上发帖了",
            "我会去银保监局举报你们",
            "你们的录音我都留着，等着上法庭",
            "我要找你们领导反映",
            "我明天去派出所报案",
        ],
    ),
    "zh_dispute_v": (
        "zh",
        ["dispute"],
        [
            "我三月份就全部还清了",
            "这个号码我刚买的，原来的机主我不认识",
            "我从来没在你们平台借过钱",
            "合同上的签名不是我签的",
            "你们算的利息跟合同不一样",
        ],
    ),
    "zh_cease_v": (
        "zh",
        ["cease_request"],
        [
            "不要再打我电话了，有事发短信",
            "别再给我同事打电话了",
            "请你们不要再联系我",
            "以后别给我发微信了",
            "不要再到我家来了",
        ],
    ),
    "zh_hardship_v": (
        "zh",
        ["hardship"],
        [
            "我上个月被公司辞退了",
            "我爸住院了，钱都花在医院了",
            "家里就我一个人挣钱，最近没活干",
            "我现在身上只剩几十块钱",
            "疫情期间店铺一直亏损",
        ],
    ),
    "zh_installment_v": (
        "zh",
        ["installment_request"],
        [
            "我能不能每个月先还八百",
            "能不能再宽限我半个月",
            "可以申请分期吗",
            "等我年底发了奖金一次还清",
        ],
    ),
    "zh_attorney_v": (
        "zh",
        ["attorney"],
        [
            "我已经请律师了，你们跟他谈",
            "律师会代表我处理这件事",
            "后续请联系我委托的律师",
        ],
    ),
    "zh_neutral_v": (
        "zh",
        [],
        [
            "好的，我下午去银行",
            "刚在洗澡，没接到",
            "还款日是哪天",
            "我朋友是做律师的，说你们这个流程没问题",
            "收到，谢谢提醒，不会逾期的",
            "我在医院陪我妈体检，一会儿回你",
            "这个月工资发了，马上还",
            "笑死了，短信里名字写错了",
            "我家楼顶在装修，吵死了，听不清",
            "能发一下还款链接吗",
            "我已经在app上看到账单了",
            "请问可以用支付宝还吗",
        ],
    ),
    "en_sh_v": (
        "en",
        ["distress_self_harm"],
        [
            "I keep thinking everyone would be better off without me",
            "I'm going to end this tonight",
            "I've been saving up my pills",
            "This is the last time you'll be able to reach me",
            "I don't want to wake up tomorrow",
            "I'm done, I can't fight anymore",
        ],
    ),
    "en_anger_v": (
        "en",
        ["anger"],
        [
            "You bloodsucking parasites",
            "Don't you dare threaten me",
            "This is the tenth call today, are you insane",
        ],
    ),
    "en_complaint_v": (
        "en",
        ["complaint_intent"],
        [
            "I'm filing a report with the CFPB today",
            "I'll be talking to a consumer protection lawyer about suing you",
            "Expect a complaint to your licensing board",
        ],
    ),
    "en_dispute_v": (
        "en",
        ["dispute"],
        [
            "I settled this account in 2019",
            "That's not my signature on the contract",
            "I've never heard of this company",
        ],
    ),
    "en_cease_v": (
        "en",
        ["cease_request"],
        [
            "Please stop calling my cell phone",
            "Do not contact my employer again",
            "I'm asking you to stop all communication",
        ],
    ),
    "en_hardship_v": (
        "en",
        ["hardship"],
        [
            "I was let go from my job last month",
            "My wife is in the hospital and bills are piling up",
            "I'm on disability and barely getting by",
        ],
    ),
    "en_installment_v": (
        "en",
        ["installment_request"],
        [
            "Could I pay $40 each month until it's done",
            "Can you give me until the end of the month",
        ],
    ),
    "en_attorney_v": (
        "en",
        ["attorney"],
        [
            "My lawyer is handling this now",
            "I've hired an attorney, please contact them",
        ],
    ),
    "en_neutral_v": (
        "en",
        [],
        [
            "Okay, I'll make the payment tonight",
            "Sorry I missed your call, I was in a meeting",
            "What's the payoff amount",
            "My brother is an attorney, he said this looks fine",
            "I'll be at the hospital for my checkup tomorrow, call Friday",
            "Can I get a receipt by email",
            "Got your message, thanks",
        ],
    ),
    # ---------- fourth held-out part (families ending in _w): written after the detector's
    # last change, evaluated once, never tuned on: the figure to quote ----------
    "zh_sh_w": (
        "zh",
        ["distress_self_harm"],
        [
            "你们不用再费心了，过了今晚一切都结束了",
            "我已经跟孩子们道过别了",
            "我真的好累，想一了百了",
            "这个世界没有我会更好",
            "我在三十楼的窗户边上",
            "我把遗嘱写好放在抽屉里了",
            "我不会再给任何人添麻烦了",
            "今天是我最后一次接你们的电话",
            "我宁愿死也还不上这些钱",
            "你们满意了吧，我这就去跳河",
            "想着睡着了就再也不用醒来",
            "我的命就值这几万块吗，拿去吧",
        ],
    ),
    "zh_sh_third_w": (
        "zh",
        ["distress_self_harm"],
        [
            "我爸说他欠的钱用命来还",
            "我女儿这两天一直说活着没劲",
            "我哥把自己关在车里烧炭被救下来了",
        ],
    ),
    "zh_anger_w": (
        "zh",
        ["anger"],
        [
            "你们是不是有毛病",
            "打打打，天天打，还让不让人活了",
            "别在这装好人",
            "你们这帮孙子",
        ],
    ),
    "zh_complaint_w": (
        "zh",
        ["complaint_intent"],
        [
            "我已经把你们的电话号码报给反诈中心了",
            "我要去12378告你们暴力催收",
            "这些短信我都截图了，准备投到媒体",
        ],
    ),
    "zh_dispute_w": (
        "zh",
        ["dispute"],
        [
            "账我早就结清了，截图都在",
            "我不是你们要找的人",
            "这个贷款是别人用我身份证办的",
        ],
    ),
    "zh_cease_w": (
        "zh",
        ["cease_request"],
        [
            "请以后不要再拨打我的号码",
            "麻烦别再给我家里人打电话了",
            "不要再上门了，有事书面通知",
        ],
    ),
    "zh_hardship_w": (
        "zh",
        ["hardship"],
        [
            "我刚做完手术，躺在床上动不了",
            "厂子倒闭了，我现在到处打零工",
            "我一个月就挣两千块，还要养两个孩子",
        ],
    ),
    "zh_installment_w": (
        "zh",
        ["installment_request"],
        [
            "能不能先还利息，本金分几个月",
            "我想申请个性化分期",
            "下周五发工资，到时候先还一半",
        ],
    ),
    "zh_attorney_w": (
        "zh",
        ["attorney"],
        [
            "我已经找了法律援助中心的律师",
            "有什么事请直接联系我的律师",
        ],
    ),
    "zh_neutral_w": (
        "zh",
        [],
        [
            "好的，明天上午给你们回电话",
            "我在开车，到了再说",
            "最后一期是这个月吗",
            "你们的短信太多了，不过我会还的",
            "我们楼顶的太阳能坏了，今天在修",
            "今天累死了，周末再处理",
            "我姐是律师，不过这事我自己处理",
            "我妈住院刚出来，这周我会抽空还",
            "我的卡被冻结了，换一张卡还可以吗",
            "这个利息是怎么算的，能发我看看吗",
        ],
    ),
    "en_sh_w": (
        "en",
        ["distress_self_harm"],
        [
            "By the time you call again it won't matter",
            "I've said goodbye to my kids",
            "I just want it all to stop for good",
            "Nobody would even notice if I disappeared",
            "I'm standing on the bridge right now",
            "I'm not going to be a problem for anyone much longer",
        ],
    ),
    "en_anger_w": (
        "en",
        ["anger"],
        ["Get off my back", "You guys are the worst", "Unbelievable, calling me at 7am again"],
    ),
    "en_complaint_w": (
        "en",
        ["complaint_intent"],
        ["I'm reporting you to the state attorney general", "I've already contacted the BBB about you"],
    ),
    "en_dispute_w": (
        "en",
        ["dispute"],
        ["I closed that account years ago and owe nothing", "You have the wrong person"],
    ),
    "en_cease_w": (
        "en",
        ["cease_request"],
        ["Never call this number again", "Please only write to me from now on"],
    ),
    "en_hardship_w": ("en", ["hardship"], ["I just got out of the hospital", "My unemployment ran out"]),
    "en_installment_w": (
        "en",
        ["installment_request"],
        ["Would you take $30 a month", "I need a few more weeks"],
    ),
    "en_attorney_w": ("en", ["attorney"], ["Please speak with my attorney from now on"]),
    "en_neutral_w": (
        "en",
        [],
        [
            "I'll pay the rest on Friday",
            "My battery is dying, text me",
            "Is this my last installment",
            "Sorry, I was at the gym",
            "My lawyer friend says hi, anyway I'll pay next week",
            "Okay, send the link",
        ],
    ),
    # ---------- fifth held-out part (families ending in _x): written after the detector's
    # last change (v5), evaluated once, never tuned on ----------
    "zh_sh_x": (
        "zh",
        ["distress_self_harm"],
        [
            "我实在是熬不住了，想去一个没有债的地方",
            "还不上就还不上吧，大不了一条命",
            "我已经想好怎么结束了",
            "我连遗照都选好了",
            "我是家里的罪人，死了干净",
            "孩子还小，以后只能麻烦我妈了",
            "晚上一个人在桥上坐了很久",
            "你们放心，过几天就没人欠你们钱了",
            "我不想再醒过来面对这些",
            "我把手机里的照片都删了，也不会再联系谁",
            "活一天算一天吧，哪天撑不住就算了",
            "真的好想从楼上跳下去一了百了",
        ],
    ),
    "zh_sh_third_x": (
        "zh",
        ["distress_self_harm"],
        [
            "我老婆说她活着就是给家里添麻烦",
            "我弟这几天在网上查怎么自杀",
            "我爸把农药藏在床底下被我发现了",
        ],
    ),
    "zh_anger_x": (
        "zh",
        ["anger"],
        ["你们真是丧尽天良", "能不能别烦了，我要疯了", "跟你们这种人没什么好说的"],
    ),
    "zh_complaint_x": (
        "zh",
        ["complaint_intent"],
        ["我已经在12378登记了", "我会向你们总部投诉这个催收员", "你们这种行为我要去报警"],
    ),
    "zh_dispute_x": (
        "zh",
        ["dispute"],
        ["这笔钱我上个星期已经转过去了", "我没有在这个平台注册过", "这不是我的手机号，我刚换的号"],
    ),
    "zh_cease_x": (
        "zh",
        ["cease_request"],
        ["别再打我老家的电话了", "请停止给我发催收短信", "以后请只通过邮件联系我"],
    ),
    "zh_hardship_x": (
        "zh",
        ["hardship"],
        ["我现在在住院，手术费还没凑齐", "公司裁员我也在名单里", "我老公出车祸了，家里全靠我一个人"],
    ),
    "zh_installment_x": (
        "zh",
        ["installment_request"],
        ["每个月能不能只还五百", "我想跟你们协商一个还款计划", "再给我两个月时间"],
    ),
    "zh_attorney_x": ("zh", ["attorney"], ["我已经委托了律师处理，请联系他", "我的律师下周会给你们发函"]),
    "zh_neutral_x": (
        "zh",
        [],
        [
            "刚才信号不好，你再说一遍",
            "我明天一早就去还",
            "请问可以开个结清证明吗",
            "刚下夜班，困死了，中午再说",
            "这个月的还款我已经设置自动扣款了",
            "我妈在旁边，等会儿打给你",
            "没问题，谢谢你提醒我",
            "我家在桥边那个小区，快递寄这里就行",
            "跳楼价卖的手机也要分期吗",
            "你们客服几点下班",
        ],
    ),
    "en_sh_x": (
        "en",
        ["distress_self_harm"],
        [
            "I won't be here by the time this goes to collections",
            "I keep thinking about ending it",
            "I've been giving my things away",
            "Tell my daughter I'm sorry",
            "What's the point of living like this",
            "I'm not going to be alive much longer anyway",
        ],
    ),
    "en_anger_x": ("en", ["anger"], ["You people are ruining my life", "Stop being so rude to me"]),
    "en_complaint_x": (
        "en",
        ["complaint_intent"],
        ["I'm going to report this to the CFPB", "I'll take this to small claims court"],
    ),
    "en_dispute_x": ("en", ["dispute"], ["I already paid that bill in March", "This account isn't mine"]),
    "en_cease_x": ("en", ["cease_request"], ["Stop calling my work", "Do not text me again"]),
    "en_hardship_x": (
        "en",
        ["hardship"],
        ["I've been out of work since May", "I had surgery and I'm behind on everything"],
    ),
    "en_installment_x": (
        "en",
        ["installment_request"],
        ["Could we work out a payment plan", "Can I pay half now and half next month"],
    ),
    "en_attorney_x": ("en", ["attorney"], ["My attorney will be in touch"]),
    "en_neutral_x": (
        "en",
        [],
        [
            "Sounds good, talk soon",
            "I'll check with my bank",
            "Is there a fee for paying by card",
            "Killing time at the airport, call me later",
            "I paid online, can you confirm",
            "My dad says hi",
        ],
    ),
}


def _vary(lang: str, line: str, rng: random.Random, n: int) -> list[str]:
    opens, closes = (ZH_OPEN, ZH_CLOSE) if lang == "zh" else (EN_OPEN, EN_CLOSE)
    out = {line}
    for _ in range(n * 4):
        if len(out) >= n:
            break
        out.add(f"{rng.choice(opens)}{line}{rng.choice(closes)}")
    return sorted(out)


def _split(family: str) -> str:
    if family.endswith("_x"):
        return "last"
    if family.endswith("_w"):
        return "final"
    if family.endswith("_v"):
        return "fresh"
    if family.endswith("_u"):
        return "unseen"
    return "test" if family.endswith("_t") else "train"


def build() -> list[dict[str, object]]:
    rng = random.Random(SEED)
    rows: list[dict[str, object]] = []
    for family, (lang, labels, lines) in FAMILIES.items():
        per_line = 3 if lang == "zh" else 2
        for line in lines:
            for text in _vary(lang, line, rng, per_line):
                rows.append(
                    {
                        "id": f"{family}-{len(rows):04d}",
                        "lang": lang,
                        "text": text,
                        "labels": labels or ["neutral"],
                        "family": family,
                        "split": _split(family),
                    }
                )
    return rows


def main() -> None:
    rows = build()
    with (HERE / "replies.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    by = {(r["lang"], r["split"]) for r in rows}
    for key in sorted(by):
        print(*key, sum(1 for r in rows if (r["lang"], r["split"]) == key))


if __name__ == "__main__":
    main()
