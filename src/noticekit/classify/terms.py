"""Word families: the vocabulary each rule looks for, matched on normalised text.

Normalised text is lower case, without punctuation, with contractions expanded ("can not",
"do not") and hyphens turned into spaces ("opt out", "third party"), so the patterns below are
written in that form. A family is one idea ("AI/ML model training"), counted as a whole: the rules
ask "did this family appear where it was absent before?" or "did it disappear?".
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    """A set of phrasings of one idea, belonging to one category of material change."""

    key: str
    category: str
    label: str
    """Plain-English name used in messages, e.g. "AI/ML model training"."""
    pattern: re.Pattern[str]
    exclude: re.Pattern[str] | None = None
    """Phrases removed before matching (e.g. "free of charge" for the "fee" family)."""

    def _text(self, norm: str) -> str:
        return self.exclude.sub(" ", norm) if self.exclude else norm

    def count(self, norm: str) -> int:
        return len(self.pattern.findall(self._text(norm)))

    def search(self, norm: str) -> re.Match[str] | None:
        return self.pattern.search(self._text(norm))

    def matches(self, norm: str) -> list[re.Match[str]]:
        return list(self.pattern.finditer(self._text(norm)))


def phrases(*alternatives: str) -> re.Pattern[str]:
    """Compile alternatives (regex fragments over normalised text) as whole-word matches."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


def family(key: str, category: str, label: str, *alternatives: str, exclude: tuple[str, ...] = ()) -> Family:
    return Family(key, category, label, phrases(*alternatives), phrases(*exclude) if exclude else None)


def literal_family(key: str, category: str, terms: tuple[str, ...]) -> Family:
    """A family of plain phrases given by the user (``extra_terms`` in the configuration)."""
    from noticekit.classify.sentences import normalise

    alternatives = [r"\s+".join(map(re.escape, normalise(term).split())) for term in terms if normalise(term)]
    return Family(key, category, ", ".join(terms), phrases(*alternatives))


# --------------------------------------------------------------------------------------------------
# Practice vocabulary shared by several rules


PRACTICE_VERBS: dict[str, str] = {
    "sell": r"sell|sells|selling|sold|sale|sales",
    "rent": r"rent|rents|renting|rented|lease|leases|leasing",
    "trade": r"trade|trades|trading|traded|exchange|exchanges",
    "share": r"share|shares|sharing|shared",
    "disclose": r"disclose|discloses|disclosing|disclosed|disclosure|pass|passes|passed|passing|give|gives|gave|given|"
    r"giving",
    "transfer": r"transfer|transfers|transferring|transferred",
    "use": r"use|uses|using|used",
    "collect": r"collect|collects|collecting|collected|collection|gather|gathers|gathered|obtain|obtains",
    "track": r"track|tracks|tracking|tracked|monitor|monitors|monitoring|monitored",
    "profile": r"profile|profiles|profiling|profiled",
    "combine": r"combine|combines|combining|combined|link|links|linking|linked|merge|merging",
    "store": r"store|stores|storing|stored|keep|keeps|keeping|kept|retain|retains|retaining|retained",
    "access": r"access|accesses|accessing|accessed|read|reads|reading|scan|scans|scanning|scanned",
    "record": r"record|records|recording|recorded",
    "train": r"train|trains|training|trained",
    "target": r"target|targets|targeting|targeted|advertise|advertising",
    "decide": r"decide|decides|decided|deciding|decline|declines|declined|declining|reject|rejects|rejected|"
    r"refuse|refuses|refused|deny|denies|denied|approve|approves|approved",
}
"""What a notice promises not to do: "we do not sell", "we never share", "no data is transferred"."""

QUALIFIERS = (
    r"except|excepting|unless|other than|apart from|save for|save where|besides|beyond|"
    r"without first|without (?:\w+ )?(?:removing|anonymi[sz]ing|pseudonymi[sz]ing|de identifying|aggregating|"
    r"hashing|masking|stripping|replacing)|before (?:removing|anonymi[sz]ing|pseudonymi[sz]ing)|"
    r"(?:where|when|if|as|to the extent|insofar as) (?:\w+ )?(?:permitted|required|allowed|authori[sz]ed|necessary|"
    r"prohibited|restricted|forbidden)|"
    r"(?:(?:no |any )?(?:current |immediate )?plans?|(?:do not |does not )?(?:intend|expect|aim|plan)\w*|try|tries|"
    r"endeavou?r\w*|seek\w*|strive\w*) (?:not )?to (?=(?:" + "|".join(PRACTICE_VERBS.values()) + r")\b)|"
    r"generally|usually|typically|normally|ordinarily|as a rule|in most cases|in general|"
    r"currently|at present|at this time|for now|routinely|knowingly|intentionally|directly|"
    # a vague exception instead of a named one: "unless a court orders us to" -> "without good reason"
    r"without (?:a )?good reason|(?:where|when|if|as) (?:we (?:think|consider|believe|decide) (?:it )?)?"
    r"(?:appropriate|reasonable|justified)|at our (?:sole )?discretion"
)
"""Words that, added to a promise ("we do not *generally* sell"), weaken it."""

# Word lists are kept compact, several phrasings per line, like a glossary.
# fmt: off

# --------------------------------------------------------------------------------------------------
# new_purpose

PURPOSES = (
    family(
        "ai-training", "new_purpose", "AI/ML model training", r"machine learning", r"artificial intelligence", r"ai",
        r"ml", r"deep learning", r"neural networks?", r"(?:large )?language models?", r"llms?", r"generative",
        r"gen ai", r"foundation models?", r"(?:ai|ml|predictive|statistical|algorithmic) models?", r"model training",
        r"training (?:data|datasets?|sets?)",
        r"train(?:s|ed|ing)? (?:and \w+ )?(?:our |the |its |their |new |future |internal |proprietary )?"
        r"(?:own )?(?:models?|algorithms?|ai|systems|classifiers?|networks?)",
        r"improve (?:our |the )?(?:models?|algorithms?)",
        r"teach(?:es|ing)? (?:our|the|its|their) (?:\w+ ){0,3}to (?:recogni[sz]e|predict|detect|identify|classify|spot|"
        r"understand|suggest|answer|write|generate|draft)",
        r"learn(?:s|ing)? from (?:your|user|users|customer|customers) "
        r"(?:data|content|information|conversations|messages|behaviou?r)", r"pattern recognition",
    ),
    family(
        "profiling", "new_purpose", "profiling", r"profiling",
        r"(?:build|create|compile|develop|maintain)(?:s|ing)? (?:a |an |detailed |individual )?"
        r"(?:user |customer |consumer |marketing |behavioural |behavioral |interest )?profiles?",
        r"profiles? (?:of|about) (?:you|users|customers|individuals|people)",
        r"(?:facial|face|voice|emotion) recognition", r"emotion (?:detection|analysis)", r"sentiment analysis",
        r"behaviou?ral (?:analysis|analytics)", r"analy[sz]e your (?:behaviou?r|activity|habits)",
        r"segment(?:s|ation|ing)?", r"lookalike audiences?", r"custom audiences?",
    ),
    family(
        "automated-decisions", "new_purpose", "automated decision-making", r"automated (?:individual )?decisions?",
        r"automated decision making", r"automatic decisions?",
        r"decisions? (?:are |is )?(?:made |taken )?(?:solely |purely |entirely |partly )?"
        r"(?:by automated|automatically|by (?:an )?algorithms?|by software)",
        r"(?:credit|risk|fraud|eligibility|trust) scor(?:e|es|ing)", r"scoring",
        r"assess(?:es|ed|ing|ment of)? (?:your )?(?:creditworthiness|credit ?worthiness|credit risk|eligibility|"
        r"solvency)",
        r"credit (?:checks?|assessments?|decisions?)", r"(?:eligibility|underwriting) decisions?",
    ),
    family(
        "advertising", "new_purpose", "advertising", r"advertis(?:ing|ements?)", r"ads", r"ad targeting",
        r"retargeting", r"re targeting", r"remarketing",
        r"(?:targeted|personali[sz]ed|interest based|behaviou?ral|tailored|cross context behaviou?ral) "
        r"(?:advertising|ads|advertisements|marketing|offers|content)",
    ),
    family("marketing", "new_purpose", "marketing", r"marketing", r"promotional", r"promotions?", r"direct mail"),
    family("research", "new_purpose", "research", r"research", r"(?:scientific|academic|market) stud(?:y|ies)"),
    family(
        "tracking", "new_purpose", "tracking and monitoring",
        r"track(?:s|ed|ing)? (?:you|your|users|people|individuals|across)",
        r"cross (?:site|device|app|context) tracking", r"monitor(?:s|ed|ing)? (?:you|your|users|employees|staff)",
        r"surveillance", r"session (?:replay|recording)s?",
    ),
    family(
        "combining", "new_purpose", "combining data from different sources",
        r"combin(?:e|es|ed|ing) (?:it|this|them|your|personal|information|data|the)",
        r"(?:link|match|merge|enrich)(?:es|ed|ing)? (?:it|this|your|personal|information|data)", r"data enrichment",
        r"enrich(?:ed|ing)? (?:your |the )?(?:profile|data|information)",
    ),
    family(
        "pricing", "new_purpose", "personalised pricing or eligibility",
        r"(?:personali[sz]ed|dynamic|individual(?:ised|ized)?|surveillance) pric(?:ing|es)",
        r"set (?:your |the )?prices?", r"insurance (?:premiums?|pricing)", r"underwriting",
    ),
)

