"""Sarcasm and condescension: cues that prove nothing alone but damn a post together.

"Really insightful." is praise; "Love it when people 'do their own research'... Genius
stuff." is mockery. No single phrase separates them, so this module finds small cues
of a few kinds and ``mockery`` / ``condescension`` decide from the mix:

- ``mock``: mock praise or a sarcastic aside standing as its own sentence ("Genius
  stuff.", "Inspiring stuff, honestly.", "Obviously.", "Lovely to hear.") and openings
  that set up a jibe ("Love it when...", "Incredible how...");
- ``sneer``: praise that is nearly always mock standing alone ("Classy."), worth two;
- ``quote``: 'scare quotes' round a few words someone else said;
- ``jeer``: an eye-roll, smirk, shrug or wave emoji;
- ``aside``: a passive-aggressive sign-off ("Just a thought.", "Just so you know.");
- ``advice``: unasked-for advice opening with "maybe"/"perhaps";
- ``blame``: a consequence that blames the reader ("and you wouldn't...", "and you'd
  actually...");
- ``target``: a group or person the post is aimed at ("people who", "some of you",
  "in the comments", an @handle, "to the customer who").

Every pattern is a bounded regex over lower-cased text (no nested repetition), so a
100 KB paste stays linear.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from policies.checks.tone_signals.prefilter import Gate, required_literals
from policies.recognisers.quickstart import quick

_A = "['’]?"
# Where a sentence (or a fragment after a colon or dash) begins.
_OPEN = (r"(?:^|(?<=[.!?:;…\n])\s*|(?<=[.!?:;…])\s+|(?<=\s[-–—])\s+"
         # An emoji ends a sentence too: "Thanks for the feedback 👍 Truly constructive."
         r"|(?<=[\U0001f300-\U0001faff\u2600-\u27bf])\s+)")
# Where it ends: a full stop, "!", "?" or the end of the post.
_CLOSE = r"\s*(?:[.!?…]+|$)"
# The same, or an emoji straight after ("Sure you do 🙄", "We'll get right on that 👍").
_CLOSE_OR_EMOJI = r"\s*(?:[.!?…]+|$|(?=[\U0001f300-\U0001faff\u2600-\u27bf]))"

_PRAISE = (
    r"(?:insightful|helpful|inspiring|inspired|impressive|clever|mature|classy|charming|original|useful|"
    r"constructive|genius|brilliant|lovely|fantastic|marvellous|delightful|productive|thoughtful|"
    r"grown[- ]up|stellar|wonderful|smart|priceless|heroic|responsible|considerate|sensible|"
    r"enlightening|educational|legend|top\s+work|good\s+work|great\s+work|nice\s+work|well\s+played|"
    # Round 16: the tag after a mock award ("Groundbreaking stuff.").
    r"groundbreaking|ground-breaking|revolutionary|earth-shattering|riveting)"
)
_MOCK_NOUN = r"(?:stuff|work|move|effort|behaviour|advice|idea|thinking|reasoning|logic|contribution|input|research|plan|spirit|example|attitude)"
_MOCK_TAIL = r"(?:honestly|really|everyone|folks|all|guys|people|there|as\s+ever|as\s+always|truly|thanks)"

# The hardest hours of the job, offered to a critic as a dare (round 13): the small
# hours only ("at 11am" is when the mayor opens the fair).
_HARDSHIP = (r"\b(?:night\s+shift|(?:one|a|any)\s+(?:night|shift)|ride-?along|street\s+count|hi-?vis|stab\s+vest|clipboard|"
             r"triage\s+line|front\s+line|(?:saturday|friday)\s+night|(?:at\s+)?[1-5](?:[.:]\d\d)?\s?am)\b")

_CUES: dict[str, list[str]] = {
    "mock": [
        # "Genius stuff." "Really insightful." "Inspiring stuff, honestly." "charming."
        rf"{_OPEN}(?:(?:really|very|so|truly|genuinely|such|how|just|absolutely|absolute|simply|pure|real|total|proper)\s+)?{_PRAISE}"
        rf"(?:(?:\s+[a-z]+)?\s+{_MOCK_NOUN})?(?:,?\s+{_MOCK_TAIL})?{_CLOSE}",
        # A sarcastic aside standing alone: "Obviously." "For fun." "Shocked."
        rf"{_OPEN}(?:obviously|for\s+fun|naturally|imagine\s+that|fancy\s+that|who\s+knew|go\s+figure|shocker|"
        rf"what\s+a\s+surprise|how\s+surprising|quelle\s+surprise|colou?r\s+me\s+(?:shocked|surprised)|funny\s+that|"
        rf"(?:truly\s+|really\s+|utterly\s+)?(?:shocked|stunned|astonished|gobsmacked)|bless(?:\s+(?:them|him|her|you|{_A}em))?|really|"
        # Round 13: an emphatic echo after praise ("we admire the optimism. We really do.")
        rf"truly|genuinely|sincerely|(?:we|i)\s+(?:really|truly|genuinely)\s+do|really,?\s+(?:we|i)\s+do)"
        rf"(?:,?\s+(?:we\s+know|honestly|really))?{_CLOSE}",
        # "we're flattered, genuinely." "We salute you, truly."
        r",\s+(?:genuinely|truly|sincerely|honestly)\s*(?:[.!]+|$)",
        r"\bclearly\s+in\s+(?:safe|good|capable)\s+hands\b",
        # Round 20: the public's complaints answered as a list of retorts: "Yes, the A7 is
        # closed on Friday. Yes, it's the same Friday as ever. No, we didn't ..." (an FAQ
        # that opens "Yes, ..." once, or a warm "Yes! ... No ...", is not that).
        r"(?:^|[.!?]\s+)yes,\s[^.!?\n]{3,160}[.!?]\s+yes,\s[^.!?\n]{3,200}[.!?]\s+no,\s",
        r"\bwho\s+(?:clearly|apparently|evidently|obviously)\s+(?:believe|believes|think|thinks|thought|assume|assumes|reckon|reckons)\b",
        # Round 24 (train13): "Only took twelve years and a celebrity tweet." after "finally noticed".
        rf"{_OPEN}(?:it\s+)?only\s+took\s+(?:[a-z0-9]+\s+){{1,2}}(?:years|decades|months)\b",
        # Round 24 (holdout24): "Great idea." standing alone, after what people demand.
        rf"{_OPEN}(?:what\s+an?\s+|such\s+an?\s+)?(?:great|good|smart|bright|super|fab)\s+idea{_CLOSE}",
        # "Lovely to hear." "Good to know." as a sentence of its own.
        rf"{_OPEN}(?:(?:how|so|very)\s+)?(?:lovely|nice|good|great|glad|wonderful)\s+to\s+(?:hear|know|see){_CLOSE}",
        # Openings that set up a jibe.
        rf"{_OPEN}(?:(?:we|i)\s+)?(?:just\s+|really\s+)?(?:love|loving|gotta\s+love|got\s+to\s+love|"
        rf"you\s+(?:have|{_A}ve\s+got)\s+to\s+love|don{_A}t\s+you\s+(?:just\s+)?love)\s+"
        r"(?:it\s+when|how|all\s+the|the\s+(?:people|customers|folk|ones|comments)|people\s+who|when)\b",
        rf"{_OPEN}(?:incredible|amazing|astonishing|remarkable|strange|odd|curious|hilarious|priceless)\s+how\b",
        # "Always our favourite: 'your app is down' tweets", "Love getting complaints about..."
        rf"{_OPEN}(?:always|still|forever|ah,?)\s+(?:our|my|a)\s+(?:all-time\s+)?(?:favourite|favorite|fave)s?\s*[:,–—-]",
        rf"{_OPEN}(?:(?:we|i)\s+)?(?:just\s+|really\s+)?(?:love|loving)\s+(?:getting|receiving|reading|all\s+the)\s+(?:complaints|moans|emails|calls|messages|reviews|tweets|comments)\s+(?:about|from|saying|calling|telling)\b",
        rf"{_OPEN}(?:interesting|funny|strange|odd|curious|telling)\s+that\b",
        rf"{_OPEN}(?:it\s+)?(?:always\s+|never\s+fails\s+to\s+)?makes?\s+(?:us|me)\s+(?:smile|laugh|chuckle|giggle)\s+when\b",
        # "Best 999 call of the week": a pillory dressed as an award.
        r"\b(?:best|worst|funniest)\s+(?:999\s+|101\s+)?(?:call|excuse|complaint|email|review|question|request)\s+of\s+the\s+(?:week|day|month|year|shift|night)\b",
        # "Thanks so much for your insight." after a jibe.
        rf"{_OPEN}thanks?\s+(?:(?:so|very)\s+much\s+)?for\s+(?:your|the)\s+(?:insight|wisdom|expertise|expert\s+opinion|valuable\s+input|input|words\s+of\s+wisdom){_CLOSE}",
        # Fragments that count at someone: "All 31 of them. Since Sunday."
        rf"{_OPEN}all\s+(?:\d+|[a-z]+)\s+of\s+(?:them|those){_CLOSE}",
        rf"{_OPEN}since\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|breakfast|lunchtime|last\s+\w+){_CLOSE}",
        # Absurd remedies: "We'll ask Somerset to flatten itself."
        rf"\bwe{_A}ll\s+(?:ask|tell|get)\s+[a-z]+(?:\s+[a-z]+)?\s+to\s+[a-z]+\s+(?:itself|themselves|himself|herself)\b",
        # "Take your time 🙂" after a put-down.
        "(?:take\\s+your\\s+time|sorry|you{_A}re\\s+welcome)\\s*[.!]?\\s*[\U0001f642\U0001f607\U0001f643\U0001f644\U0001f609]".replace("{_A}", _A),
        # Round 9: "Always fun when people ring to tell us...": a jibe's opening.
        rf"{_OPEN}(?:it{_A}s\s+)?(?:always|so|such)\s+(?:fun|great|lovely|a\s+joy|a\s+treat|a\s+pleasure)\s+when\s+(?:people|customers|clients|someone|somebody|folk|folks|callers|patients|you|some\s+of\s+you)\b",
        r"\b(?:good|great|nice|lovely)\s+to\s+see\s+(?:so\s+many\s+of\s+you|some\s+of\s+you|people)\b[^.!?\n]{0,80}\bagain\b",
        # Round 10: a "fun fact" or "reminder" pointed at the people who believe something
        # daft ("Fun fact for the few households who think the brown bin is ...");
        # "for anyone who thinks they may be eligible" is help, not a jibe.
        rf"{_OPEN}(?:a\s+|one\s+)?(?:fun\s+fact|(?:friendly|gentle|quick|little|small|polite)\s+reminder|reminder|psa|"
        rf"pro\s+tip|top\s+tip|hot\s+tip|news)\s+(?:for|to)\s+(?:the|those|all|anyone|everyone|some|every)\b"
        rf"[^.!?:\n]{{0,80}}?\bwho\s+(?:still\s+|seem\s+to\s+|seems\s+to\s+|apparently\s+|genuinely\s+|really\s+)?"
        rf"(?:think|thinks|believe|believes|reckon|reckons|assume|assumes|imagine|imagines|thought)\b"
        rf"(?!\s+(?:that\s+)?(?:they|you|he|she)(?:{_A}(?:ve|re|ll|d))?\s+(?:may|might|could|can|are|is|were|have|qualify|need|should|would))",
        # A belief mocked as magic: "think the blue bin is some kind of portal".
        r"\b(?:think|thinks|thought|believe|believes|reckon|reckons|assume|assumes|treat|treats|treating)\b"
        r"[^.!?\n]{0,60}?\b(?:is|are|was|were|as)\s+(?:some\s+(?:kind|sort)\s+of|a\s+magic(?:al)?)\b",
        # Thanks at the very end of a post for what people did wrong: "Cheers for that 👍".
        "(?<=[.!?…\n\U0001f300-\U0001faff])\\s*(?:cheers|thanks|thank\\s+you)\\s+(?:(?:so|very)\\s+much\\s+)?for\\s+that"
        "\\s*[.!]*\\s*[\U0001f44d\U0001f44f\U0001f642\U0001f643\U0001f609\u263a\ufe0f]*\\s*$",
        r"\b(?:good|great|nice|lovely)\s+to\s+see\s+(?:so\s+many\s+(?:of\s+you|people)|some\s+of\s+you|people)\s+(?:still\s+)?(?:ignoring|ignore|parking|dumping|blocking|speeding|not\s+(?:wearing|reading|using|bothering))\b",
        # Handing the problem back: "Over to you." at the very end.
        r"\bover\s+to\s+(?:you|them|him|her)\s*[.!]*\s*$",
        rf"\b(?:the\s+)?ball{_A}s?\s+(?:is\s+)?in\s+(?:your|their|his|her)\s+court\b",
        rf"\bwe{_A}ll\s+be\s+right\s+here\b",
        r"\bthen\s+act\s+(?:surprised|shocked)\b",
        r"\bplease,\s+keep\s+it\s+up\b",
        # A one-word aside that turns the next clause into a retort: "Funny, the crews
        # have photos ...", "Shame the same people are in every Saturday."
        rf"{_OPEN}(?:funny|strange|odd|weird|shame|pity),\s",
        rf"{_OPEN}(?:shame|pity)\s+(?:the|that|those|these|they|you|he|she)\b",
        # "Must be the ambience." "Must be the weather." as a sentence of its own.
        rf"{_OPEN}must\s+be\s+(?:the|all\s+the|our)\s+[a-z]+(?:\s+[a-z]+)?{_CLOSE}",
        # A concession that mocks: "You lot are creative, we'll give you that."
        rf"\b(?:we|i){_A}ll\s+give\s+(?:you|them|him|her)\s+that\b",
        rf"{_OPEN}well\s+spotted{_CLOSE}",
        # Mock congratulation: "Genuinely delighted for yous."
        rf"{_OPEN}(?:genuinely|truly|really|so|honestly)\s+(?:delighted|thrilled|pleased|happy|chuffed)\s+for\s+(?:you|yous|youse|ye|them|him|her|y{_A}all){_CLOSE}",
        # "Lot of experts in the comments today": experts no one appointed.
        r"\b(?:lot|lots|plenty|full|load|loads)\s+of\s+(?:experts|professors|geniuses|economists|lawyers|doctors)\s+(?:in|on|about)\b",
        rf"\bit{_A}s\s+not\s+(?:as\s+if|like)\s+(?:we|there|anyone|they|i)\b",
        # Round 13: sarcasm without swearing.
        # Praise in scare quotes used as a label: "such 'helpful' feedback", "so many
        # 'fraud experts'". Quoting a kind review ("called our team 'so helpful'") puts
        # the quote after a verb, not between a determiner and its noun.
        r"\b(?:such|all\s+(?:the|these|those|this)|so\s+many|so\s+much|these|those|your|their)\s+['‘\"“](?:helpful|constructive|useful|"
        r"valuable|insightful|expert|informed|friendly|brilliant|clever|genius|kind|polite|well-meaning|concerned)['’\"”](?=\s+[a-z])",
        r"\b(?:so\s+many|all\s+(?:the|these|those|our)|these|those|our|the)\s+['‘\"“](?:[a-z-]+\s+)?(?:experts|critics|"
        r"professionals|specialists|geniuses|fact-checkers|researchers|concerned\s+citizens)['’\"”]",
        # Feigned admiration: "we admire the optimism", "we salute your efficiency",
        # "we're flattered by your faith in our reading speed".
        r"\b(?:we|i)\s+(?:(?:really|genuinely|truly|do|have\s+to|must|can\s+only|simply)\s+)?(?:admire|salute|applaud|envy)\s+"
        r"(?:the|your|their|his|her|such)\s+(?:[a-z]+\s+)?(?:optimism|confidence|efficiency|enthusiasm|creativity|"
        r"commitment|dedication|ambition|faith|persistence|determination|imagination|boldness|logic|ingenuity|"
        r"tenacity|audacity|cheek|nerve|self-belief|certainty)\b",
        rf"\b(?:we{_A}re|we\s+are|i{_A}m|i\s+am)\s+(?:very\s+|so\s+|truly\s+|genuinely\s+|most\s+)?flattered\b",
        # Mock charity about what people did: "We're sure it was just an oversight",
        # "we're sure whoever left a broken fridge-freezer meant well".
        rf"\b(?:we{_A}re|we\s+are|i{_A}m|i\s+am)\s+sure\s+(?:it\s+was|it{_A}s|that\s+was|this\s+was)\s+(?:just|only|simply|purely|all)\s+"
        r"(?:an?\s+)?(?:oversight|coincidence|accident|mistake|misunderstanding|honest\s+mistake)\b",
        rf"\b(?:we{_A}re|we\s+are|i{_A}m|i\s+am)\s+sure\s+[^.!?\n]{{0,60}}?\bmeant\s+well\b",
        rf"\b(?:we{_A}re|we\s+are|i{_A}m|i\s+am)\s+sure\s+(?:his|her|their|your)\s+diary\b",
        # "No judgement ☕" after a jibe: an aside that judges.
        rf"{_OPEN}no\s+judge?ment(?:\s+(?:here|at\s+all))?{_CLOSE_OR_EMOJI}",
        # "saw nothing, heard nothing": a street's silence mocked.
        r"\b(?:saw|seen|heard|knew)\s+nothing,?\s+(?:and\s+)?(?:saw|heard|knew|said)\s+nothing\b",
        # Round 16: a virtue credited to someone as a tag of its own, "Real commitment 👏".
        # Praise after a feat, mock after a folly (``folly``, see ``mockery``).
        rf"{_OPEN}(?:real|true|such|sheer|total|now\s+that{_A}s|that{_A}s)\s+(?:commitment|dedication|devotion|"
        rf"determination|talent|ingenuity|initiative|forward\s+planning|problem-solving){_CLOSE_OR_EMOJI}",
    ],
    # Praise that is nearly always mock when it stands alone ("Classy."): counts twice.
    "sneer": [
        # Round 20: thanks for helping criminals ("thank you for saving the thieves the
        # bother of breaking a window") is never thanks.
        r"\b(?:thank\s+you|thanks|cheers)\s+(?:(?:so|very)\s+much\s+)?(?:for|to\s+(?:the|those|everyone|all))\b[^.!?\n]{0,60}?"
        r"\b(?:saving|sparing|helping|making\s+(?:it|life|things)\s+(?:so\s+)?easy\s+for)\s+(?:the\s+)?(?:thieves|burglars|criminals|crooks|"
        r"scammers|fraudsters|vandals|robbers|shoplifters)\b",
        # "Sure you do." "Neither, with respect, are you." "Everyone's an expert."
        rf"(?:{_OPEN}|^@\w+[\s,:]+)(?:sure|yeah|of\s+course)\s+(?:you|they|he|she)\s+(?:do|did|are|were|have|will|would|can|had){_CLOSE_OR_EMOJI}",
        r"\b(?:neither|nor),?\s+(?:with\s+(?:the\s+greatest\s+)?respect,?\s+|bless\s+(?:you|them|him|her),?\s+)?(?:are\s+you|is\s+(?:your|you)|are\s+they|is\s+(?:he|she))\b",
        rf"\bevery(?:one|body){_A}?s\s+(?:suddenly\s+|now\s+)?an?\s+(?:expert|critic|lawyer|doctor|economist|scientist|detective)(?:\s+(?:on|about|in|now|these\s+days|until|till|when)\b|{_CLOSE})",
        rf"\bwe{_A}ll\s+get\s+right\s+on\s+that{_CLOSE_OR_EMOJI}",
        r"\bthanks?\s+for\s+the\s+(?:[\d,]+-word\s+|lengthy\s+|long\s+|little\s+)?(?:essay|lecture|sermon|novel|thesis|dissertation|tirade|rant)\b",
        rf"{_OPEN}(?:(?:very|so|how|real|just)\s+)?(?:classy|charming|mature|genius|delightful|grown[- ]up|priceless){_CLOSE}",
        # "Sure it is, pal. Sure it is."
        rf"{_OPEN}(?:sure|yeah)\s+it\s+(?:is|was|does|did|will){_A}?(?:,\s*(?:pal|mate|love|buddy|chief))?{_CLOSE_OR_EMOJI}",
    ],
    # Round 13: a critic dared to do our hardest shift: "She's very welcome on our 5am
    # street count", "happy to lend their reporter a hi-vis", "we'd invite their editor
    # to spend one night shift". Counts only with a critic's words quoted or a critic
    # named (``critic``), see ``mockery``: "Cllr Khan joined our night shift" is news.
    "dare": [
        rf"\b(?:love\s+to\s+(?:see|hear|watch)|(?:happy|glad|delighted|pleased)\s+to\s+(?:lend|host|have|take|give)|invite|lend|host|"
        rf"standing\s+(?:offer|invitation))\s+(?:him|her|them|(?:any\s+of\s+)?(?:their|its|the)\s+[a-z]+)\b[^.!?\n]{{0,80}}?{_HARDSHIP}",
        rf"\b(?:he|she|they|(?:any\s+of\s+)?(?:their|its)\s+[a-z]+|the\s+(?:reporter|editor|columnist|journalist|councillor|mp|minister)s?)"
        rf"(?:\s+(?:is|are|would\s+be)|{_A}s|{_A}re)\s+(?:very\s+|more\s+than\s+|most\s+)?welcome\s+(?:on|at|to\s+join)\s+(?:our|a|any|one)\b[^.!?\n]{{0,40}}?{_HARDSHIP}",
        rf"{_HARDSHIP}[^.!?\n]{{0,60}}?\b(?:would\s+be|is|are|{_A}d\s+be)\s+(?:happy|glad|delighted|pleased)\s+to\s+(?:host|have|welcome)\s+(?:him|her|them)\b",
        # Homework before the next piece: "before the next headline", "before filing".
        r"\bbefore\s+(?:the|your|their|its|his|her)\s+next\s+(?:headline|column|article|piece|story|report|editorial|broadcast)\b",
        r"\bbefore\s+(?:filing|going\s+to\s+print|(?:you|they|he|she)\s+(?:write|writes|file|files|print|prints|publish|publishes)\s+(?:it|the\s+next|another|one\s+more|"
        r"the\s+(?:second|third|fourth|fifth|sixth|seventh|twelfth|\d+th)))\b",
        # "We'll see whether she's still laughing at 3am."
        rf"\bwe{_A}ll\s+see\s+(?:whether|if)\s+(?:he|she|they|you){_A}(?:s|re)?(?:\s+(?:is|are))?\s+still\s+[a-z]+ing\b",
    ],
    # Round 16: a mock award. "Pulitzer in the post, surely." A finisher's medal really
    # is in the post; one that is "surely" in the post, or a Nobel, is not.
    "award": [
        r"\b(?:pulitzer|nobel|knighthood|oscar|bafta|medal|trophy|award|gold\s+star)(?:\s+prize)?s?\s+(?:is\s+|are\s+)?"
        r"(?:in\s+the\s+post|incoming|on\s+(?:its|their|the)\s+way|beckons|pending)\s*,?\s+surely\b",
        r"\b(?:pulitzer|nobel|knighthood)(?:\s+prize)?\s+(?:is\s+)?(?:in\s+the\s+post|incoming|beckons|surely)\b",
    ],
    # Round 16: what faux praise is aimed at, a folly or a misdeed by the person praised:
    # riding the wrong way, parking on the pavement, queuing forty minutes to tell us
    # they prefer the app, "today's discovery that" the obvious is true. It makes a
    # praise tag ("Genuinely impressive.", "Real commitment 👏") mock; see ``mockery``.
    "folly": [
        r"\bwrong\s+(?:way\s+(?:down|up|along|round|around|on|onto|through|into|over)|side\s+of\s+the\s+road)\b",
        r"\bno\s+sense\s+of\s+(?:self-?preservation|direction|shame|danger|urgency|timing)\b",
        r"\b(?:with\s+no|without\s+(?:any\s+)?)\s*(?:lights|helmet|insurance|licence|seatbelt)\b",
        r"\b(?:queued|queuing|queueing|waited|waiting|sat\s+on\s+hold|stood\s+in\s+line)\b[^.!?\n]{0,80}?\bto\s+(?:tell|inform|let)\s+us\s+"
        r"(?:know\s+)?(?:that\s+)?(?:they|he|she)\s+(?:prefer|preferred|don|didn|do\s+not|never|hate|won|wouldn|can|would\s+rather)",
        rf"\bon\s+(?:today|this\s+(?:week|morning|month)|yesterday|last\s+night){_A}s\s+(?:[a-z-]+\s+)?(?:discovery|revelation|"
        r"realisation|realization)\s+that\b",
        r"\bfor\s+(?:somehow\s+|successfully\s+|finally\s+)?managing\s+to\s+(?:lose|lock|break|miss|forget|ignore|crash|reverse|"
        r"get\s+(?:stuck|lost)|set\s+fire|flood|delete|block|misread|park\s+(?:on|across|in))\b",
        r"\bpark(?:ed|ing|s)?\s+(?:[\w-]+\s+){0,3}?(?:on\s+the\s+pavement|across\s+(?:two|three|four|both|several)\s+|"
        r"across\s+(?:(?:the|a|our|someone['’]s|their|his|her)\s+)?(?:[\w-]+\s+)?(?:dropped\s+kerbs?|driveways?|drives?|entrances?|gates?|crossings?)\b|"
        r"in\s+(?:the|a|our)\s+(?:disabled|ambulance|blue\s+badge|parent\s+and\s+child|cycle\s+lane|bus\s+(?:stop|lane))\b|"
        r"on\s+(?:the\s+)?(?:zig-?zags|double\s+yellow))",
        r",\s+apparently,\s",
    ],
    # Someone dealing with the folly: "well done to the officers who stopped a driver
    # going the wrong way" praises the officers. With one of these the folly is not the
    # praised person's own.
    "enforce": [
        r"\b(?:stopped|caught|arrested|detained|pulled\s+over|seized|charged|fined|ticketed|reported|spotted|nabbed|"
        r"prosecuted|cautioned|towed|clamped|rescued|helped|saved|cleared|cleaned|tidied|fixed|tracked\s+down)\b",
    ],
    "critic": [
        r"\b(?:cllr|councillor|columnist|reporter|editor|journalist|correspondent|headline|front\s+page|mp|minister)s?\b",
    ],
    # Round 17: a writer's pieces about us counted in public ("has now written three
    # pieces this year questioning our pay"): with a dare before the next one (``dare``)
    # the critic is as plain as one quoted, see ``mockery``.
    "tally": [
        r"\b(?:has|have|had)\s+(?:now\s+|already\s+|so\s+far\s+)?(?:written|published|run|filed|posted|tweeted|sent)\s+"
        r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several)\s+|another\s+)(?:[a-z]+\s+)?(?:pieces|articles|columns|stories|"
        r"editorials|blogs|posts|tweets|reports|letters|op-eds)\b",
        r"\b(?:written|posted|tweeted|blogged)\s+(?:about\s+(?:us|it|this|our(?:\s+[a-z]+){1,2})\s+)?(?:two|three|four|five|six|seven|eight|"
        r"nine|ten|eleven|twelve|\d+)\s+times\b",
    ],
    "quote": [
        # A few words in quotes, not introduced as a quotation ("X said: '...'").
        r"(?<![:\w])(?<!:\s)['‘\"“][a-z][a-z ,'’-]{1,40}[a-z]['’\"”](?!\w)",
    ],
    "jeer": [
        # 😌 (smug relief) as well: "...sent from the app 😌".
        "[\U0001f644\U0001f643\U0001f612\U0001f921\U0001f60f\U0001f926\U0001f937\U0001f9d0\U0001f485\U0001f602\U0001f923\U0001f60c]",
    ],
    # 🙄 always; 🙃 (found as "smirk") only when aimed at people, see ``mockery``.
    "eyeroll": ["[\U0001f644\U0001f643]"],
    "aside": [
        # Round 16: "PSA 🙃 ..." opening a post or a sentence (counts only with a jibe).
        r"(?:^|[.!?\n]\s*)psa\b",
        r"\bjust\s+(?:a\s+thought|saying|so\s+(?:you|u)\s+know|sayin{_A})\b".replace("{_A}", _A),
        r"\bfood\s+for\s+thought\b",
        # Round 13: "#JustSaying"; "Our cancellation policy is on the website, for the curious."
        r"#just(?:saying|sayin)\b",
        r",\s+(?:for\s+the\s+curious|for\s+reference|for\s+the\s+record)\s*(?:[.!]|$)",
        r"\bno\s+offen[cs]e\b",
        # Round 9: "You're welcome." as a sentence of its own, after a jibe.
        rf"(?:^|[.!?]\s+)you{_A}re\s+welcome\s*(?:[.!]|$)",
    ],
    # Complaining about complainers: "people who complain", "shouting into the void".
    "gripe": [
        r"\b(?:complain(?:ing|s|ed)?|moan(?:ing|s|ed)?|whing(?:e|ing|eing|es)|whin(?:e|ing)|shouting|ranting|"
        r"tantrums?|entitled|keyboard|(?:one|1)-star|tutting|grumbl(?:e|es|ed|ing|ers?)|999\s+call|(?:rang|called|phoned|dialled|ringing|calling)\s+(?:us\s+on\s+)?999|"
        r"(?:don{_A}t|do\s+not|doesn{_A}t|can{_A}t|cannot|fail\s+to)\s+(?:seem\s+to\s+)?(?:understand|grasp)\s+(?:how|what|why|the\s+difference)|can{_A}t\s+be\s+bothered|never\s+once|act\s+surprised)\b".replace("{_A}", _A),
    ],
    "advice": [
        r"\b(?:maybe|perhaps)\s+(?:just\s+|try\s+(?:and\s+|to\s+)?|(?:you|u)\s+(?:could|should|might\s+want\s+to|need\s+to)\s+)?"
        r"(?:pay|turn|show|cut|stop|learn|read|budget|lay|ease|put|think|check|listen|look|get|don['’]?t|be|shop|"
        r"go|take|use|ask|plan|spend|save|try|eat|drink|drive|sober|leave|wait|call|behave|consider|give)\b",
    ],
    "blame": [
        rf"\b(?:and|then)\s+(?:you|u)\s*(?:wouldn{_A}t|would\s+not|{_A}d\s+actually|would\s+actually|might\s+actually|"
        rf"won{_A}t\s+(?:keep|need|have\s+to\s+keep))\b",
    ],
    "target": [
        r"@\w+",
        r"\b(?:people|folk|customers|clients|patients|tenants|residents|callers|drivers|parents|users|members|"
        r"supporters|commenters|commentators|visitors|practitioners|shoppers|those)\s+(?:who|using|saying|posting|complaining|shouting|telling|asking|calling)\b",
        r"\b(?:some|a\s+few|those|many|so\s+many|most)\s+of\s+(?:you|them)\b",
        r"\b(?:some|a\s+few|many)\s+people\b",
        r"\b(?:some|a\s+few|many|most|all)\s+of\s+(?:the|our)\s+(?:folk|people|customers|members|commenters|replies|comments|critics)\b",
        r"\b(?:the|our|these|those)\s+(?:folk|people|ones)\s+[a-z]+ing\b",
        r"\b(?:some(?:one|body)|people|folk|every(?:one|body))\s+(?:on|in)\s+(?:facebook|twitter|x|here|the\s+internet|social\s+media|tiktok|(?:the|our)\s+(?:comments|replies))\b",
        # Round 24 (holdout23): "Someone on a Halifax community page says ..."
        r"\b(?:some(?:one|body)|people|folk|every(?:one|body))\s+(?:on|in)\s+(?:a|an|the|one)\s+(?:[\w-]+\s+){0,2}?(?:page|group|forum|thread|chat)\b",
        r"\b(?:our|the|these)\s+(?:comments|replies|mentions)\b",
        r"\ba\s+(?:bloke|gent|gentleman|man|woman|lady|lad|chap|fella|caller)\s+(?:in|from)\b",
        r"\bhow\s+many\s+(?:people|of\s+you)\b",
        r"\beveryone\s+(?:who|saying|posting|shouting|complaining|telling|asking)\b",
        r"\bthe\s+comments\b",
        r"\byou\s+lot\b",
        # Addressing the public: "Parents: ...", "Read the label, folks."
        r"(?:^|[.!?]\s+)(?:parents|folks|people|everyone|customers|drivers|residents|shoppers|members|guys)\s*[:,]",
        r",\s+(?:folks|people|everyone|guys|all)\s*[.!?]",
        # "the review calling us 'worse than the Taliban'"
        r"\b(?:reviews?|comments?|tweets?|posts?|emails?|messages?|letters?)\s+(?:calling|saying|claiming|telling)\s+(?:us|we)\b",
        r"\b(?:to\s+)?the\s+(?:man|woman|gentleman|lady|person|guy|bloke|customer|client|patient|caller|"
        r"driver|tenant|resident|supporter|parent|councillor|one|chap|lad|lads|fella|individual|genius)\s+(?:who|in|at|from)\b",
        r"\b(?:someone|somebody|whoever)\s+(?:who\s+)?(?:keeps|thought|decided|left|parked|dumped|emailed|rang|phoned|called|wrote|messaged|complained|sent|posted|tagged)\b",
        r"\bto\s+the\s+['‘\"“]?\w+(?:\s+\w+){0,2}['’\"”]?\s+who\b",
        rf"\bthey{_A}re\b",
        # Round 13: "to the small band of residents still putting pizza boxes in the glass caddy".
        r"\bto\s+(?:the|those|all\s+the)\s+(?:[a-z]+\s+)?(?:band|bunch|crowd|handful|few)\s+of\s+[a-z]+\s+(?:still|who)\b",
        # "another person who read online that...", "something people ask our team".
        r"\banother\s+(?:person|customer|client|driver|cyclist|caller|patient|resident|visitor)\s+(?:who|riding|driving|parking|ringing|asking)\b",
        r"\b(?:people|customers|clients|folk)\s+(?:still\s+)?(?:ask|expect|send)\s+(?:us|our)\b",
        # Round 10: "the handful of roads in Thornbury who ...", "the few who ...".
        r"\b(?:the|a)\s+(?:handful|few|minority|couple)\s+(?:of\s+)?(?:[\w'’-]+\s+){0,5}?who\b",
        r"\b(?:anyone|everyone|those|people)\s+who\s+(?:still\s+|seem\s+to\s+)?(?:think|thinks|reckon|reckons|believe|believes)\b",
    ],
}


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    start: int
    end: int


@functools.cache
def _compiled() -> list[tuple[str, re.Pattern[str], tuple[str, ...] | None]]:
    return [
        (kind, quick(pattern, re.MULTILINE), required_literals(pattern))
        for kind, patterns in _CUES.items()
        for pattern in patterns
    ]


@functools.cache
def _gate() -> Gate:
    return Gate([literals for _, _, literals in _compiled()])


def find_cues(lowered: str) -> list[Cue]:
    """Every cue in ``lowered`` (already lower-cased, offsets unchanged)."""
    cues = []
    compiled = _compiled()
    for index in _gate().candidates(lowered):
        kind, regex, _ = compiled[index]
        for match in regex.finditer(lowered):
            start, end = match.span()
            # Trim the whitespace a sentence opening may have swallowed.
            while start < end and lowered[start].isspace():
                start += 1
            if start < end:
                if kind == "eyeroll" and lowered[start] != "\U0001f644":
                    kind = "smirk"  # 🙃: an eye-roll only when aimed at someone
                cues.append(Cue(kind, start, end))
    return cues


def _by_kind(cues: list[Cue]) -> dict[str, list[Cue]]:
    grouped: dict[str, list[Cue]] = {}
    for cue in cues:
        grouped.setdefault(cue.kind, []).append(cue)
    return grouped


def mockery(cues: list[Cue]) -> list[Cue]:
    """The cues that make a post read as mockery, or [] if they do not add up.

    Each kind counts once (mock praise twice, since "Lovely to hear... Over to you."
    is two jibes), so three quotations in a neutral post never add up to sarcasm:
    three points, or two aimed at people, are mockery; so is one eye-roll or jibe aimed
    at people for complaining ("some of you just enjoy shouting 🙄").
    """
    grouped = _by_kind(cues)
    mocking = grouped.get("mock", []) + grouped.get("sneer", []) * 2
    score = min(2, len(mocking)) + sum(1 for kind in ("quote", "jeer", "aside") if grouped.get(kind))
    # The eye-roll (🙄) is never warm from an organisation's account: aimed at people it
    # is mockery on its own ("Read the label, folks 🙄"). Other jeers (😂, 🙃) can be,
    # but 🙃 aimed at people ("You're welcome 🙃" to callers) counts the same (round 9);
    # about the weather ("Frost in May 🙃") nothing is aimed.
    if grouped.get("eyeroll"):
        score += 1
    aimed = bool(grouped.get("target"))
    if grouped.get("smirk") and aimed:
        score += 1
    named_critic_jibes = grouped.get("critic") and (mocking or grouped.get("jeer") or grouped.get("aside"))
    if grouped.get("dare") and (grouped.get("quote") or grouped.get("tally") or named_critic_jibes):
        # A critic dared to do our night shift (round 13): with the critic's words quoted
        # back, their pieces counted (round 17), or a named critic and another jibe. A
        # named councillor alone is no dare:
        # "Thank you to Cllr Patel for joining our night shift... She's very welcome on
        # our street count any time" is thanks.
        return [c for c in cues if c.kind in ("dare", "quote", "tally")]
    if grouped.get("folly") and (mocking or grouped.get("award")) and not grouped.get("enforce"):
        # Faux praise for a folly (round 16): "Another cyclist riding the wrong way ...
        # Genuinely impressive." The same tag after a feat ("volunteers out at 7am in the
        # rain, real commitment 👏") has no folly and stays praise; officers praised for
        # stopping the cyclist have an ``enforce`` cue.
        return [c for c in cues if c.kind in ("folly", "mock", "sneer", "award")]
    if grouped.get("award") and mocking:
        # "Groundbreaking stuff. Pulitzer in the post, surely."
        return [c for c in cues if c.kind in ("award", "mock", "sneer")]
    if not mocking and not grouped.get("jeer"):
        return []  # quotes and asides alone are how people report and sign off
    if score >= 3 or (score >= 2 and aimed) or (aimed and grouped.get("gripe") and (mocking or grouped.get("jeer"))):
        return [c for c in cues if c.kind in ("mock", "sneer", "quote", "jeer", "aside", "gripe")]
    return []


def condescension(cues: list[Cue]) -> list[Cue]:
    """Unasked-for advice to someone, with blame or a sneer: "@jo maybe pay your rent
    on time and you wouldn't keep getting the letters. Just a thought." Advice alone
    ("Maybe try the park and ride?") is help."""
    grouped = _by_kind(cues)
    advice = grouped.get("advice", [])
    if not advice:
        return []
    if any(grouped.get(kind) for kind in ("blame", "aside", "jeer", "quote", "gripe")):
        return advice + grouped.get("blame", []) + grouped.get("aside", [])
    return []
