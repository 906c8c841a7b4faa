"""Suggested classification of ecosystem players from their Korean descriptions.

tokenizer (Kiwi morphemes) → features (TF-IDF over morphemes and character n-grams, business fields and
KSIC code as extra tokens, taxonomy keyword hits) → model (linear SVM, top-k categories with calibrated
probabilities) beside keywords (the rule baseline and the fallback when nothing is confirmed yet) and
facets (technologies and fields, multi-label). evaluation measures both in data/: trained on the labelled set,
scored on the blind fresh set (and, secondarily, on a held-out split of the labelled set).
training (the only module that touches the database) builds a suggester for a year's taxonomy.
"""