# --------------------------------------------------------------------------------------------------
# new_data_category

DATA = (
    family(
        "location", "new_data_category", "location data",
        r"(?:precise|exact|gps|real time|continuous|background|fine|approximate|coarse|device) (?:geo ?)?locations?",
        r"geo ?location", r"gps", r"geo ?fenc\w*",
        r"location (?:data|information|history|readings?|tracking|services)", r"where you are",
        r"your (?:location|whereabouts|movements)",
    ),
    family(
        "biometric", "new_data_category", "biometric data", r"biometrics?", r"fingerprints?",
        r"face (?:scans?|geometry|prints?|id|templates?)",
        r"facial (?:\w+ )?(?:data|images?|features|geometry|scans?|templates?|recognition)", r"voice ?prints?",
        r"iris", r"retina\w*", r"palm ?prints?", r"gait",
        # A body feature measured or compared to tell people apart, whatever it is called:
        # "we map the features of each face", "voice matching", "group pictures of the same person".
        r"(?:faces?|facial|voices?|fingerprints?|irises|gait|palms?) (?:\w+ ){0,2}?(?:mapping|maps?|matching|match|"
        r"recogni[sz]\w+|grouping|templates?|geometry|landmarks|measurements?|signatures?|prints?|scans?|"
        r"identification|verification)",
        r"(?:map|maps|mapped|mapping|match\w*|recogni[sz]\w+|identif\w+|compar\w+|measur\w+|scan\w*|"
        r"analy[sz]\w+) (?:\w+ ){0,4}?(?:faces?|facial \w+|voices?|fingerprints?|irises|gait)",
        r"features of (?:\w+ ){0,2}faces?",
        r"group\w* (?:\w+ ){0,4}?(?:of|by) (?:the same|each) (?:person|people|individual|face)",
    ),
    family(
        "health", "new_data_category", "health data", r"health", r"medical", r"diagnos\w+", r"illness\w*",
        r"disabilit\w+", r"pregnan\w+", r"mental", r"fitness", r"heart rate", r"sleep", r"prescriptions?",
        r"allerg\w+", r"blood", r"symptoms?", r"well ?being", r"menstrua\w+", r"fertility", r"medications?",
        r"therapy", r"vaccination\w*",
        exclude=(r"medical (?:confidentiality|secrecy|ethics|rules|regulator|council|director|team|staff)",),
    ),
    family("genetic", "new_data_category", "genetic data", r"genetic", r"dna", r"genom\w+"),
    family(
        "financial", "new_data_category", "financial data", r"financial",
        r"bank (?:account|details|statements?|transactions?)", r"iban", r"sort code",
        r"(?:credit|debit|payment) cards?", r"card (?:numbers?|details|data)", r"income", r"salar(?:y|ies)",
        r"wages?", r"credit (?:history|reports?|rating|scores?|checks?|worthiness)", r"creditworthiness",
        r"transaction (?:history|data|records)", r"purchase history", r"account balances?", r"loans?", r"debts?",
        r"assets", r"net worth", r"tax (?:returns?|id|identification number)",
    ),
    family(
        "contacts", "new_data_category", "your contacts or address book",
        r"(?:your |phone |device )?contacts? lists?", r"address books?", r"phone ?books?", r"your contacts",
        r"contacts (?:stored )?(?:on|from) your (?:device|phone)", r"friends? lists?", r"social graph",
    ),
    family(
        "audio", "new_data_category", "voice or audio recordings",
        r"voice(?: \w+)? (?:recordings?|data|commands?|messages?|samples?|notes?|clips?)", r"audio", r"recordings?",
        r"microphone", r"what you say", r"conversations? (?:are |is )?recorded",
    ),
    family(
        "images", "new_data_category", "photos, images or video", r"photos?", r"photographs?", r"images?", r"videos?",
        r"camera", r"cctv", r"pictures?", r"selfies?", r"webcam",
    ),
    family(
        "identifiers", "new_data_category", "government identifiers", r"social security (?:numbers?)?",
        r"national insurance (?:numbers?)?", r"passports?", r"driv(?:er s|ers|ing) licen[cs]es?",
        r"(?:government|state) (?:issued )?(?:id|identification|identity)", r"identity (?:cards?|documents?)",
        r"id (?:cards?|documents?)", r"national id", r"ssns?", r"personal (?:public service|identification) numbers?",
        r"tax (?:numbers?|file numbers?)",
    ),
    family(
        "special", "new_data_category", "sensitive characteristics", r"racial", r"ethnic\w*", r"race", r"religio\w+",
        r"philosophical beliefs", r"political", r"trade union", r"sexual", r"sex life", r"gender identity",
        r"criminal", r"convictions?", r"immigration status", r"citizenship", r"nationality", r"veteran",
        r"marital status",
    ),
    family("birth", "new_data_category", "date of birth", r"dates? of birth", r"birth ?dates?", r"birthdays?"),
    family("gender", "new_data_category", "gender", r"gender", r"sex"),
    family(
        "browsing", "new_data_category", "browsing or search activity",
        r"browsing (?:history|activity|data|behaviou?r)", r"search (?:history|queries|terms)", r"web history",
        r"(?:web ?sites|sites|pages|apps) you (?:visit|use)", r"clickstream", r"keystrokes?", r"mouse movements?",
        r"screen (?:recordings?|captures?|shots?)", r"other (?:apps|applications) (?:installed|on your)",
        r"installed (?:apps|applications)",
    ),
    family(
        "device-ids", "new_data_category", "device and advertising identifiers", r"device (?:identifiers?|ids?)",
        r"advertising (?:ids?|identifiers?)", r"idfa", r"aaid", r"imei", r"mac address(?:es)?",
        r"device fingerprint\w*", r"fingerprinting", r"ip address(?:es)?", r"unique identifiers?", r"cookie ids?",
    ),
    family(
        "communications", "new_data_category", "content of communications",
        r"(?:content|contents) of (?:your )?(?:messages|emails|communications|chats|conversations|calls|files|"
        r"documents)",
        r"private messages", r"message (?:content|contents)", r"chat (?:logs|histor(?:y|ies)|transcripts?|messages)",
        r"call (?:logs?|histor(?:y|ies)|recordings?)", r"sms", r"text messages", r"emails? you (?:send|receive)",
        r"direct messages", r"mailbox(?:es)?", r"inbox(?:es)?", r"attachments",
        r"(?:bodies|body|subject lines?|contents?) of (?:the |your )?(?:messages|emails|mail)",
    ),
    family(
        "social", "new_data_category", "social media data",
        r"social media (?:profiles?|accounts?|data|information|activity|posts?)", r"followers", r"connections",
        r"likes",
        exclude=(r"(?:secure|encrypted|internet|network|https|tls|ssl|wi ?fi|data) connections?",),
    ),
    family(
        "employment", "new_data_category", "employment or education data",
        r"employment (?:history|details|information|status)", r"job (?:history|title)s?", r"education\w*",
        r"qualifications", r"performance (?:reviews?|ratings?|data)", r"disciplinary",
    ),
    family(
        "inferences", "new_data_category", "inferences about you", r"inferences?", r"inferred",
        r"predictions? about you", r"personality", r"characteristics", r"interests", r"emotions?", r"mood",
        exclude=(r"(?:legitimate|public|vital|best|legal|commercial|business|security) interests?", r"interests? of"),
    ),
    family(
        "contact-data", "new_data_category", "contact data", r"(?:phone|mobile|telephone|cell) numbers?",
        r"(?:home|postal|residential|physical) address(?:es)?", r"email(?: address(?:es)?)?", r"phone",
        exclude=(
            r"(?:email|phone|text)(?:s|ed|ing)? (?:you|them|him|her|users|members|customers|us)",
            r"(?:by|via|through|over|per|in an|an|on the) (?:email|e mail|phone|telephone)",
            r"(?:email|phone|call|write to) (?:our|the) (?:\w+ ){0,2}(?:team|officer|office|desk|line)",
        ),
    ),
    family(
        "vehicle", "new_data_category", "driving or vehicle data", r"driving (?:behaviou?r|data|habits)",
        r"telematics", r"vehicle (?:data|location)", r"speed",
        exclude=(r"speed (?:up|things up)", r"(?:page|loading|connection|download|upload) speed"),
    ),
)

