"""People's names: which word is the family name, and what a reader may type for a person (the
surname alone, without a particle, a father's name or a given name)."""

from __future__ import annotations

import re

_PATRONYMIC = frozenset({"bin", "ibn", "bint"})
_PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le",
              "van", "von", "der", "den", "ter", "y", "e", "ben", "abu", "mac",
              "ould"}  # (Mauritanian "Sidi Mohamed Ould Bekaye": "Ould" alone names no one, round 190)


# Given names that also stand second in a name ("Maria Leonor", "José Luis", "Juan Carlos"): never
# accepted alone as the person's family name.
_GIVEN_NAMES = frozenset("""maria maría ana josé jose luis luís luiz carlos juan manuel antonio antónio
    francisco pedro miguel leonor isabel teresa cristina fernanda helena elena lucía lucia inés ines beatriz
    carmen rosa paula sofia sofía eduardo fernando alberto andrés andre andré javier jorge ignacio pablo
    inácio ignácio joão joao paulo gabriel rafael daniel david alejandro diego mariana gabriela patricia
    alexandra victoria mercedes dolores pilar eugenia cecilia silvia
    raj kumar prasad bahadur lal chandra nath prakash mohan krishna ram devi kumari""".split())
# (the second half: South Asian middle names, given names too: "Raj" alone is not Prakash Raj
# Bhandari, round 28)
# Given names that, in the middle of a name, are a father's ("Jasem Mohamed Albudaiwi" is no "Mohamed",
# round 210); last, they may be the family name ("Samia Suluhu Hassan" is "Hassan").
_FATHERS_NAMES = frozenset("""mohamed mohammed muhammad mohammad mohamad ahmed ahmad hassan hussein hussain
    abdullah abdulla khalid omar ibrahim yousef yusuf salem saleh rashid hamad""".split())


# Family names written first ("Tan Siew Ling", "Park Ji Hoon", "Wang Xiao Ming"): Chinese and Korean
# names of three parts, whose last two are the given name. Their last word alone is no surname to
# accept (round 52 failed "Ling" and "Siew Ling" accepted for Tan Siew Ling).
_FAMILY_FIRST = frozenset("""tan lim lee ng goh ong teo chua koh chan wong leong yeo chong toh lau sim tay chew
    foo seah yap wee liew phua quek kim park choi jung kang cho yoon jang han seo shin kwon hwang ahn yoo
    jeon moon song hong ryu baek bae nam noh wang zhang liu chen yang huang zhao zhou xu sun zhu guo gao luo zheng liang xie tang feng deng cao
    peng zeng xiao tian dong pan yuan cai jiang du cheng wei ren shen yao zhong cui""".split())
# Vietnamese family names, written first too ("Tran Quoc Hung"); the given name, last, is the one
# a Vietnamese is called by ("Mr Hung"), so it is accepted alone as well.
_VIETNAMESE_FAMILY = frozenset("""nguyen nguyễn tran trần le lê pham phạm hoang hoàng huynh huỳnh phan vu vũ vo võ
    dang đặng bui bùi do đỗ ho hồ ngo ngô duong dương ly lý truong trương dinh đinh""".split())
_FAMILY_FIRST = _FAMILY_FIRST | _VIETNAMESE_FAMILY


def family_first(name: str) -> bool:
    """Is ``name`` written family name first ("Tan Siew Ling": ``_FAMILY_FIRST``)?"""
    parts = name.split()
    if len(parts) in (2, 3) and re.fullmatch(r"[A-Z]{2,}", parts[0]) and all(re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)?", p)
                                                                       for p in parts[1:]):
        return True  # the family name in capitals, as the UN system writes it ("QU Dongyu", held-back round 201)
    if len(parts) == 2 and re.fullmatch(r"[A-Z][a-z]{1,5}", parts[0]) and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", parts[1]):
        # a Korean or Taiwanese name, its given name hyphenated, lower case after the hyphen ("Cho
        # Min-seok", round 83; "Lin Cheng-yu", whatever the family name, session 27)
        return True
    return len(parts) == 3 and parts[0].casefold() in _FAMILY_FIRST \
        and all(p[:1].isupper() and p.isalpha() and p.casefold() not in _PARTICLES for p in parts[1:])


def surname(name: str) -> str:
    """The family name alone: the first word of a name written family name first, else the last
    (with its particles: ``family_name``)."""
    parts = name.split()
    if family_first(name):
        return parts[0]
    last = len(parts) - 1
    if last >= 2 and parts[last].rstrip(".").lower() in _GENERATIONS:
        last -= 1  # "Eli M. Remolona Jr": "Remolona", never "Jr" (round 218)
    return family_name(parts, last)


_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def family_name(parts: list[str], last: int) -> str:
    """The name ending at ``parts[last]`` with the particles before it ("Hédi Ben Salah" -> "Ben
    Salah", "Ursula von der Leyen" -> "von der Leyen"): a particle alone names no one's family."""
    first = last
    while first > 1 and parts[first - 1].lower() in _PARTICLES:
        first -= 1
    return " ".join(parts[first:last + 1])


def _surname_forms(name: str) -> list[str]:
    """What a reader may type for a person of three or more names: each later name alone and with
    the first ("Óscar Alvarado Solís": "Alvarado", "Solís", "Alvarado Solís", "Óscar Alvarado").
    Spanish and Portuguese names carry two family names and the article may use either; an extra
    accepted form costs nothing, a right answer marked wrong costs the student."""
    parts = name.split()
    if len(parts) < 3:
        return []
    if family_first(name):
        given = [parts[2]] if parts[0].casefold() in _VIETNAMESE_FAMILY else []
        return [parts[0], f"{parts[1]} {parts[2]} {parts[0]}", *given]  # "Tan", "Siew Ling Tan"
    out: list[str] = []
    # (in a name of four parts the second is a given name too: "Ana Lucía Quispe Huamán")
    later = [p for p in parts[1 if len(parts) < 4 else 2:] if p.lower() not in _PARTICLES and len(p.strip(".")) > 2
             and p.casefold() not in _GIVEN_NAMES  # ("Maria Leonor Sampaio": "Leonor" is her given name too)
             and (p.casefold() not in _FATHERS_NAMES or p.casefold() == parts[-1].casefold())]
    # ("Hilal bin Nasser Al Kindi": the name after "bin" is his father's, no family name of his; session 27)
    later = [p for p in later if parts[parts.index(p) - 1].lower() not in _PATRONYMIC]
    if re.match(r"(?i)(?:al|el)[-‑]", parts[-1]):
        # "Khalid Abdulaziz Al-Mannai": the middle name is his father's; the family name is "Al-Mannai",
        # also written "Al Mannai" and called "Mannai" (round 176)
        bare = parts[-1][3:]
        return [parts[-1], f"{parts[-1][:2]} {bare}", bare, f"{parts[0]} {parts[-1]}"]
    for p in later:
        i = parts.index(p)
        family = family_name(parts, i)  # "Hédi Ben Salah": "Ben Salah", never "Salah" alone
        if family != p:
            out += [family, f"{parts[0]} {family}"] if family != " ".join(parts[1:]) else [family]
            if family.split()[0].lower() in ("al", "el"):
                out += [p, f"{family.split()[0]}-{p}"]  # "Al Kindi" is also written "Al-Kindi", and called "Kindi"
            continue
        out += [p, f"{parts[0]} {p}"]
    if len(later) >= 2 and not any(w.lower() in _PATRONYMIC for w in parts):
        out.append(" ".join(later[-2:]))
    return out
