"""Keyword classification on jieba tokens: code, intent, urgency, emotion.

One jieba.lcut per message, then one dict lookup per token. Weights of matched keywords
add up per code (more for the opening clause, or a long letter's title sentence), per
intent, and for urgency and emotion; keywords right after a negator are skipped. The
decisions on top follow the taxonomy's conventions: a grievance about handling outranks
the fault it names, questions go to the desk, praise goes to service attitude, and a weak
best score falls back to OTHER for a person to look at.
"""

import re
from dataclasses import asdict, dataclass, field, replace

import jieba

from nlp import choosing, gated, letters, negation, phrases, pinyin, segment, situation, structure, taxonomy, urgency
from nlp.asides import read_aside
from nlp.blend import FULL_LETTER, second_opinion
from nlp.forms import acknowledges, asks_either, only_summons
from nlp.model import current_model
from nlp.normalize import normalize
from nlp.praise_english import praised_in, soured
from nlp.rules import CODE, EMOTION, INTENT, URGENT, RuleOverride, apply_overrides, compile_rules, default_rules
from nlp.temper import provoked


@dataclass(frozen=True)
class Classification:
    intent: str
    category: str
    code: str
    urgent: bool
    emotion: str
    confidence: float
    evidence: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class _Scan:
    """What one pass over the tokens found."""

    codes: dict = field(default_factory=dict)
    intents: dict = field(default_factory=dict)
    urgent: float = 0.0
    upset: float = 0.0
    long_text: bool = False
    added: int = 0  # where a second problem was added (还有 …), counted less after; 0: none
    denied: list = field(default_factory=list)  # keywords said not to be it (不是垃圾的味): their index
    # (kind, target, surface) of every counted hit, for the evidence shown to staff
    hits: list = field(default_factory=list)