# --------------------------------------------------------------------------------------------------
# new_recipients

RECIPIENTS = (
    family(
        "sale", "new_recipients", "selling personal data", r"sell(?:s|ing)?", r"sold",
        r"sale of (?:your |personal |customer |user )?(?:data|information|details)", r"rent(?:s|ing|ed)?",
        r"trad(?:e|es|ing|ed)", r"monetis\w+", r"monetiz\w+",
        r"licen[cs](?:e|es|ing) (?:your |personal |the )?(?:data|information)", r"for (?:money|payment|a fee)",
        r"valuable consideration",
        exclude=(
            r"(?:federal )?trade commission", r"trade unions?", r"trade ?marks?", r"trade names?", r"trade secrets?",
            r"trade associations?", r"point of sale", r"sales (?:team|teams|contacts?|prospects?|staff)",
        ),
    ),
    family(
        "advertising-partners", "new_recipients", "advertising partners",
        r"advertis(?:ing|ement) (?:partners?|networks?|companies|platforms?|providers?|services|vendors?)",
        r"advertisers?", r"ad (?:networks?|partners?|tech|exchanges?|platforms?|servers?|vendors?)",
        r"(?:marketing|media|affiliate marketing|joint marketing|co marketing) partners?", r"publishers?",
        r"sponsors?",
    ),
    family(
        "data-brokers", "new_recipients", "data brokers",
        r"data (?:brokers?|resellers?|aggregators?|vendors?|marketplaces?)", r"information brokers?",
        r"list brokers?", r"people search",
    ),
    family(
        "social-media", "new_recipients", "social media companies",
        r"social (?:media|network(?:ing)?) (?:platforms?|companies|providers?|networks?|services|sites?)",
        r"social networks",
    ),
    family(
        "affiliates", "new_recipients", "affiliates and group companies", r"affiliates?",
        r"affiliated (?:companies|entities|businesses)", r"group (?:companies|entities)",
        r"(?:other )?(?:members?|companies) of (?:our|the) (?:corporate )?group", r"parent company",
        r"sister companies", r"(?:our )?subsidiar(?:y|ies)",
    ),
    family(
        "partners", "new_recipients", "business partners",
        r"(?:business|commercial|strategic|trusted|selected|carefully selected|third party|retail|"
        r"distribution|technology|integration) partners?", r"partners",
    ),
    family(
        "third-parties", "new_recipients", "third parties", r"third parties",
        r"third party (?:companies|organi[sz]ations|businesses|services|providers|recipients)",
        r"other (?:companies|organi[sz]ations|businesses|firms)", r"unaffiliated",
    ),
    family(
        "finance", "new_recipients", "insurers, lenders or credit agencies", r"insurers?",
        r"insurance (?:companies|providers|firms)", r"lenders?", r"banks",
        r"credit (?:reference|reporting|rating) agenc(?:y|ies)", r"credit (?:bureaus?|agenc(?:y|ies))",
        r"debt collect(?:ors?|ion agenc(?:y|ies))", r"collection agenc(?:y|ies)",
    ),
    family(
        "government", "new_recipients", "government bodies",
        r"government(?: agencies| authorities| bodies| departments)?", r"public (?:authorit(?:y|ies)|bodies)",
        r"law enforcement", r"police", r"intelligence (?:agencies|services)", r"immigration (?:authorities|agencies)",
    ),
    family(
        "researchers", "new_recipients", "researchers", r"researchers?",
        r"academic (?:partners|institutions|researchers)", r"universit(?:y|ies)",
        r"research (?:partners|institutions|organi[sz]ations)",
    ),
    family(
        "employers", "new_recipients", "employers or recruiters",
        r"(?:your |prospective |potential |future )?employers?", r"recruit(?:ers?|ment agencies)", r"landlords?",
    ),
    family(
        "analytics-providers", "new_recipients", "analytics or marketing providers",
        r"analytics (?:providers?|companies|partners|services|vendors?)", r"measurement (?:partners|companies)",
        r"marketing (?:agencies|service providers|providers|companies)",
        r"(?:ai|llm|model|machine learning) (?:providers?|vendors?|companies|partners)",
    ),
    family(
        "public", "new_recipients", "the public or other users", r"publicly",
        r"make (?:it|them|this information|your \w+(?: \w+)?) public", r"public (?:profiles?|posts?|directory)",
        r"other users", r"visible to (?:everyone|anyone|others|the public)",
    ),
)

# --------------------------------------------------------------------------------------------------
# rights_reduced

