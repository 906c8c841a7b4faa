"""What a company is in the value chain, read from how its profile is written (seed 003, [그림 5]).

A maker or provider (hardware, software, content, platform, infrastructure) belongs in the core area even
when everything it makes is for one field; a business of the field itself (a hospital, a school, a travel
agency, a builder, a retailer, an advertising agency) that uses such products belongs in the forward-linked
area of that field. The field words are the same in both ("병원", "교육"); what differs is their role in the
sentence. So besides the words, the classifier gets role tokens from Kiwi's part-of-speech tags:

- `role:to_field` — a field institution in the dative or as a target ("병원에 공급", "학교를 위한", "학교용"):
  someone sells *to* the field;
- `role:is_field` — the company names itself as a field institution ("…전문병원이다", "여행사로,",
  "상호: …병원", a profile ending in such a noun): the company *is* the field;
- `role:supply` / `role:make` / `role:operate` / `role:adopt` — verbs of supplying, making, running and
  adopting (공급·납품·판매 / 개발·제작·제조 / 운영 / 도입·활용·사용);
- `role:product:<kind>` — the product named as the object of a making or supplying verb (솔루션, 앱, 장비, 플랫폼,
  콘텐츠, 영상 …).

The tokens go into their own TF-IDF block (features.FeatureBuilder), so the linear model learns how much
each weighs per category instead of a hand-set rule.
"""

from .tokenizer import kiwi

# Nouns that name a business of a field (an institution that uses what the core area makes).
_INSTITUTION_WORDS = (
    "병원 의원 요양원 요양병원 보건소 클리닉 학교 대학 대학교 학원 어학원 연수원 교육원 교육기관 훈련기관 "
    "훈련센터 여행사 리조트 호텔 테마파크 박물관 미술관 과학관 컨벤션센터 기획사 PCO 쇼핑몰 백화점 마트 편의점 "
    "편집숍 브랜드 건설사 시공사 건축사사무소 제조사 공장 조선소 방산 방위산업체 부대 군 구청 시청 지자체 공사 "
    "공단 도서관 대행사 에이전시 광고대행사 매체사 홈쇼핑 체인 프랜차이즈 재단"
)
FIELD_INSTITUTIONS = frozenset(_INSTITUTION_WORDS.split())
PRODUCTS = {
    "솔루션": "software",
    "소프트웨어": "software",
    "앱": "software",
    "시스템": "software",
    "SDK": "software",
    "SaaS": "software",
    "엔진": "software",
    "툴": "software",
    "도구": "software",
    "장비": "hardware",
    "기기": "hardware",
    "장치": "hardware",
    "헤드셋": "hardware",
    "글라스": "hardware",
    "시뮬레이터": "hardware",
    "센서": "hardware",
    "모듈": "hardware",
    "플랫폼": "platform",
    "콘텐츠": "content",
    "영상": "video",
    "게임": "game",
    "에셋": "asset",
    "모델": "asset",
    "전시": "exhibition",
    "서버": "infrastructure",
    "클라우드": "infrastructure",
    "망": "infrastructure",
}
SUPPLY = frozenset(["공급", "납품", "판매", "제공", "보급", "라이선스", "수출", "임대"])
MAKE = frozenset(["개발", "제작", "제조", "생산", "설계", "구축", "출시", "양산", "만들"])
OPERATE = frozenset(["운영", "서비스"])
ADOPT = frozenset(["도입", "활용", "사용", "쓰", "적용", "처방", "이용"])
NOUN_TAGS = frozenset({"NNG", "NNP", "SL", "XR"})
_cache: dict[str, tuple[str, ...]] = {}
CACHE_LIMIT = 50_000


def _is_institution(form: str) -> bool:
    return form in FIELD_INSTITUTIONS or any(form.endswith(name) and len(name) >= 2 for name in FIELD_INSTITUTIONS)


VERB_KINDS = (("supply", SUPPLY), ("make", MAKE), ("operate", OPERATE), ("adopt", ADOPT))


def _institution_role(after) -> str | None:
    """What the word after a field institution says about it: sold to, acted on, or the company itself."""
    if after.tag == "JKB" and after.form in {"에", "에게", "과", "와"}:
        return "role:to_field"
    if after.tag == "XSN" and after.form == "용":
        return "role:to_field"
    if after.tag == "JKO":
        return "role:field_object"
    if after.tag == "VCP" or (after.tag == "JKB" and after.form in {"으로", "로"}):
        return "role:is_field"
    return None


def _noun_roles(form: str, after) -> list[str]:
    found = []
    if after is not None and _is_institution(form):
        found.append(_institution_role(after))
    found.extend("role:" + kind for kind, words in VERB_KINDS if form in words)
    if form in PRODUCTS and after is not None and after.tag in {"JKO", "JC"}:
        found.append("role:product:" + PRODUCTS[form])
    return [token for token in found if token]


def _role(tokens) -> tuple[str, ...]:
    found = []
    tokens = list(tokens)
    last_noun = None
    for index, token in enumerate(tokens):
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        form, tag = token.form, token.tag
        if tag in NOUN_TAGS:
            last_noun = form
            found.extend(_noun_roles(form, after))
        elif tag.startswith("VV"):
            if form in MAKE:
                found.append("role:make")
            elif form in ADOPT:
                found.append("role:adopt")
        elif tag in {"SF", "SP"} and last_noun and _is_institution(last_noun):
            found.append("role:is_field")
    if last_noun and _is_institution(last_noun):
        found.append("role:ends_with_field")
    return tuple(found) or ("role:none",)


def role_tokens(text: str) -> list[str]:
    """The role tokens of a profile (see the module docstring)."""
    text = text or ""
    if text not in _cache:
        if len(_cache) >= CACHE_LIMIT:
            _cache.clear()
        _cache[text] = _role(kiwi().tokenize(text)) if text.strip() else ("role:none",)
    return list(_cache[text])


def role_tokens_many(texts) -> list[list[str]]:
    pending = [text for text in dict.fromkeys(texts) if text and text.strip() and text not in _cache]
    if len(pending) > 1:
        for text, tokens in zip(pending, kiwi().tokenize(pending), strict=True):
            _cache[text] = _role(tokens)
    return [role_tokens(text) for text in texts]
