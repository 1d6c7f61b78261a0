"""Russian speakers resolved within one article: names on their nominative forms (``Пескова`` ->
``Дмитрий Песков``), ``он``/``она`` to the nearest earlier person of that gender (the one named in
the nominative, when its sentence names one: the subject, not the person received or spoken to), ``В.Путин`` to
the full name the article gives. The same API as ``kit.coref.Resolver``; used by ``kit.quotes_ru``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .coref_document import JOINED
from .cues import RuLexicon
from .language import fold_case_endings

SENTENCE_END = re.compile(r"[.!?…]\s+(?=[«\"„—–]?[А-ЯЁA-Z])")
RU_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|овна|евна|ична|инична)(?:а|у|ем|ом|е|ы|ой)?$")
LEADING_INITIALS = re.compile(r"^(?:[А-ЯЁA-Z]\.\s?){1,2}(?=[А-ЯЁA-Z])")
# The date line under a kremlin.ru headline ("14 февраля 2025 года, 13:30")
DATE_LINE = re.compile(r"\s\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|"
                       r"ноября|декабря)\s+\d{4}\s+года(?:,?\s+\d{1,2}:\d{2})?\s")


@dataclass
class RuPerson:
    start: int
    end: int
    name: str      # nominative form ("Дмитрий Песков")
    gender: str    # "m", "f" or ""
    full: str = ""
    oblique: bool = False  # named in a case other than the nominative ("принял главу района Виктора Лузина")


class RuResolver:
    """Speaker mentions resolved within one Russian article (the same API as ``kit.coref.Resolver``)."""

    def __init__(self, text: str, names: list[tuple[int, int, str, str]], blocked: list[tuple[int, int]],
                 lex: RuLexicon, oblique: set[int] = frozenset()):
        self.text, self.lex = text, lex
        self.they: dict[int, str] = {}  # offset of an "они" -> whom it stands for (``they_antecedents``)
        self._caps: list | None = None  # capitalised words, for ``by_patronymic``
        people = [RuPerson(s, e, LEADING_INITIALS.sub("", name).strip() if " " not in name else name, g)
                  for s, e, name, g in sorted(names) if not any(bs <= s < be for bs, be in blocked)]
        self.people = [p for p in people if p.name and p.name[0].isupper()]
        for p in self.people:
            p.oblique = p.start in oblique
        for p in self.people:
            p.full = self.full_name(p.name)
        genders: dict[str, str] = {}
        for p in self.people:
            if p.gender:
                genders.setdefault(p.full, p.gender)
        for p in self.people:
            p.gender = p.gender or genders.get(p.full, "")

    def full_name(self, name: str) -> str:
        """The fullest name in the article sharing this name's surname."""
        key = fold_case_endings(name.split()[-1]) if name.split() else ""
        best = name
        for p in self.people:
            words = p.name.split()
            if words and fold_case_endings(words[-1]) == key and len(words) > len(best.split()):
                best = p.name
        return best

    def surname(self, word: str, at: int = -1) -> str:
        """A surname, in any case or with initials ("В.Путин", "Пескова") -> the full name, '' when unknown."""
        written = LEADING_INITIALS.sub("", word.strip())
        key = fold_case_endings(written)
        for p in reversed(self.people):
            if fold_case_endings(p.name.split()[-1]) == key and not self._left_oblique(p, written):
                return p.full
        return ""

    @staticmethod
    def _left_oblique(person: RuPerson, written: str) -> bool:
        """'(Обращаясь к А.Лихачёву.)': a surname the tagger could not put in the nominative (its
        initial joined to it) stays in the case it was written in; a mention of the same surname in
        another form ('А.Лихачёв:' in a label) is better left as it is than given that case."""
        return person.oblique and person.full == person.name and " " not in person.name and person.name != written

    def pronoun(self, word: str, at: int) -> str:
        """The person 'он'/'она' at ``at`` stands for: the nearest earlier one of its gender; when
        that one is named in an oblique case, the one its sentence names in the nominative, if any
        ('Губернатор Ершов принял главу района Лузина. Он пообещал …' -> Ершов)."""
        gender = "m" if word in self.lex.male else "f" if word in self.lex.female else ""
        if not gender:
            return ""
        earlier = [p for p in self.people if p.end <= at and p.gender == gender]
        if not earlier:
            return ""
        nearest = earlier[-1]
        if nearest.oblique:
            opens = max((m.end() for m in SENTENCE_END.finditer(self.text, 0, nearest.start)), default=0)
            subjects = [p for p in earlier if p.start >= opens and not p.oblique]
            if subjects:
                return subjects[-1].full
        return nearest.full

    def resolve(self, mention: str, start: int, head: str, head_at: int = -1) -> str:
        """The speaker for a mention starting at ``start`` whose head word is ``head``."""
        if not mention:
            return ""
        lhead = head.lower()
        if lhead in self.lex.male or lhead in self.lex.female:
            return self.pronoun(lhead, start)
        if lhead == "они":
            return self.they.get(head_at, "")
        if lhead in self.lex.first or lhead in self.lex.second:
            return ""
        if lhead in self.lex.joint and (sides := self.unnamed_sides(start)):
            return sides  # "Лидеры подчеркнули …": every participant of the call
        end = start + len(mention)
        # natasha tags a capitalised office as a person now and then ("Глава государства поздравил")
        inside = [p for p in self.people if p.start < end and start < p.end and p.full.lower() not in self.lex.roles]
        if inside:
            holding = [p for p in inside if p.start <= head_at < p.end]
            named_after = [p for p in inside if holding and p.start > holding[0].end]
            if holding and " " not in holding[0].name and named_after:
                holding = named_after  # "Президент Трамп": a capitalised title read as a name, the name after it
            full = (holding or inside)[0].full
            return self.by_patronymic(full) or full
        words = mention.split()
        if head[:1].isupper() and len(words) <= 3:
            found = self.surname(words[-1], start)
            if found:
                return found
        return self.holder_of(mention, start) or self.by_patronymic(mention) or mention

    def by_patronymic(self, mention: str) -> str:
        """'Как сказал Марат Шакирзянович', 'Александр Николаевич обратил внимание': a first name and
        patronymic the text also writes with the surname ('Хуснуллин Марат Шакирзянович' in a
        label's tooltip, 'Марат Шакирзянович Хуснуллин') -> first name and surname; else ''."""
        words = mention.split()
        if len(words) != 2 or not RU_PATRONYMIC.search(words[1].lower()):
            return ""
        key = (fold_case_endings(words[0]), fold_case_endings(words[1]))
        if self._caps is None:
            self._caps = list(re.finditer(r"[А-ЯЁ][а-яё\-]+", self.text))
        caps = self._caps
        found: dict[str, str] = {}  # folded surname -> first name and surname as written
        for k, (a, b) in enumerate(zip(caps, caps[1:])):
            if b.start() != a.end() + 1 or (fold_case_endings(a.group()), fold_case_endings(b.group())) != key:
                continue
            before = caps[k - 1] if k > 0 and caps[k - 1].end() + 1 == a.start() else None
            after = caps[k + 2] if k + 2 < len(caps) and caps[k + 2].start() == b.end() + 1 else None
            for surname in (before, after):
                if surname is not None and self._known_surname(surname.group(), a.group()[0]):
                    # the nominative the name tagger gave the person, when the text wrote them in another
                    # case only ("уважаемому Владимиру Владимировичу Путину" -> not "Владимиру Путину")
                    name = self.surname(surname.group()) if a.group() != words[0] else ""
                    name = name or f"{a.group()} {surname.group()}"
                    found.setdefault(fold_case_endings(surname.group()), name)
                    if a.group() == words[0]:
                        found[fold_case_endings(surname.group())] = name  # the mention's own case
        if not found:  # "Пожалуйста, Ирина Михайловна. И.Гусева: …": the address just before a label
            stem = rf"(?i:{re.escape(key[0][:4])}\w*\s+{re.escape(key[1][:5])}\w*)"
            for m in re.finditer(stem + rf"[.!,]?\s+{words[0][0]}\.\s?([А-ЯЁ][а-яё\-]+)\s?:", self.text):
                found.setdefault(fold_case_endings(m.group(1)), f"{words[0][0]}.{m.group(1)}")
        return next(iter(found.values())) if len(found) == 1 else ""

    def _known_surname(self, word: str, initial: str) -> bool:
        """A word the text also uses as a surname: after the initial ('М.Хуснуллин') or as the last
        word of a person's name; not an office written with a capital ('Заместитель')."""
        if f"{initial}.{word}" in self.text or f"{initial}. {word}" in self.text:
            return True
        return any(fold_case_endings(p.name.split()[-1]) == fold_case_endings(word) for p in self.people
                   if len(p.name.split()) > 1 and not RU_PATRONYMIC.search(p.name.split()[-1].lower()))

    def holder_of(self, mention: str, at: int) -> str:
        """'Губернатор рассказал …' after 'губернатором Тверской области Игорем Руденей': the
        nearest earlier person the text introduced with that office, '' when none was."""
        words = mention.lower().split()
        if not words or len(words) > 2 or words[0] not in self.lex.roles:
            return ""
        for p in reversed(self.people):
            before = self.text[max(0, p.start - 80):p.start].lower().split()[-6:]
            if p.end <= at and words[0] in {fold_case_endings(w) for w in before} | set(before):
                return p.full
        return ""

    def unnamed_sides(self, at: int) -> str:
        """Who stands behind a readout's statement that names nobody ("Условлено …", "Выражена
        обоюдная заинтересованность …") when no person is the subject of a cue: the people its
        opening names (up to the date line, else its first sentence), "; "-joined, when they are
        two or more (a call or a meeting); else ""."""
        dated = DATE_LINE.search(self.text)
        first = self.text.find(". ")
        end = dated.start() if dated else first if first >= 0 else len(self.text)
        found: dict[str, str] = {}  # one name per surname: "Шавкат Мирзиёев" and "Шавкатом Мирзиёевым"
        for p in self.people:
            if p.start < min(end, at):
                found.setdefault(fold_case_endings(p.full.split()[-1]), p.full)
        return JOINED.join(found.values()) if len(found) >= 2 else ""