RIGHTS = (
    family(
        "access", "rights_reduced", "the right of access", r"access",
        r"copy of (?:your|the) (?:personal )?(?:data|information)", r"right to know",
    ),
    family(
        "rectification", "rights_reduced", "the right to correct", r"rectif\w+", r"correct(?:ion|ing|ed)?",
        r"amend\w*", r"update (?:your|inaccurate|incorrect)",
    ),
    family(
        "erasure", "rights_reduced", "the right to erasure", r"eras(?:e|ure|ed|ing)", r"delet(?:e|ion|ed|ing)",
        r"be forgotten",
    ),
    family(
        "restriction", "rights_reduced", "the right to restrict processing", r"restrict\w*",
        r"limit (?:the )?(?:use|processing|how)",
    ),
    family(
        "portability", "rights_reduced", "the right to data portability", r"portab\w+", r"machine readable",
        r"(?:transfer|transmit|move) (?:your \w+ |it |them )?to another",
    ),
    family("objection", "rights_reduced", "the right to object", r"object", r"objection", r"stop (?:using|processing)"),
    family(
        "opt-out", "rights_reduced", "opting out", r"opt(?:s|ed|ing)? out", r"opt outs?", r"unsubscrib\w+",
        r"do not sell", r"do not share", r"global privacy control", r"gpc",
    ),
    family("withdraw", "rights_reduced", "withdrawing consent", r"withdraw\w*", r"revok\w+", r"revocation"),
    family(
        "complaint", "rights_reduced", "complaining to a regulator", r"complain\w*", r"supervisory authorit(?:y|ies)",
        r"data protection (?:authority|commission\w*)", r"regulators?", r"lodge", r"ombudsman", r"attorney general",
    ),
    family("appeal", "rights_reduced", "appealing a decision", r"appeal\w*"),
    family(
        "human-review", "rights_reduced", "human review of automated decisions",
        r"human (?:review|intervention|involvement)", r"contest", r"challenge (?:the|a|any) decision",
        r"point of view",
    ),
    family("non-discrimination", "rights_reduced", "protection from discrimination", r"discriminat\w+"),
    family(
        "controls", "rights_reduced", "privacy settings and controls", r"settings", r"preferences", r"controls?",
        r"toggle", r"turn (?:it |this )?off", r"switch (?:it |this )?off", r"disable", r"consent (?:banner|manager)",
    ),
    family(
        "anytime", "rights_reduced", "acting at any time", r"at any time", r"whenever you (?:like|want|wish)",
        r"any time",
    ),
    family(
        "free", "rights_reduced", "acting free of charge", r"free of charge", r"free", r"no (?:fee|charge|cost)",
        r"without (?:charge|cost|(?:a |any )?fee|incurring)", r"at no (?:cost|charge)",
    ),
    family("channel-email", "rights_reduced", "making requests by email", r"email(?:ing)?", r"zzemail"),
    family(
        "channel-online", "rights_reduced", "making requests online", r"online", r"web ?form",
        r"(?:privacy |self service )?portal", r"in (?:the )?app", r"your account", r"dashboard",
    ),
    family(
        "channel-phone", "rights_reduced", "making requests by phone", r"phone", r"telephone", r"toll free",
        r"call us", r"zzphone",
    ),
)

RIGHT_CONTEXT = phrases(
    r"you(?: \w+){0,3} (?:can|may|could|are able|will be able|are entitled|have the (?:right|option|choice))",
    r"rights?", r"request\w*", r"ask us", r"opt(?:s|ed|ing)? out", r"unsubscrib\w+", r"withdraw\w*", r"object",
    r"choices?", r"entitled", r"exercise",
)
"""A sentence that tells the reader what they can do."""

DENIALS = family(
    "denial", "rights_reduced", "a right or choice is denied", r"you (?:can|may|will|are|do|shall) (?:not|no longer)",
    r"you (?:have|has) no (?:right|option|choice|way)", r"you (?:will )?not be able",
    r"you (?:are )?(?:not|no longer) (?:able|entitled|permitted|allowed)",
    r"not (?:be )?(?:possible|available) (?:for you )?to",
    r"(?:is|are) (?:not|no longer) (?:available|possible|supported|offered)",
    r"we (?:will|may|can|do) not (?:honou?r|accept|respond|process|action|act on)", r"no (?:right|option) to",
    r"(?:can|may) not (?:be )?(?:opt|object|withdraw|delet|eras|access|correct|unsubscrib)\w*",
    exclude=(
        r"(?:if|unless|when|whenever|until|once|whether|as long as|in case|while) you (?:\w+ ){0,2}"
        r"(?:do|does|are|will|can|have) (?:not|no longer)",
        # how the reader feels, not what they may do: "change anything you are not happy with"
        r"you (?:are|were) not (?:happy|sure|satisfied|comfortable|content|pleased)",
    ),
)
"""A condition ("if you do not sign in for 4 years") is not a refusal."""

_READER_CONSENTS = (
    r"only (?:if|when|once|after|where) (?:you|your (?:parent|guardian)|a parent) (?:\w+ ){0,2}"
    r"(?:ask|agree|consent|opt in|choose|request|want|tell us|give|allow|permit)\w*|"
    r"only with (?:your|their|a parent s) (?:\w+ )?(?:consent|permission|agreement|approval)"
)
"""A condition the reader controls ("but only if you ask us to") protects them; it is no hurdle."""

FRICTION = (
    family(
        "fee", "rights_reduced", "a fee", r"fees?", r"charges?", r"charg(?:ed|ing)", r"pay", r"paid", r"payment",
        r"costs?",
        exclude=(
            r"free of charge", r"no (?:fee|charge|cost)s?", r"without (?:charge|cost|(?:a |any )?fee)",
            r"at no (?:cost|charge)", r"not (?:\w+ )?charge", r"free",
            # a kind of booking or service, not a price for a request: "the reads for a paid stay"
            r"(?:a|an|the|your|any) paid (?:stay|subscription|plan|account|booking|ticket|membership|tier|version)",
        ),
    ),
    family(
        "formalities", "rights_reduced", "formal proof or documents", r"notari[sz](?:ed|ation)",
        r"certified (?:copy|copies|documents?)", r"sworn", r"affidavit", r"apostille", r"in person",
        r"(?:original|physical|paper) (?:documents?|id|copy|form)", r"proof of (?:identity|address|residence)",
        r"copy of (?:your )?(?:passport|id|identity|driving licen[cs]e)", r"wet signature",
        r"signed (?:form|letter|declaration|request)", r"(?:government|photo) (?:issued )?id",
    ),
    family(
        "limits", "rights_reduced", "limits on requests",
        r"once (?:a|per|every|each) (?:year|month|twelve months|12 months|calendar year)", r"no more than",
        r"(?:one|a single|two|\d+) requests? (?:per|a|every)", r"limited to",
        r"up to (?:one|two|\d+) (?:requests?|times)",
    ),
    family(
        "discretion", "rights_reduced", "conditions at our discretion", r"at our (?:sole |absolute |own )?discretion",
        r"(?:we )?may (?:refuse|decline|reject|deny|ignore)",
        r"reserve the right to (?:refuse|decline|reject|deny|charge)", r"if we (?:agree|consider|decide|think)",
        r"where we (?:agree|consider|decide|deem|think)", r"subject to (?:our|approval|review)", r"unless we",
        r"where (?:feasible|practicable|reasonably possible)", r"if (?:feasible|practicable)",
        r"in (?:certain|some|limited|exceptional) (?:cases|circumstances)", r"only (?:where|if|when|in)",
        r"we are not (?:obliged|required)", r"our decision is final",
        r"(?:where|when|if|as|to the extent|insofar as) (?:\w+ ){0,2}laws? "
        r"(?:requires?|permits?|allows?|obliges?|gives?|grants?|provides?|confers?)",
        r"(?:where|when|if|as|to the extent) (?:\w+ ){0,2}(?:permitted|required|allowed|obliged) (?:to )?by "
        r"(?:\w+ )?law",
        r"where applicable", r"subject to (?:applicable |local )?laws?", r"except (?:where|when|if|as|for|that)",
        exclude=(_READER_CONSENTS,),
    ),
    family(
        "only", "rights_reduced", "a restriction",
        r"(?:only|solely|exclusively) (?:by|through|via|in writing|in person|using|once|one|from|at|on|during|within|"
        r"between|after|before|if we|where we|when we|for|to|with)",
        r"(?:can|may|will|could) (?:\w+ )?(?:only|solely|exclusively)", r"(?:only|solely|exclusively)$",
        exclude=(_READER_CONSENTS,),
    ),
)

