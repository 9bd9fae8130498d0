"""English template families of the screening corpus, written by the team (see README.md)."""

from __future__ import annotations

FAMILIES = [
    # ---------------------------------------------------------------- compliant
    (
        "en.ok.minimiranda",
        ["compliant"],
        "borrower",
        [
            "Hello {ename}, this is {eagent} from {eorg}. This is an attempt to collect a debt; any information obtained will be used for that purpose.",
            "This is a message from {eorg}, a debt collector. Please call us at {ehotline} about your account.",
            "{ename}, your payment of {eamount} is past due. Please pay by {eday} or call {ehotline} to discuss options.",
        ],
        {},
    ),
    (
        "en.ok.plan",
        ["compliant"],
        "borrower",
        [
            "We understand things are hard right now. We can set up a payment plan of {epart} a month if that works for you.",
            "If paying {eamount} at once is difficult, reply PLAN and we will offer monthly installments.",
            "What amount could you comfortably pay each month? We can work with you on a schedule.",
        ],
        {},
    ),
    (
        "en.ok.legal",
        ["compliant"],
        "borrower",
        [
            "If the balance remains unpaid, we may report it to the credit bureaus as permitted by law.",
            "Unpaid accounts may be referred to an attorney, who may file a lawsuit; only a court can order garnishment after a judgment.",
            "Late fees under your agreement will continue to apply. You can dispute this debt in writing within 30 days.",
        ],
        {},
    ),
    (
        "en.ok.reassure",
        ["compliant"],
        "borrower",
        [
            "We will not contact your employer or your family about this account.",
            "Please know we never discuss your account with anyone but you.",
            "We won't call you at work; tell us the best time to reach you.",
        ],
        {},
    ),
    (
        "en.ok.channel",
        ["compliant"],
        "borrower",
        [
            "Please pay only through our official website or app. We never ask for gift cards or payment to a personal account.",
            "Beware of scams: we will never ask you to pay by cash app, crypto or wire to an individual.",
            "Payments are accepted at {eorg}'s secure portal; there is no extra fee for paying online.",
        ],
        {},
    ),
    (
        "en.ok.hard_words",
        ["compliant"],
        "borrower",
        [
            "Some people receive calls from fake police demanding payment; real courts and police never collect debts by phone.",
            "You cannot be arrested or jailed for this debt. We just want to find a solution with you.",
            "If anyone threatens you about this account, please report it to our compliance team at {ehotline}.",
        ],
        {},
    ),
    (
        "en.ok.relay",
        ["compliant"],
        "third_party",
        [
            "Hello, I'm trying to reach {ename}. Could you ask them to call {eagent} at {ehotline}? Thank you.",
            "Hi, this is {eagent}. I'm looking for {ename}; do you have a current phone number for them?",
        ],
        {},
    ),
    (
        "en.ok.optout",
        ["compliant"],
        "borrower",
        [
            "Reply STOP to stop text messages about your account. Your balance is {eamount}.",
            "Thanks for your payment of {epart}. Your remaining balance is {eamount}.",
            "Good afternoon, may I please speak with {ename}? This call may be recorded.",
        ],
        {},
    ),
    # ---------------------------------------------------------------- violations
    (
        "en.threat.harm",
        ["threat"],
        "borrower",
        [
            "Pay up or {eharm}.",
            "{ename}, you have until {eday}. After that, {eharm}.",
            "Keep ignoring us and {eharm}.",
        ],
        {
            "eharm": [
                "we'll come to your house",
                "you'll regret it",
                "we will make your life miserable",
                "someone might get hurt",
                "you'll be sorry",
            ]
        },
    ),
    (
        "en.threat.vague",
        ["threat"],
        "borrower",
        [
            "If you don't pay today, there will be consequences you won't like.",
            "We know where you live and where you work, {ename}. Think about it.",
            "This is your last warning. Don't make us come and find you.",
            "Trust me, this is something you do not want to happen.",
        ],
        {},
    ),
    (
        "en.threat.polite",
        ["threat"],
        "borrower",
        [
            "We would hate for your neighbors to see our field team at your door every evening, {ename}.",
            "It would be a shame if your kids had to hear about this at school.",
            "Kindly settle today; we'd rather not send anyone to visit you at home tonight.",
        ],
        {},
    ),
    (
        "en.insult.abuse",
        ["insult"],
        "borrower",
        [
            "You {eslur}, pay what you owe.",
            "Listen, {eslur}, we're done being nice.",
            "Only a {eslur} would dodge our calls for weeks.",
        ],
        {"eslur": ["deadbeat", "loser", "lazy bum", "worthless liar", "pathetic freeloader"]},
    ),
    (
        "en.insult.profane",
        ["insult"],
        "borrower",
        [
            "Pay the {eprof} bill already.",
            "I don't give a {eprof} about your excuses.",
            "Stop the {eprof} and pay.",
        ],
        {"eprof": ["damn", "fucking", "shit", "f***ing", "bullshit"]},
    ),
    (
        "en.imp.police",
        ["impersonation"],
        "borrower",
        [
            "This is Officer {esurname} with the county sheriff's office regarding your unpaid debt.",
            "I'm calling from the district attorney's office about a complaint against you.",
            "We are working with the police department on your file, {ename}.",
        ],
        {},
    ),
    (
        "en.imp.court",
        ["impersonation"],
        "borrower",
        [
            "This is the court clerk; you are required to settle {eamount} today.",
            "I am an attorney and I will personally see you in court tomorrow.",
            "This is a federal agent. Your account has been flagged for investigation.",
        ],
        {},
    ),
    (
        "en.flc.arrest",
        ["false_legal_consequence"],
        "borrower",
        [
            "Pay by {eday} or {earrest}.",
            "{ename}, {earrest} if this isn't resolved.",
            "Failure to pay means {earrest}.",
        ],
        {
            "earrest": [
                "you'll be arrested",
                "a warrant will be issued",
                "you could go to jail",
                "we'll press criminal charges",
                "the sheriff will pick you up",
            ]
        },
    ),
    (
        "en.flc.garnish",
        ["false_legal_consequence"],
        "borrower",
        [
            "We will garnish your wages starting next Friday.",
            "Your car will be seized this week if you don't pay.",
            "You'll lose your job once we report this to your license board.",
        ],
        {},
    ),
    (
        "en.disc.third",
        ["third_party_disclosure"],
        "third_party",
        [
            "Your {erel} owes us {eamount} and hasn't paid in months.",
            "I'm calling because {ename} is behind on a loan with us.",
            "Please tell {ename} that the debt of {eamount} is seriously overdue.",
        ],
        {"erel": ["son", "husband", "employee", "sister"]},
    ),
    (
        "en.disc.public",
        ["third_party_disclosure"],
        "borrower",
        [
            "We'll post your name on our debtor list for everyone to see.",
            "Your photo is going on social media with the word deadbeat.",
            "We will tell everyone on your street what you owe.",
        ],
        {},
    ),
    (
        "en.ctp.boss",
        ["contact_third_party"],
        "borrower",
        [
            "Pay today or we {ectp}.",
            "If we can't reach you, we'll {ectp}.",
            "Don't think we won't {ectp}.",
        ],
        {
            "ectp": [
                "call your boss",
                "contact your employer",
                "let your family know",
                "talk to your neighbors",
                "phone your parents",
            ]
        },
    ),
    (
        "en.har.calls",
        ["harassment"],
        "borrower",
        [
            "We will {ehar} until you pay.",
            "Expect us to {ehar}.",
            "We'll {ehar}, no matter what you say.",
        ],
        {
            "ehar": [
                "call you every hour",
                "keep calling day and night",
                "blow up your phone",
                "never stop calling",
            ]
        },
    ),
    (
        "en.dem.third",
        ["demand_from_third_party"],
        "third_party",
        [
            "Since you're family, you should pay his debt.",
            "You need to cover her balance of {eamount} today.",
            "His payments are late, so you'll pay the {eamount} instead.",
        ],
        {},
    ),
    (
        "en.ind.loan",
        ["induce_borrowing"],
        "borrower",
        [
            "Just {eind} and pay us today.",
            "Why not {eind}? Then you can clear this.",
            "You could {eind} to get this paid off.",
        ],
        {
            "eind": [
                "take out a payday loan",
                "get a cash advance",
                "borrow from your friends",
                "sell your car",
                "put it on a credit card",
            ]
        },
    ),
    (
        "en.pay.personal",
        ["improper_payment_channel"],
        "borrower",
        [
            "Send {epart} to {epay} and I'll close the account.",
            "The fastest way is {epay}.",
            "Pay {epart} by {epay}; it's off the books.",
        ],
        {"epay": ["my Venmo", "a gift card", "my personal account", "Cash App"]},
    ),
    (
        "en.pay.fee",
        ["improper_payment_channel"],
        "borrower",
        [
            "There is a {efee} of $75 added to your balance today.",
            "You'll also owe a {efee} before we can accept payment.",
        ],
        {"efee": ["collection fee", "processing fee", "special handling fee"]},
    ),
]