class Classifier:
    def __init__(self, overrides: list[RuleOverride] | tuple = (), rules: dict | None = None, model="auto"):
        """model: "auto" uses nlp.model.current_model() (loaded lazily), None the rules alone,
        or a Model instance."""
        self._model = model
        base = rules if rules is not None else default_rules()
        self.overrides = tuple(overrides)
        self.rules = compile_rules(apply_overrides(base, self.overrides))
        segment.add_words(self.rules.words())
        # keywords staff switched off carry no evidence for the model either
        muted = {
            o.keyword.strip().lower()
            for o in self.overrides
            if o.kind == "code" and (not o.active or float(o.weight) == 0)
        }
        muted |= {alias for alias, word in base.get("aliases", {}).items() if word in muted}
        self._muted = tuple(sorted(muted, key=len, reverse=True))
        self._staff_words = frozenset(
            o.keyword.strip().lower() for o in self.overrides if o.active and float(o.weight) != 0
        )
        # urgency words staff added keep their say in every message, not only in letters
        self._staff_urgent = {
            o.keyword.strip().lower(): float(o.weight)
            for o in self.overrides
            if o.kind == "urgent" and o.active and str(o.target).strip().lower() == "true"
        }
        # English words the rules read (light, broken): the model, fitted on Chinese, hears them in Chinese
        self._glosses = {a: w for a, w in base.get("aliases", {}).items() if a.isascii() and not w.isascii()}
        self._sounds = pinyin.SoundIndex(self.rules.words() | situation.literal_words(), base.get("aliases", {}))
        situation.warm_up()
        s = self.rules.settings
        self._window = int(s["negation_window"])
        self._lead = tuple(float(f) for f in s["lead_clause_factors"])
        self._title_factor = float(s["title_factor"])
        self._body_cue_factor = float(s["body_cue_factor"])
        self._body_scale = float(s["body_scale"])
        self._body_power = float(s["body_power"])
        self._title_min = int(s["title_min_length"])
        self._locative_factor = float(s["locative_factor"])
        self._elapsed = (s["elapsed_code"], float(s["elapsed_weight"]))
        # "空调坏了 还有卫生间的水龙头也在漏": a second problem added after the first is not the main one
        self._additions = frozenset(s.get("addition_markers", ()))
        self._addition_factor = float(s.get("addition_factor", 1.0))
        # "态度真好": praise is said in a structure (who + degree + good), not one word; most
        # messages lack a character each of these needs, so each runs alone and seldom
        self._praise = gated.Alternation(base.get("praise_patterns", []), jieba.dt.FREQ)

    # -- scanning ---------------------------------------------------------------------

    def _scan(self, text: str, tokens: list[str]) -> _Scan:
        rules = self.rules
        index, negators, breaks, ends = rules.index, rules.negators, rules.breaks, rules.sentence_ends
        locatives, prepositions, parts, places = rules.locatives, rules.prepositions, rules.parts, rules.places
        numerals, units, marker, possessive = (
            rules.elapsed_numerals,
            rules.elapsed_units,
            rules.elapsed_marker,
            rules.possessive,
        )
        window, lead, locative_factor = self._window, self._lead, self._locative_factor
        long_text = len(text) >= self._title_min and (len(text) >= FULL_LETTER or "。" in text)
        title_factor, body_cue_factor = self._title_factor, self._body_cue_factor
        n = len(tokens)
        scan = _Scan(long_text=long_text)
        codes, intents, hits = scan.codes, scan.intents, scan.hits
        body: dict[str, float] = {}  # long texts: scores from after the title sentence
        clause = sentence = 0
        last_neg = -99
        at_break = True
        owner = -99  # index of the last token that named a code, for "owner + part"
        object_sentence = -1  # the sentence that named a faulty object (not a place) so far
        seen: dict[str, int] = {}  # repeats count less and less: 1, 1/2, 1/3 ...
        modifiers = phrases.place_modifiers(tokens, rules)
        suffixes = rules.suffixes
        additions, added = self._additions, 1.0
        for i, tok in enumerate(tokens):
            if tok in additions and codes and not long_text:
                added = self._addition_factor  # what follows is a second problem
                scan.added = scan.added or i
            found = index.get(tok)
            if found is None and len(tok) > 1 and tok[-1] in suffixes:
                entry, exceptions = suffixes[tok[-1]]
                found = None if tok in exceptions else entry  # 维修费, 开户费: a charge
            if found is None:
                if tok in breaks:
                    if not at_break:
                        clause += 1
                        at_break = True
                    if tok in ends:
                        sentence += 1
                    last_neg = -99
                elif tok in negators:
                    last_neg = i
                    at_break = False
                else:
                    at_break = False
                    if (
                        tok[-1] in units
                        and i + 1 < n
                        and tokens[i + 1] == marker
                        and (tok[0] in numerals or (i and tokens[i - 1][-1] in numerals))
                    ):
                        code, weight = self._elapsed
                        codes[code] = codes.get(code, 0.0) + weight
                        hits.append((CODE, code, tok + marker))
                continue
            at_break = False
            if i - last_neg <= window:
                if tokens[last_neg] in negation.CONTRAST and any(k == CODE and t[:3] != "SVC" for k, t, _ in found):
                    scan.denied.append(i)  # 不是垃圾的味: an object denied (不是说好 … is a chase)
                continue
            cue_factor = 1.0
            if long_text:
                # a citizen letter states its subject in the title sentence
                cue_factor = title_factor if sentence == 0 else body_cue_factor
                factor = title_factor if sentence == 0 else 1.0
            else:
                factor = (lead[clause] if clause < len(lead) else 1.0) * added
            repeat = seen.get(tok, 0)
            seen[tok] = repeat + 1
            if repeat:
                factor /= repeat + 1
            # a place followed by a locative ("in the lift") or after a preposition ("at the car
            # park") says where something happened, not what happened
            if (
                (i + 1 < n and tokens[i + 1] in locatives)
                or (i and tok in places and tokens[i - 1] in prepositions)
                or i in modifiers
            ):
                factor *= locative_factor
            # a generic part ("door", "button") belongs to the thing named just before it
            # ... or to the object named earlier in the sentence ("电梯停在两层中间 门打不开")
            owned = tok in parts and (
                i - owner == 1
                or (i - owner == 2 and tokens[i - 1] == possessive)
                or (object_sentence == sentence and not long_text)
            )
            for kind, target, weight in found:
                if kind == CODE:
                    if owned:
                        continue
                    # a locative (旁边 also hears neighbours) says where, and a grievance (反映过) is
                    # about handling: neither owns a part ("反映过楼道灯坏了": the lamp is the lamp's)
                    thing = tok not in locatives and not target.startswith("SVC")
                    if (tok not in places or tok in rules.part_owning_places) and thing:
                        owner = i
                    if tok not in places and factor >= 1.0 and tok not in parts and thing:
                        object_sentence = sentence
                    if long_text and sentence:
                        body[target] = body.get(target, 0.0) + weight * factor
                    else:
                        codes[target] = codes.get(target, 0.0) + weight * factor
                elif kind == INTENT:
                    intents[target] = intents.get(target, 0.0) + weight * cue_factor
                elif kind == URGENT:
                    scan.urgent += weight
                elif kind == EMOTION:
                    scan.upset += weight * cue_factor
                hits.append((kind, target, tok))
        if body:
            # many loosely related words in a long letter should not outvote its title
            scale, power = self._body_scale, self._body_power
            for target, value in body.items():
                if value > 0:
                    codes[target] = codes.get(target, 0.0) + scale * value**power
        return scan

    def _grievance_alone(self, scan: _Scan, s: dict) -> bool:
        """A strong grievance keyword (没人管, 又拖到) when no topic was named: weaker ones
        (还没, 好几次) alone are no grievance ("我还没吃饭呢")."""
        grievance, index = s["grievance_code"], self.rules.index
        strong = s["grievance_min"] * choosing.STRONG_GRIEVANCE_SHARE
        return any(
            kind == CODE
            and target == grievance
            and any(k == CODE and t == grievance and w >= strong for k, t, w in index.get(tok, ()))
            for kind, target, tok in scan.hits
        )

    # -- deciding ---------------------------------------------------------------------

    def classify(self, text: str) -> Classification:
        # a report says what it is about early; a 7,000-character paste must not cost seconds
        norm = normalize((text or "")[:MAX_CHARS])
        if not norm or only_summons(norm):  # nothing, or only 在吗: a greeting
            return Classification("other", taxonomy.OTHER, taxonomy.OTHER, False, "calm", 0.0, [])
        aside = read_aside(self.classify, norm, _INSULTED)  # 物业费白交了, 物业真垃圾: beside the report
        if aside is not None:
            return aside
        s = self.rules.settings
        tokens, heard = self._sounds.correct(segment.keyword_cut(norm, self.rules.index))
        if heard:  # voice typing: 点梯 is read as 电梯 from here on
            norm = "".join(tokens)
        scan = self._scan(norm, letters.plain_opening(tokens))  # 反映…问题: the letter's own verb
        marks = []
        chars = set(norm)  # once: the praise and the situation patterns gate on these
        praised = self._praise.search(norm, chars)
        if praised:
            scan.intents["praise"] = scan.intents.get("praise", 0.0) + s["praise_min"]
            scan.hits.append((INTENT, "praise", praised.group(0)))
        if scan.intents.get("praise", 0.0) > 0 and structure.sarcastic(norm):
            soured(scan.intents, scan.codes, norm, s)  # a complaint; in English, about the staff praised
        if "!!!" in norm:
            scan.upset += s["exclaim3_upset"]
            marks.append("!!!")
        elif "!!" in norm:
            scan.upset += s["exclaim2_upset"]
            marks.append("!!")
        if "???" in norm:
            scan.upset += s["question3_upset"]
            marks.append("???")
        either = asks_either(norm)  # 是整栋停还是几栋: a question, "?" or not
        if "?" in norm or either:
            scan.intents["inquiry"] = scan.intents.get("inquiry", 0.0) + s["question_inquiry"]
        if either:
            scan.intents["inquiry"] += s["inquiry_min"]
        upset = scan.upset >= s["upset_min"] or provoked(norm)  # 找你们经理, 太差劲

        code, score, runner_up = choosing.pick_code(scan.codes, s, scan.long_text and letters.fault_recurs(norm))
        if code == taxonomy.OTHER and self._grievance_alone(scan, s):
            # "然后就没人管了": a grievance with no topic beside it, said after the first clause
            code, score, runner_up = s["grievance_code"], scan.codes[s["grievance_code"]], 0.0
        if scan.long_text:
            # letters to the authorities are complaints unless they clearly say otherwise
            for name, prior in s["long_text_priors"].items():
                scan.intents[name] = scan.intents.get(name, 0.0) + prior
        intent = choosing.pick_intent(scan.intents, code, upset, s)
        said = ""  # the structure that applied: its intent is read from the form (怎么收费 asks)
        if scan.long_text and intent in ("complaint", "repair", "other", "inquiry") and letters.title_asks(norm):
            intent, said = "inquiry", "title_question"  # a letter whose title asks a question

        if intent == "praise":  # ... said in English, the model hears only the staff's name
            code, score, said = s["praise_code"], max(score, scan.intents.get("praise", 0.0)), praised_in(norm)
        elif intent == "inquiry" and (not scan.long_text or code in (s["info_code"], s["money_code"])):
            code, score = choosing.inquiry_code(scan, code, score, s)

        confidence = choosing.confidence(score, runner_up, s)
        # unsure of the code, and of its category too: 「漏水」 (plumbing or a leak) is still
        # engineering, which the desk may refine
        unsure = confidence < s["threshold"] and not choosing.sure_of_category(code, score, scan, s)
        if code == taxonomy.OTHER or unsure:
            code = taxonomy.OTHER
            # nothing to route on: keep only a clearly stated intent
            if intent != "suggestion" and scan.intents.get(intent, 0.0) < 2 * s["inquiry_min"]:
                intent = "other"
        structured = False  # a sentence structure, not keywords, decided the code
        cleared = frozenset()
        if not scan.long_text and intent != "praise":
            cleared = negation.cleared_codes(norm, self.rules.index)
            # a structure reads the main problem, not one added after it (地漏反味 另外问一下物业费怎么交)
            main = "".join(tokens[: scan.added]) if scan.added else norm
            refined = structure.decide(main, code, intent, scan.codes, cleared)
            # the rules read what the model's n-grams cannot: an object said to be fine (空调没问题)
            structured = bool(cleared)
            if refined[0] != code:
                confidence = max(confidence, s["threshold"] + 0.1)
                structured = True
            code, intent, said = refined
        elif scan.long_text and intent != "praise" and (titled := letters.title_subject(norm)):
            # a letter whose title disputes money is billing's (空调维修被多要钱), a fire lane blocked safety's
            if code != titled[0]:
                code, structured = titled[0], True
                confidence = max(confidence, s["threshold"] + 0.1)
            said = said or titled[1]
            intent = "complaint" if intent in ("repair", "other") else intent
        # a letter to the authorities recounts dangers past and feared, not one happening now: there
        # the urgency keywords judge; a message by the situation it describes (and staff's keywords)
        glossed = []  # English danger words read in Chinese, shown when they made it urgent
        if scan.long_text:
            # ... but a sentence of one may tell a danger there today (今日下午…仍在上涨)
            seen = urgency.letter_situation(situation.in_chinese(norm)[0])
            keyword_score = letters.told_urgency(norm, scan.urgent)
        else:
            in_chinese, glossed = situation.in_chinese(norm)  # 被trap在里面: 被困在里面
            seen = situation.assess(in_chinese, chars if in_chinese == norm else None)
            if seen is situation.NOTHING and code == taxonomy.OTHER and intent != "inquiry":
                seen = situation.call_for_help(norm)
            staff = self._staff_urgent  # most instances added none: no sum to take
            keyword_score = sum(staff.get(t, 0.0) for kind, _, t in scan.hits if kind == URGENT) if staff else 0.0
        keyword_urgent = keyword_score >= s["urgent_min"] and intent in ("repair", "complaint")
        named, trade = urgency.named_codes(scan.hits, self.rules.places, norm)
        code, intent, urgent, confidence = urgency.weigh(
            seen, code, intent, keyword_urgent, confidence, scan.codes, named, norm, trade
        )
        people_first = urgent and urgency.keeps_code(seen, code, norm, named, trade)

        evidence = []
        for kind, target, surface in scan.hits:
            if (
                (kind == CODE and target == code)
                or (kind == INTENT and target == intent)
                or (
                    kind == URGENT and urgent and target == "true" and (scan.long_text or surface in self._staff_urgent)
                )
                or (kind == EMOTION and upset)
            ) and surface not in evidence:
                evidence.append(surface)
        if upset:
            evidence.extend(marks)
        if urgent:
            evidence.extend(e for e in seen.evidence if e not in evidence)
        for was, word in heard + glossed if urgent else heard:  # what was heard as what (点梯≈电梯)
            shown = [f"{was}≈{word}" if e == word else e for e in evidence]
            evidence = shown if shown != evidence else evidence + [f"{was}≈{word}"]
        result = Classification(
            intent=intent,
            category=taxonomy.category_of(code),
            code=code,
            urgent=urgent,
            emotion="upset" if upset else "calm",
            confidence=round(confidence, 3),
            evidence=evidence,
        )
        model = current_model() if self._model == "auto" else self._model
        # a rule staff wrote for this wording decides: the model learned before it existed
        if model is None or (self._staff_words and any(surface in self._staff_words for _, _, surface in scan.hits)):
            return result
        # no report at all (a sales pitch, a question to the bot, 好的 等你们电话): the model, which
        # fills in where the rules find nothing, would make a desk question of it
        if code == taxonomy.OTHER and not urgent and (structure.not_a_report(norm) or acknowledges(norm)):
            return replace(result, intent="other")
        if not scan.long_text and (scan.denied or cleared):
            tokens = negation.main_subject(tokens, scan.denied, cleared - {code}, self.rules.index, code)
            norm = "".join(tokens)
        if not self._glosses.keys().isdisjoint(tokens):  # ... and not the English words around them
            index = self.rules.index
            tokens = [self._glosses.get(t, t) for t in tokens if not (t.isascii() and t.isalpha()) or t in index]
            norm = "".join(tokens)
        if _INSULT.search(norm):  # 垃圾物业 is a grievance, not rubbish: the model reads 垃圾 as rubbish
            norm = _INSULT.sub("", norm)
            tokens = [t for t in (_INSULT.sub("", t) for t in tokens) if t]
        for word in self._muted:
            if word in norm:
                norm = norm.replace(word, " ")
                tokens = [t for t in tokens if t != word]
        if not norm.strip():
            return result
        # guards alone for people in danger keep their code; the structures kept: SAID_CODE_HOLDS
        return second_opinion(result, model, norm, tokens, structured, said, keep_code=people_first)


MAX_CHARS = 2000
# an insult before who is insulted (垃圾物业, 破客服): the grievance, not rubbish or breakage
_INSULT = re.compile(r"(垃圾|破|烂)(?=物业|服务|客服|公司|管理|保安)")
_INSULTED = Classification("complaint", "SVC", "SVC-ATTI", False, "upset", 0.8, [])