CHANNEL_FRICTION = family(
    "writing", "rights_reduced", "requests in writing or by post", r"in writing", r"written (?:request|notice|form)",
    r"by (?:post|mail|letter|postal mail|registered (?:mail|post)|recorded delivery|fax|courier)", r"postal",
    r"registered (?:mail|post|letter)", r"send (?:us )?a letter",
)
"""Friction only when made a requirement ("must", "only"); offering another channel adds a choice."""

REQUIREMENT = phrases(
    r"must", r"required?", r"need to", r"needs to", r"have to", r"has to", r"only", r"solely", r"exclusively", r"shall"
)

# --------------------------------------------------------------------------------------------------
# transfer_mechanism

MECHANISMS = (
    family(
        "sccs", "transfer_mechanism", "Standard Contractual Clauses",
        r"standard (?:contractual|data protection) clauses", r"sccs?", r"model (?:contract )?clauses",
    ),
    family(
        "adequacy", "transfer_mechanism", "an adequacy decision",
        r"adequacy(?: decisions?| regulations?| findings?)?", r"adequate (?:level of )?protection",
        r"found to be adequate",
    ),
    family(
        "dpf", "transfer_mechanism", "the Data Privacy Framework", r"data privacy framework", r"dpf",
        r"privacy shield", r"eu us data privacy", r"swiss us",
    ),
    family("bcrs", "transfer_mechanism", "Binding Corporate Rules", r"binding corporate rules", r"bcrs?"),
    family(
        "idta", "transfer_mechanism", "the UK transfer agreement or addendum",
        r"international data transfer (?:agreement|addendum)", r"idta", r"uk (?:addendum|extension)",
    ),
    family(
        "derogations", "transfer_mechanism", "derogations or your consent", r"derogations?", r"article 49", r"art 49",
        r"explicit consent (?:to|for) (?:the |this |such )?transfers?",
        r"necessary for (?:the performance of )?(?:a |the |our )?contract",
        r"necessary (?:to perform|to carry out|to fulfil|for (?:performing|carrying out|fulfilling)) "
        r"(?:a |the |our |your )?contract",
        r"(?:your|you have given|you give|with your) (?:explicit |express )?(?:consent|agreement) to (?:the|this|that|"
        r"such|these) transfers?",
        r"(?:important reasons of public interest|legal claims|vital interests) (?:\w+ ){0,3}transfers?",
    ),
    family(
        "codes", "transfer_mechanism", "codes of conduct or certification",
        r"approved (?:codes? of conduct|certification\w*)", r"cross border privacy rules", r"cbprs?",
    ),
)

_COUNTRIES = [
    "afghanistan", "albania", "algeria", "andorra", "angola", "argentina", "armenia", "australia", "austria",
    "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium", "belize", "benin", "bhutan",
    "bolivia", "bosnia", "botswana", "brazil", "brunei", "bulgaria", "burkina", "burundi", "cambodia", "cameroon",
    "canada", "chad", "chile", "china", "colombia", "comoros", "congo", "croatia", "cuba", "cyprus", "czechia",
    "czech", "denmark", "djibouti", "dominica", "dominican", "ecuador", "egypt", "salvador", "eritrea", "estonia",
    "eswatini", "ethiopia", "fiji", "finland", "france", "gabon", "gambia", "georgia", "germany", "ghana", "greece",
    "grenada", "guatemala", "guinea", "guyana", "haiti", "honduras", "hungary", "iceland", "india", "indonesia",
    "iran", "iraq", "ireland", "israel", "italy", "jamaica", "japan", "jordan", "kazakhstan", "kenya", "kiribati",
    "korea", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "lesotho", "liberia", "libya",
    "liechtenstein", "lithuania", "luxembourg", "madagascar", "malawi", "malaysia", "maldives", "mali", "malta",
    "mauritania", "mauritius", "mexico", "micronesia", "moldova", "monaco", "mongolia", "montenegro", "morocco",
    "mozambique", "myanmar", "namibia", "nauru", "nepal", "netherlands", "holland", "nicaragua", "niger", "nigeria",
    "macedonia", "norway", "oman", "pakistan", "palau", "palestine", "panama", "paraguay", "peru", "philippines",
    "poland", "portugal", "qatar", "romania", "russia", "rwanda", "samoa", "marino", "senegal", "serbia",
    "seychelles", "singapore", "slovakia", "slovenia", "somalia", "spain", "lanka", "sudan", "suriname", "sweden",
    "switzerland", "syria", "taiwan", "tajikistan", "tanzania", "thailand", "togo", "tonga", "trinidad", "tunisia",
    "turkey", "turkiye", "turkmenistan", "tuvalu", "uganda", "ukraine", "emirates", "uae", "uruguay", "uzbekistan",
    "vanuatu", "vatican", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe", "usa", "us", "america", "britain",
    "england", "scotland", "wales",
]
_MULTIWORD_PLACES = (
    r"united states", r"united kingdom", r"new zealand", r"south africa", r"hong kong", r"saudi arabia",
    r"costa rica", r"sri lanka", r"united arab emirates", r"south korea", r"north korea", r"puerto rico",
    r"great britain", r"czech republic", r"ivory coast", r"cote d ivoire",
)
_REGION = (
    r"(?:eu|eea|european union|european economic area|europe|uk|switzerland|the country where you live|"
    r"your country)"
)

ABROAD = family(
    "abroad", "transfer_mechanism", "transfers outside the country or region",
    r"outside (?:of )?(?:the )?" + _REGION,
    r"third countr(?:y|ies)", r"other countries", r"abroad", r"overseas", r"internationally", r"worldwide",
    r"globally", r"any country", r"anywhere in the world", r"around the world", r"cross border",
    r"international transfers?",
)
TRANSFER_CONTEXT = phrases(
    r"transfer\w*", r"outside", r"third countr(?:y|ies)", r"international\w*", r"abroad", r"overseas",
    r"cross border", r"safeguards?", r"adequa\w+", r"clauses", r"framework", r"countr(?:y|ies)",
    r"stor(?:e|ed|es|ing|age)", r"host(?:s|ed|ing)?", r"servers?", r"data cent(?:re|er)s?",
    r"process(?:ed|es|ing)? (?:in|from)", r"(?:located|based) (?:in|outside)", r"access(?:ed)? (?:from|in)",
    r"region", r"where (?:we|they|your)",
)
NOT_TRANSFER = phrases(
    r"office", r"offices", r"headquarter\w*", r"registered", r"incorporated", r"registration", r"address", r"law of",
    r"laws of", r"courts? of", r"governed by",
)

# --------------------------------------------------------------------------------------------------
# controller_identity

