"""Tolerance of voice typing: a run of characters that sounds like a rule keyword but is
no word of its own (点梯 for 电梯, 跳匝 for 跳闸) is read as that keyword.

The keywords' sounds come from pypinyin (toneless, with the merged sounds nlp/faq.py
uses: zh/z, ch/c, sh/s, n/l, -ng/-n), so no homophone table is kept by hand. Only what jieba
does not know is a candidate (报案 stays 报案), and a two-character slip must keep one of
the keyword's characters.
"""

import unicodedata

import jieba
from pypinyin import Style, lazy_pinyin

_MAX = 4
_CACHE_LIMIT = 200_000
_UNSEEN = object()
_PARTICLES = frozenset("了的在是有一个那这到过吗呢啊吧就也都不像")
_sound: dict[str, str] = {}


# Sounds many speakers (and the pinyin keyboards' fuzzy settings) do not tell apart.
MERGED_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))
MERGED_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"), ("ong", "on"))


def merge(syllable: str) -> str:
    for heard, same in MERGED_INITIALS:
        if syllable.startswith(heard):
            syllable = same + syllable[len(heard) :]
            break
    for heard, same in MERGED_FINALS:
        if syllable.endswith(heard):
            return syllable[: -len(heard)] + same
    return syllable


def _syllable(ch: str) -> str:
    """The character's first reading from pypinyin, toneless and with merged sounds ("" if
    not Chinese)."""
    found = _sound.get(ch)
    if found is None:
        if "\u4e00" <= ch <= "\u9fff":
            reading = lazy_pinyin(ch, style=Style.NORMAL, v_to_u=True, errors=lambda _: [""])[0]
            found = merge("".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c)))
        else:
            found = ""
        _sound[ch] = found
    return found


