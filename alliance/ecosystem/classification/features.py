"""Features of a document: TF-IDF over Kiwi morphemes (with business-field morphemes and the KSIC code as
extra tokens), TF-IDF over character 1–3-grams within words (catches spellings the analyser splits
differently and unseen compounds), and the keyword-rule scores per category, capped (domain knowledge the
labelled examples alone are too few to teach)."""

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer

from .documents import Document
from .keywords import KeywordRules
from .roles import role_tokens_many
from .tokenizer import analyse_many, morphemes

KEYWORD_CAP = 3.0
# The role block (roles.py) beside the word blocks: a few tokens per profile that tell a maker for a field
# from a business of the field, weighted like a third block of words.
DEFAULT_ROLE_WEIGHT = 2.0


def document_tokens(document: Document) -> list[str]:
    tokens = morphemes(document.text)
    tokens += ["bf:" + token for token in morphemes(document.business_fields)]
    code = (document.ksic_code or "").strip()
    if code:
        # The full sub-class and its 3-digit group (e.g. 582 소프트웨어 개발 및 공급업).
        tokens += ["ksic:" + code, "ksic3:" + code[:3]]
    return tokens


def document_tokens_many(documents: list[Document]) -> list[list[str]]:
    analyse_many([d.text for d in documents] + [d.business_fields for d in documents])
    return [document_tokens(d) for d in documents]


def _identity(tokens):
    return tokens


class FeatureBuilder:
    def __init__(
        self, rules: KeywordRules | None = None, keyword_weight: float = 2.0, role_weight: float = DEFAULT_ROLE_WEIGHT
    ):
        self.rules = rules
        self.keyword_weight = keyword_weight
        self.role_weight = role_weight
        self.role_vectoriser = TfidfVectorizer(analyzer=_identity, sublinear_tf=True)
        self.morpheme_vectoriser = TfidfVectorizer(analyzer=_identity, sublinear_tf=True)
        self.char_vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True)

    def _keyword_block(self, documents):
        if self.rules is None or not self.keyword_weight:
            return None
        scores = self.rules.score_matrix(documents)
        return csr_matrix(np.minimum(scores, KEYWORD_CAP) / KEYWORD_CAP * self.keyword_weight)

    def _stack(self, blocks):
        return hstack([block for block in blocks if block is not None]).tocsr()

    def _role_block(self, texts, fit: bool):
        if not self.role_weight:
            return None
        tokens = role_tokens_many(texts)
        block = self.role_vectoriser.fit_transform(tokens) if fit else self.role_vectoriser.transform(tokens)
        return block * self.role_weight

    def fit_transform(self, documents: list[Document]):
        tokens = document_tokens_many(documents)
        texts = [d.text for d in documents]
        return self._stack(
            [
                self.morpheme_vectoriser.fit_transform(tokens),
                self.char_vectoriser.fit_transform(texts),
                self._keyword_block(documents),
                self._role_block(texts, fit=True),
            ]
        )

    def transform(self, documents: list[Document]):
        tokens = document_tokens_many(documents)
        texts = [d.text for d in documents]
        return self._stack(
            [
                self.morpheme_vectoriser.transform(tokens),
                self.char_vectoriser.transform(texts),
                self._keyword_block(documents),
                self._role_block(texts, fit=False),
            ]
        )