OWNERSHIP = family(
    "ownership", "controller_identity", "a change of ownership or controller", r"acquired",
    r"acquisition of (?:us|our (?:company|business)|the company)", r"(?:has|have) (?:been )?merged",
    r"merged (?:with|into)", r"new owners?", r"now owned by", r"now belongs? to",
    r"(?:was|were) (?:bought|purchased) by",
    r"(?:is|are|was|were) now (?:owned|operated|controlled|provided|run|managed) by",
    r"(?:now )?(?:a |an )?(?:part|member|subsidiary|division|brand|unit) of (?:the )?(?:\w+ ){1,3}group",
    r"(?:became|become|becomes|is now|are now|now) (?:a |an )?(?:part|member|subsidiary|division|brand) of",
    r"join(?:ed|s)? (?:the )?(?:\w+ ){1,3}(?:group|family of companies)", r"successor(?: entity| company| in title)?",
    r"change of (?:ownership|control)", r"taken over", r"takeover", r"joint controllers?", r"co controllers?",
    r"new controller", r"(?:is|are) now the (?:data )?controller", r"(?:sold|transferred) (?:our|the) business to",
    r"merger (?:of|between|with)", r"formed by (?:the )?merg\w+", r"joint venture", r"franchisees?",
    r"franchise (?:partners?|holders?|owners?|operators?)", r"run by (?:an? |the )?(?:independent )?franchis\w+",
)
CONTROLLER_CONTEXT = phrases(
    r"(?:is|are|acts? as|remains?|becomes?|will be) (?:the |a |joint |our )?(?:data )?controllers?",
    r"controllers? (?:responsible|of|for|within|is|are)", r"responsible for (?:the )?(?:processing|your|personal)",
    r"(?:is|are) (?:now )?(?:operated|owned|run|controlled) by",
    r"(?:app|apps|service|services|website|site|platform|product|products|business|we|it)(?: \w+){0,3} (?:is|are) "
    r"(?:now )?(?:provided|offered|managed) by",
    r"we are", r"who we are", r"about us",
    r"(?:name|identity|details) of the controller", r"refers? to", r"means",
    r"decid(?:es|e) (?:how and why|why and how|the purposes|how your|what happens to)",
    r"determin(?:es|e) (?:the purposes|how and why|why and how)", r"(?:is|are) responsible for (?:your|the|this)",
)
CONDITIONAL = re.compile(r"^(?:if|in the event|should|where|in case|when|whenever)\b")
COMPANY_SUFFIX = (
    r"Ltd\.?|Limited|Inc\.?|Incorporated|LLC|L\.L\.C\.|LLP|LP|GmbH|AG|S\.?A\.?S?|SARL|S\.à r\.l\.|"
    r"B\.?V\.?|N\.?V\.?|[Pp][Ll][Cc]|Corp\.?|Corporation|Co\.|Pty|AB|Oy|A/S|ApS|S\.p\.A\.|S\.r\.l\.|K\.?K\.?|SE|KG|"
    r"Holdings|Group"
)
COMPANY = re.compile(
    r"\b((?:[A-Z][\w&'.-]*|&|of|and)(?:\s+(?:[A-Z][\w&'.-]*|&|of|and|\([A-Z][\w ]*\))){0,5})\s*,?\s+("
    + COMPANY_SUFFIX
    + r")(?=\W|$)"
)
_SUFFIX_CANON = {
    "limited": "ltd",
    "ltd": "ltd",
    "inc": "inc",
    "incorporated": "inc",
    "corp": "corp",
    "corporation": "corp",
}

# --------------------------------------------------------------------------------------------------
# children

CHILDREN = family(
    "children", "children", "information about children", r"child(?:ren)?s?", r"minors?", r"kids?", r"teen(?:ager)?s",
    r"young people", r"under (?:the age of )?1\d", r"pupils?", r"juniors?", r"junior (?:members?|players?|section)",
    r"youth (?:members?|players?|section|club)", r"young (?:members?|players?|users|athletes)",
)
PROTECTIONS = family(
    "parental", "children", "parental consent or age checks",
    r"parental (?:consent|permission|approval|authori[sz]ation)",
    r"consent (?:of|from) (?:a |their |your |the )?(?:parents?|guardians?)",
    r"(?:parent|guardian)s?(?: (?:or|and) (?:legal )?guardians?)? (?:permission|consent|approval|authori[sz]ation|"
    r"agreement)",
    r"(?:verifiable|verified) (?:parental )?consent", r"age verification", r"verify (?:the |your |their )?age",
    r"age (?:checks?|gates?|assurance|estimation)", r"permission (?:of|from) (?:a |their |the )?parents?",
)
CHILD_REQUIREMENTS = family(
    "child-requirement", "children", "a requirement protecting children", r"must", r"needs?", r"required?",
    r"requires", r"only (?:once|after|if|when|with|until)", r"will not (?:\w+ ){0,3}(?:until|unless|before)",
    r"(?:can|may) not (?:\w+ ){0,3}(?:without|until|unless|before)",
)
CHILD_PROTECTIVE = phrases(
    r"delet\w+", r"eras\w+", r"remov\w+", r"prohibit\w*", r"not (?:permitted|allowed|intended|directed)", r"must be",
    r"at least", r"requir\w+", r"verif\w+", r"parental", r"parents?", r"guardians?", r"protect\w*", r"block\w*",
    r"close", r"terminat\w+", r"suspend\w*", r"restrict\w*", r"only with",
)

LIMITATION = family(
    "limitation", "negation_removed", "a limit on what the information is used for", r"only", r"solely",
    r"exclusively", r"for no other (?:purpose|reason|use)s?", r"not for any other (?:purpose|reason|use)s?",
    r"nothing else", r"no other (?:purpose|reason|use)s?",
)
"""A limit on use ("only to deliver your order", "for no other purpose"); dropping it widens the use."""

# --------------------------------------------------------------------------------------------------
# Defaults: what happens unless the reader acts

_SETTING = r"(?:it|this|they|them|these|the \w+(?: \w+)?)"
_READER = (
    r"(?:you|they|the (?:customer|user|member|player|subscriber|account holder)s?|customers|users|members|"
    r"(?:a |the |your |their )?(?:parent|guardian|carer)s?)"
)
DEFAULT_OFF = family(
    "default-off", "rights_reduced", "off unless you turn it on", r"off by default",
    r"by default (?:\w+ ){0,4}(?:is|are) (?:off|disabled|hidden|private|not shared)",
    r"(?:disabled|switched off|turned off|inactive|deactivated|hidden|private|not (?:enabled|active|shared|visible)) "
    r"(?:by default|until you|unless you)",
    r"opt(?:s|ed|ing)? in", r"opt ins?",
    r"only (?:\w+ ){0,8}?(?:if|when|once|after) " + _READER + r" (?:\w+ ){0,3}"
    r"(?:turn|switch|opt|enabl|choos|chose|agree|ask|tick|consent|given consent|given permission)\w*",
    r"(?:unless|until) " + _READER + r" (?:\w+ ){0,2}(?:turn|switch|set) " + _SETTING + r"? ?on",
    r"(?:is|are) off (?:unless|until)",
    r"(?:unless|until) " + _READER + r" (?:\w+ ){0,2}(?:enable|activate|opt in|choose|agree|tick)",
    r"(?:can|may|could) (?:choose to |ask to |decide to )?(?:tick|check|select) (?:a|the) box",
)
"""Off unless the reader switches it on ("off by default", "opt-in", "only if you turn it on")."""
DEFAULT_ON = family(
    "default-on", "rights_reduced", "on unless you turn it off", r"on by default",
    r"by default (?:\w+ ){0,4}(?:is|are) (?:on|enabled|public|visible|active|shared)",
    r"(?:enabled|switched on|turned on|active|activated|public|visible|shared|opted in|included|enrolled) "
    r"(?:by default|automatically|unless you)",
    r"automatically (?:enabled|switched on|turned on|opted in|included|enrolled|shared|public|visible|signed up|"
    r"subscribed|added|registered)",
    r"(?:signed up|subscribed|enrolled|added|registered|opted in) (?:\w+ ){0,4}automatically",
    r"(?:unless|until) " + _READER + r" (?:\w+ ){0,2}(?:turn|switch|set) " + _SETTING + r"? ?off",
    r"(?:unless|until) " + _READER + r" (?:\w+ ){0,2}(?:opts? out|disables?|deactivates?|objects?|unticks?|"
    r"tells? us not to|asks? us not to)",
    r"(?:who|if|where) (?:\w+ ){0,2}(?:do not|does not|did not) want (?:this|that|it|them)",
)
"""On unless the reader switches it off ("on by default", "automatically enrolled", "unless you opt out")."""