class SoundIndex:
    def __init__(self, words, aliases=()):
        """words: the keywords to hear; aliases: keywords that only stand for another
        (heard as that one, so the evidence names the real word)."""
        self.by_sound: dict[tuple, str] = {}
        aliases = frozenset(aliases)
        for word in sorted(words, key=lambda w: (w in aliases, -len(w), w)):
            if not 2 <= len(word) <= _MAX or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
                continue
            self.by_sound.setdefault(tuple(_syllable(ch) for ch in word), word)
        self.words = frozenset(words)
        self.first = frozenset(key[0] for key in self.by_sound)
        self.first_long = frozenset(key[0] for key in self.by_sound if len(key) >= 3)
        self.second_long: dict[str, set] = {}
        for key in self.by_sound:
            if len(key) >= 3:
                self.second_long.setdefault(key[0], set()).add((key[1],))
        self.lengths = sorted({len(key) for key in self.by_sound}, reverse=True)
        # the first two sounds of every keyword: a position whose two sounds are none of these
        # starts no slip, and most positions are passed over with this one look-up
        self.openings = frozenset(key[:2] for key in self.by_sound)
        # what each token seen so far is (the same few thousand come up in every message):
        # most start no slip at all and are passed over with one lookup
        self._tokens: dict[str, tuple] = {}
        self._heard: dict[tuple[str, bool], str | None] = {}

    def _describe(self, tok: str) -> tuple:
        """(can start a slip, is Han, unknown to jieba, head sound starts a keyword, head
        sound starts a long keyword, head sound, second sound or None if in the next token,
        may open a slip here (a longer token: see below), a longer
        unknown token: a word jieba's HMM guessed)."""
        han = "\u4e00" <= tok[0] <= "\u9fff"
        unknown = han and (len(tok) == 1 or (tok not in self.words and not jieba.dt.FREQ.get(tok)))
        head = _syllable(tok[0])
        in_first, in_long = head in self.first, head in self.first_long
        starts = han and (in_first or in_long)
        second = _syllable(tok[1]) if len(tok) > 1 else None
        if second is None:
            opens = starts  # the next token's sound decides
        else:
            # a word of two characters or more is put right only as the head of a slip jieba
            # read as known words (correct(): an unknown word is split into characters first):
            # three or four characters, opening with the sounds of a long keyword
            opens = starts and len(tok) < _MAX and in_long and (second,) in self.second_long.get(head, ())
        return starts, han, unknown, in_first, in_long, head, second, opens, unknown and len(tok) > 1

    def _remember(self, tok: str) -> tuple:
        found = self._tokens[tok] = self._describe(tok)
        return found

    def _match(self, window: str, known: bool = False) -> str | None:
        """The keyword this window is a slip for, if any (remembered: the same few runs of
        characters come up in message after message)."""
        key = (window, known)
        found = self._heard.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._heard[key] = self._slip_for(window, known)
        return found

    def _slip_for(self, window: str, known: bool) -> str | None:
        word = self.by_sound.get(tuple(_syllable(ch) for ch in window))
        if word is None or word == window:
            return None
        pairs = list(zip(window, word, strict=True))
        # a slip keeps a real character of the keyword (two characters of a longer one,
        # 所不上 for 锁不上), and does not hear a particle as anything else (人了 is not 人呢);
        # a keyword's particle may be misheard (卡再 for 卡在: 再 and 在 are the commonest slip)
        if not any(a == b and a not in _PARTICLES for a, b in pairs):
            return None
        if known and sum(a == b for a, b in pairs) < 2:
            return None
        if any(a != b and a in _PARTICLES for a, b in pairs):
            return None
        return word

    def correct(self, tokens: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
        """jieba's tokens with sound-alike keywords put right, and each (heard, keyword).

        Candidates are what jieba did not find in its dictionary: a word its HMM guessed
        (点梯, 跳匝) or a run of single characters (着 活)."""
        words, freq = self.words, jieba.dt.FREQ
        known, remember = self._tokens, self._remember
        if len(known) > _CACHE_LIMIT or len(self._heard) > _CACHE_LIMIT:
            known.clear()
            self._heard.clear()
        given = tokens
        infos = [known.get(tok) or remember(tok) for tok in given]
        if any(info[8] for info in infos):
            # a word jieba's HMM guessed often glues the slip to a neighbour (梯卡 再 for
            # 梯 卡在): look at its characters one by one
            tokens = [piece for tok, info in zip(given, infos, strict=True) for piece in (tok if info[8] else (tok,))]
            infos = [known.get(tok) or remember(tok) for tok in tokens]
        # only where a keyword's first sound is heard can a slip start: most tokens are passed
        # over here, with what each token is remembered
        starting = [i for i, info in enumerate(infos) if info[7]]
        out: list[str] = []
        fixes: list[tuple[str, str]] = []
        openings = self.openings
        n, settled = len(tokens), 0  # tokens before settled are in out
        for i in starting:
            if i < settled:
                continue  # part of a slip already put right
            starts, han, unknown, in_first, in_long, head, second, _, _ = infos[i]
            if second is None:
                second = infos[i + 1][5] if i + 1 < n else ""
                if (head, second) not in openings:  # no keyword starts with these two sounds
                    continue
            word, used, glued, ends = None, 1, "", []
            if unknown:
                # the longest run of unknown pieces (single characters, words jieba guessed)
                length, end = 0, i
                while end < n and length + len(tokens[end]) <= _MAX and infos[end][2]:
                    length += len(tokens[end])
                    end += 1
                    ends.append((end, length))
                if in_first:
                    for end, length in reversed(ends):
                        window = "".join(tokens[i:end])
                        if length >= 2 and not (end - i > 1 and freq.get(window)):
                            word = self._match(window)
                            if word:
                                used = end - i
                                break
            if word is None and in_long and (second,) in self.second_long.get(head, ()):
                # a slip jieba read as known words (漫出来 heard as 满 出来): three or four
                # characters on word boundaries, two of them the keyword's own
                end, length = i, 0
                while end < n and length + len(tokens[end]) <= _MAX:
                    length += len(tokens[end])
                    end += 1
                    window = "".join(tokens[i:end])
                    if length >= 3 and end - i > 1 and window not in words and not freq.get(window):
                        found = self._match(window, known=True)
                        if found:
                            word, used = found, end - i
            if word is None and in_long and ends and ends[-1][1] >= 2 and ends[-1][0] < n:
                # the slip's last sound glued to the next word (田然 气管 for 天然气 管):
                # two of a long keyword's characters kept, the rest of that word stays
                end, length = ends[-1]
                after = tokens[end]
                for cut in range(min(len(after) - 1, _MAX - length), 0, -1):
                    word = self._match("".join(tokens[i:end]) + after[:cut], known=True)
                    if word:
                        used, glued = end - i + 1, after[cut:]
                        break
            if word:
                out += tokens[settled:i]
                out.append(word)
                heard = "".join(tokens[i : i + used])
                if glued:
                    out.append(glued)
                    heard = heard[: -len(glued)]
                fixes.append((heard, word))
                settled = i + used
        if not fixes:
            return given, fixes
        out += tokens[settled:]
        return out, fixes