# --------------------------------------------------------------------------------------------------
# Sentence roles

CHOICE = phrases(
    r"you(?: (?!we |they |it )\w+){0,2} "
    r"(?:can|may|could|are able to|will be able to|are entitled to|have the (?:right|option|choice))",
    r"right to", r"rights? (?:of|to)", r"opt(?:s|ed|ing)? out", r"opt in", r"unsubscrib\w+", r"withdraw\w*",
    r"your choices?", r"turn(?:s|ing)? (?:it |them |this )?off", r"switch(?:es|ing)? (?:it |them |this )?off",
    r"disabl\w+", r"object(?:s|ing)? to", r"stop us", r"ask us (?:not )?to",
    r"(?:treat|honou?r)\w* (?:\w+ ){0,3}as (?:a |an )?"
    r"(?:request|opt out|objection|choice)", r"global privacy control", r"do not track",
)
CONTACT_US = phrases(
    r"contact us", r"reach us", r"write to us", r"call us", r"email us", r"us at", r"us by",
    r"our (?:phone|telephone|email|postal|address|office|dpo)",
    r"contact (?:our|the) (?:dpo|data protection officer|privacy team)", r"get in touch",
    r"(?:contact|reach|write to|call) (?:our|the) (?:\w+ ){0,3}(?:team|officer|lead|desk|office|centre|center)",
)
CONTACT_DETAIL = phrases(r"zzphone", r"zzemail", r"zzurl")
"""Masked phone numbers, e-mail addresses and links: a sentence naming one is a way to reach someone."""
BENEFIT = re.compile(
    r"\b(?:so (?:that )?you(?: \w+)? (?:can|could|may|are able to|will be able to)|"
    r"(?:to|and|which|that) (?:let|lets|help|helps|allow|allows|enable|enables) you(?: to)?|"
    r"you (?:may|might|could|would) (?:also )?"
    r"(?:like|enjoy|want|prefer|love|be interested in|find (?:useful|interesting)))\b"
)
"""A clause saying what a practice lets the reader do ("so you can pick friends"), or what they may like
("articles you may enjoy"): a reason or a guess at a taste, not a choice."""
DEFINITION = re.compile(
    r"^(?:\w+ ){0,6}?(?:means|mean|refers? to|is defined as|are defined as|has the meaning|have the meaning|"
    r"shall mean|is used to describe)\b|"
    r"^an? \w+(?: \w+){0,2} is (?:an? |the )|^\w+(?: \w+)? are (?:small|tiny|short|simple) |"
    r"^(?:under|in|for the purposes? of|according to|as (?:used|defined) in|within the meaning of) (?:\w+ ){0,6}?"
    r"(?:law|laws|act|acts|regulations?|rules|notice|policy|statute|ccpa|cpra|gdpr|lgpd) (?:\w+ ){0,4}?"
    r"(?:means?|includes?|covers?|refers? to|is defined as|does not include)\b|"
    r"^(?:\w+ ){0,6}?(?:define|defines|defined|interpret|interprets) (?:[\w ]+ )?"
    r"(?:broadly|narrowly|widely|as|to (?:include|cover|mean))\b|"
    # "Paying a publisher for your books is not a sale of your information": which acts a term covers.
    r"^(?:\w+ ){1,12}?(?:is|are|does|do|would|will) not (?:count as |considered |treated as |regarded as |"
    r"amount to |constitute |be )?(?:an? )?(?:sale|sales|selling|sharing|share|disclosure|transfer)\b"
)
"""A definition ("'Sell' means to disclose ...", "Personal data refers to ...") explains a word."""
SECURITY_TOPIC = phrases(
    r"secur\w+", r"protect\w*", r"safeguard\w*", r"keep\w* (?:your )?(?:data|information|details) safe", r"encrypt\w*",
)
"""A section or heading about security describes protections, not new practices."""
SUMMARY = re.compile(
    r"^(?:in short|in summary|summary|to summari[sz]e|put simply|in brief|briefly|in a nutshell|at a glance|"
    r"tl ?dr|overview|the short version|in plain (?:english|language|words))\b"
)
"""A summary restates what the notice says in detail elsewhere."""
ERASURE = family(
    "erasure-commitment", "longer_retention", "a commitment to delete", r"delet(?:e|es|ed|ing|ion)",
    r"eras(?:e|es|ed|ing|ure)", r"destroy\w*", r"anonymi[sz]\w+", r"purg\w+", r"shred\w*", r"dispos(?:e|ed|al) of",
    r"remov(?:e|es|ed|ing|al)",
)
COARSENED = re.compile(
    r"\b(?:rounded|rounding|rounds?|truncat\w+|coarsen\w*|coarser|blurr?\w*|generali[sz]\w+|aggregat\w+|"
    r"less (?:precise|detailed|exact|accurate)|lower (?:precision|resolution)|reduced to|cut to|shortened to|"
    r"bucketed|banded|grouped into (?:bands|ranges)|pseudonymi[sz]\w+|anonymi[sz]\w+|hash\w*|mask\w*)\b"
)
"""Data made less precise or less identifying ("GPS locations are rounded to the nearest 100 metres")."""
KEPT_AFTER = family(
    "kept-after", "longer_retention", "keeping information after it is deleted or the account closed",
    r"(?:keep|keeps|kept|retain\w*|stor(?:e|es|ed)|hold|holds|held|archiv\w+|preserv\w+) (?:\w+ ){0,8}"
    r"(?:even )?(?:after|beyond|following|once) (?:you (?:\w+ )?)?(?:delet\w+|clos\w+|cancel\w*|leav\w+|terminat\w+|"
    r"end\w*|unsubscrib\w+|withdraw\w*|stop\w*|remov\w+|erasure|account (?:deletion|closure))",
    r"(?:remain|remains|stay|stays) (?:\w+ ){0,4}(?:after|even after|once) (?:you (?:\w+ )?)?"
    r"(?:delet\w+|clos\w+|leav\w+)",
    r"(?:do not|does not|will not|no longer) (?:delete|erase|remove) (?:\w+ ){0,6}(?:when|after|if) you",
    # Copies left in backups or archives after the live data goes ("copies in our backups are kept for 13 months").
    r"(?:copies|copy|data|information|records) (?:\w+ ){0,2}(?:in|on) (?:our |the )?(?:backups?|archives?) "
    r"(?:\w+ ){0,2}(?:are|is|will be|may be|remain|remains|stay|stays) (?:kept|retained|held|stored|for)",
    r"(?:backups?|archives?) (?:\w+ ){0,3}(?:are|is|will be|may be) (?:kept|retained|held|stored) for",
    r"(?:kept|retained|held|stored) (?:\w+ ){0,3}in (?:our )?(?:backups?|archives?) for",
    r"(?:delete|deletes|deleted|erase|erased|remove|removed) (?:\w+ ){0,10}?from (?:our )?(?:live|production|active)"
    r" (?:systems?|databases?|servers?)",
)
"""Information kept after the reader deletes it or leaves ("messages are kept after you delete your account")."""
KEEP_LEAD = phrases(
    r"keep\w*", r"kept", r"retain\w*", r"retention", r"stor(?:e|es|ed|ing|age)", r"hold", r"held", r"archiv\w+",
    r"for longer", r"exceptions?", r"except",
)
"""A list introduced as things we keep ("We keep a small amount of information for longer:")."""
UNLIMITED = family(
    "unlimited", "longer_retention", "an unlimited period", r"indefinite(?:ly)?", r"permanent(?:ly)?", r"forever",
    r"without (?:a |any )?(?:time )?limit", r"no (?:fixed |set )?(?:time )?limit",
    r"for as long as we (?:consider|deem|think|see fit|wish|want|like|need)", r"at our discretion",
    r"no longer (?:delete|erase)",
)

# --------------------------------------------------------------------------------------------------
# Topics of sections, headings and lead-in sentences

TOPICS: dict[str, re.Pattern[str]] = {
    "rights": phrases(
        r"rights?", r"choices?", r"your (?:options|controls)", r"you (?:can|may|have the right)",
        r"opt(?:s|ed|ing)? out",
    ),
    "retention": phrases(
        r"retain\w*", r"retention", r"how long", r"keep\w*", r"kept", r"storage (?:period|duration)s?", r"deletion",
        r"eras\w+",
    ),
    "transfer": phrases(
        r"transfer\w*", r"international\w*", r"abroad", r"overseas", r"offshore", r"cross border", r"third countr\w+",
        r"outside",
        r"where (?:we|your) (?:store|process|data|information)",
    ),
    "children": phrases(
        r"child\w*", r"minors?", r"kids?", r"teen\w*", r"young", r"ages?", r"aged", r"minimum age", r"juniors?",
        r"youth", r"pupils?", r"under (?:the age of )?1\d",
    ),
    "recipients": phrases(
        r"shar(?:e|es|ed|ing)", r"disclos\w+", r"recipients?", r"third part(?:y|ies)", r"sub ?processors?",
        r"processors?", r"service providers?", r"providers?", r"partners?", r"vendors?", r"sell", r"sold", r"sale",
        r"pass(?:ed)? (?:on|to)", r"who (?:we share|we disclose|receives|gets|sees)",
        r"provide (?:it|your \w+|information|data) to",
    ),
    "data": phrases(
        r"collect\w*", r"receive\w*", r"obtain\w*", r"gather\w*", r"record\w*", r"give us", r"provide us",
        r"information (?:we|you|about)", r"data (?:we|you|processed)",
        r"categor(?:y|ies) of (?:personal )?(?:data|information)", r"what we",
    ),
    "purpose": phrases(r"use", r"uses", r"using", r"purposes?", r"why we", r"in order to"),
    "controller": phrases(r"controller", r"who we are", r"about us", r"responsible", r"company"),
}
LIST_TOPICS = ("rights", "transfer", "recipients", "data", "purpose")
"""Order in which a list's lead-in is classified (the first topic found wins)."""


# fmt: on


def canonical_company(name: str, suffix: str) -> str:
    """Normalise a company name so "Acme Ltd." and "ACME Limited" compare equal."""
    base = re.sub(r"[^\w&]+", " ", name).casefold().split()
    canon = _SUFFIX_CANON.get(suffix.casefold().rstrip("."), re.sub(r"\W", "", suffix.casefold()))
    return " ".join([*base, canon])


def companies(plain: str) -> dict[str, str]:
    """Company names in ``plain`` (a capitalised phrase and a legal-form suffix): canonical -> as written."""
    found: dict[str, str] = {}
    for match in COMPANY.finditer(plain):
        words = match.group(1).split()
        while words and (words[0] in _NOT_NAME_START or not words[0][:1].isupper()):
            words = words[1:]
        if words:
            found.setdefault(canonical_company(" ".join(words), match.group(2)), f"{' '.join(words)} {match.group(2)}")
    return found


# fmt: off
_NOT_NAME_START = frozenset({
    "The", "A", "An", "And", "Or", "Of", "By", "With", "To", "For", "From", "In", "At", "On", "As", "If", "When",
    "Where", "We", "Our", "Us", "You", "Your", "It", "Its", "This", "That", "These", "Those", "Under", "Since",
    "Until", "After", "Before", "Following", "Between", "Including", "Such", "Both", "Either", "Each", "Any", "All",
})
# fmt: on


_PLACE_ALIASES = {
    "us": "united states",
    "usa": "united states",
    "america": "united states",
    "u s": "united states",
    "u s a": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "england": "united kingdom",
    "scotland": "united kingdom",
    "wales": "united kingdom",
    "u k": "united kingdom",
    "holland": "netherlands",
    "czech": "czechia",
    "czech republic": "czechia",
    "turkiye": "turkey",
    "uae": "united arab emirates",
    "emirates": "united arab emirates",
    "eu": "european union",
    "eea": "european economic area",
    "europe": "european union",
    "european union": "european union",
    "korea": "south korea",
    "lanka": "sri lanka",
    "marino": "san marino",
    "salvador": "el salvador",
}
_PLACE = phrases(
    *_MULTIWORD_PLACES,
    *[c for c in _COUNTRIES if c not in ("us", "usa", "uk", "eu", "eea", "uae")],
    r"asia(?: pacific)?",
    r"apac",
    r"latin america",
    r"south america",
    r"north america",
    r"africa",
    r"middle east",
    r"oceania",
    r"european union",
    r"european economic area",
    r"europe",
)
_PLACE_ABBREVIATION = re.compile(r"\b(?:U\.?S\.?A?|U\.?K\.?|EU|EEA|UAE)\b")
_DENONYM = re.compile(r"\bus (?:based|region|hosting|servers?|data cent(?:re|er)s?)\b")


_PLACE_NOISE = re.compile(
    r"\b(?:(?:EU|UK|Swiss|Switzerland)\W{0,3}(?:US|U\.S\.)\b(?:\W+\w+){0,4}|UK (?:GDPR|Extension|Addendum)|EU GDPR|"
    r"European Commission|(?:Court of Justice of the )?European Union law|EU law|UK law|US law|"
    r"General Data Protection Regulation)",
    re.I,
)


def places(plain: str, norm: str | None = None) -> set[str]:
    """Countries and regions named in a sentence, canonical ("US", "USA" -> "united states")."""
    from noticekit.classify.sentences import normalise

    if _PLACE_NOISE.search(plain):
        plain = _PLACE_NOISE.sub(" ", plain)
        norm = None
    norm = normalise(plain) if norm is None else norm
    found = {_PLACE_ALIASES.get(m.group(0), m.group(0)) for m in _PLACE.finditer(norm)}
    for match in _PLACE_ABBREVIATION.finditer(plain):
        key = re.sub(r"[^a-z]", " ", match.group(0).lower()).strip()
        key = " ".join(key.split())
        found.add(_PLACE_ALIASES.get(key, _PLACE_ALIASES.get(key.replace(" ", ""), key)))
    if _DENONYM.search(norm):
        found.add("united states")
    return found
